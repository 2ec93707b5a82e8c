import type { Territory } from "../../lib/api/types";

export type TerritoryLike = Pick<Territory, "id" | "name"> & { parent_id?: string | null };

export interface TerritoryNode<T extends TerritoryLike = TerritoryLike> {
  territory: T;
  depth: number;
  children: TerritoryNode<T>[];
}

const byName = <T extends TerritoryLike>(a: TerritoryNode<T>, b: TerritoryNode<T>) => a.territory.name.localeCompare(b.territory.name);

/**
 * The tree from the flat list (GET /territories gives `parent_id`). A territory whose parent is not in
 * the list becomes a root, so nothing vanishes; a cycle (which the server refuses) would be cut.
 */
export function buildTree<T extends TerritoryLike>(list: readonly T[]): TerritoryNode<T>[] {
  const nodes = new Map(list.map((t) => [t.id, { territory: t, depth: 0, children: [] } as TerritoryNode<T>]));
  const roots: TerritoryNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.territory.parent_id ? nodes.get(node.territory.parent_id) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const seen = new Set<string>();
  const settle = (level: TerritoryNode<T>[], depth: number): TerritoryNode<T>[] =>
    level
      .filter((n) => !seen.has(n.territory.id) && seen.add(n.territory.id))
      .sort(byName)
      .map((n) => Object.assign(n, { depth, children: settle(n.children, depth + 1) }));
  return settle(roots, 0);
}

/** Depth first, parents before their children: the order a tree shows in. */
export function flattenTree<T extends TerritoryLike>(roots: readonly TerritoryNode<T>[]): TerritoryNode<T>[] {
  return roots.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The names from the outermost territory down to `id` (empty when unknown). */
export function territoryPath(list: readonly TerritoryLike[], id: string | null | undefined): string[] {
  const byId = new Map(list.map((t) => [t.id, t]));
  const path: string[] = [];
  const seen = new Set<string>();
  let cur = id ? byId.get(id) : undefined;
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    path.unshift(cur.name);
    cur = cur.parent_id ? byId.get(cur.parent_id) : undefined;
  }
  return path;
}

export const PATH_SEPARATOR = " › ";

export const pathLabel = (path: readonly string[]) => path.join(PATH_SEPARATOR);

/** Options for a picker: every territory labelled with its path, in tree order. */
export function territoryOptions(list: readonly TerritoryLike[]): { value: string; label: string }[] {
  return flattenTree(buildTree(list)).map((n) => ({ value: n.territory.id, label: pathLabel(territoryPath(list, n.territory.id)) }));
}
