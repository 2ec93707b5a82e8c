// The API's sort parameter: "name,-created_at" (a leading minus means descending).
export interface SortKey {
  field: string;
  desc: boolean;
}

export function parseSort(sort: string | null | undefined): SortKey[] {
  if (!sort) return [];
  return sort
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.startsWith("-") ? { field: s.slice(1), desc: true } : { field: s, desc: false }));
}

export function formatSort(keys: readonly SortKey[]): string {
  return keys.map((k) => (k.desc ? `-${k.field}` : k.field)).join(",");
}

/**
 * A click on a column header: ascending -> descending -> off. Without `additive` the column becomes the only
 * sort key; with it (shift-click) the column is added to or cycled within the existing keys.
 */
export function toggleSort(sort: string | null | undefined, field: string, additive = false): string {
  const keys = parseSort(sort);
  const current = keys.find((k) => k.field === field);
  const next: SortKey | null = !current ? { field, desc: false } : !current.desc ? { field, desc: true } : null;
  if (!additive) return next ? formatSort([next]) : "";
  const others = keys.filter((k) => k.field !== field);
  if (!next) return formatSort(others);
  return current ? formatSort(keys.map((k) => (k.field === field ? next : k))) : formatSort([...others, next]);
}
