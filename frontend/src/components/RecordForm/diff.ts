/** Value equality for form values (strings, numbers, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

function normalize(v: unknown): unknown {
  if (v === undefined || v === "") return null;
  if (Array.isArray(v)) return v.map(normalize);
  return v;
}

/** The entries of `next` that differ from `base`. */
export function changedValues<V extends object>(base: V, next: V): Partial<V> {
  const out: Partial<V> = {};
  for (const key of Object.keys(next) as (keyof V)[]) {
    if (!sameValue(base[key], next[key])) out[key] = next[key];
  }
  return out;
}

export interface FieldConflict {
  field: string;
  mine: unknown;
  theirs: unknown;
  /** The other person changed this field since we loaded the record. */
  changedByOthers: boolean;
  /** We changed this field. */
  changedByMe: boolean;
}

/** Field-by-field comparison for the 412 dialog. */
export function compareVersions<V extends object>(base: V, mine: V, theirs: V): FieldConflict[] {
  const keys = Object.keys(mine) as (keyof V & string)[];
  return keys
    .map((field) => ({
      field,
      mine: mine[field],
      theirs: theirs[field],
      changedByOthers: !sameValue(base[field], theirs[field]),
      changedByMe: !sameValue(base[field], mine[field]),
    }))
    .filter((c) => c.changedByOthers || c.changedByMe);
}
