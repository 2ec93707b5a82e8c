import type { Territory, TerritoryInput } from "../../../lib/api/types";

/** The territory form: where a partner's address must lie to be in it (empty lists: any). */
export interface TerritoryValues {
  name: string;
  countries: string[];
  regions: string[];
  postal_codes: string[];
}

export const emptyTerritory: TerritoryValues = { name: "", countries: [], regions: [], postal_codes: [] };

export const territoryToValues = (t: Territory): TerritoryValues => ({
  name: t.name,
  countries: t.countries,
  regions: t.regions,
  postal_codes: t.postal_codes,
});

const clean = (list: readonly string[], upper = false) => [
  ...new Set(list.map((v) => (upper ? v.trim().toUpperCase() : v.trim())).filter(Boolean)),
];

/** The POST body: trimmed, country codes upper-case, repeats dropped. */
export function toCreateBody(v: TerritoryValues, parentId: string | null): TerritoryInput {
  return { parent_id: parentId, name: v.name.trim(), countries: clean(v.countries, true), regions: clean(v.regions), postal_codes: clean(v.postal_codes) };
}

/** The PATCH body from the changed fields only (fields left out stay as they are). */
export function toUpdateBody(changes: Partial<TerritoryValues>): TerritoryInput {
  const body: TerritoryInput = {};
  if (changes.name !== undefined) body.name = changes.name.trim();
  if (changes.countries) body.countries = clean(changes.countries, true);
  if (changes.regions) body.regions = clean(changes.regions);
  if (changes.postal_codes) body.postal_codes = clean(changes.postal_codes);
  return body;
}
