interface Positioned {
  id: string;
  position: number;
}

/** Items in list order: by position, then as the server listed them. */
export function inOrder<T extends Positioned>(items: readonly T[]): T[] {
  return items.map((item, i) => ({ item, i })).sort((a, b) => a.item.position - b.item.position || a.i - b.i).map((x) => x.item);
}

/** The position a new item gets: after the last one, in steps of 10 so items can be slotted in between. */
export function nextPosition(items: readonly Positioned[]): number {
  return items.reduce((max, i) => Math.max(max, i.position), 0) + 10;
}

/**
 * Moves the item at `index` (of the ordered list) one place up (-1) or down (+1); returns only the items
 * whose position changes (one PATCH each). With distinct positions the two items swap theirs; otherwise
 * (ties, e.g. items created without a position) the list is numbered 10, 20, 30, ...
 */
export function move<T extends Positioned>(ordered: readonly T[], index: number, dir: -1 | 1): { item: T; position: number }[] {
  const target = index + dir;
  const a = ordered[index];
  const b = ordered[target];
  if (!a || !b) return [];
  if (new Set(ordered.map((i) => i.position)).size === ordered.length) {
    return [
      { item: a, position: b.position },
      { item: b, position: a.position },
    ];
  }
  const next = [...ordered];
  const [moved] = next.splice(index, 1);
  if (!moved) return [];
  next.splice(target, 0, moved);
  return next.map((item, i) => ({ item, position: (i + 1) * 10 })).filter((x) => x.item.position !== x.position);
}
