import type { OwnerCount } from "../../../lib/api/types";

export interface OwnerRow {
  userId: string | null;
  total: number;
  territories: { territoryId: string | null; partners: number }[];
}

/** The rows per owner (unassigned last), each with its territories, biggest first. */
export function groupByOwner(rows: readonly OwnerCount[]): OwnerRow[] {
  const byUser = new Map<string | null, OwnerRow>();
  for (const r of rows) {
    const key = r.user_id ?? null;
    const row = byUser.get(key) ?? { userId: key, total: 0, territories: [] };
    row.total += r.partners;
    row.territories.push({ territoryId: r.territory_id ?? null, partners: r.partners });
    byUser.set(key, row);
  }
  const out = [...byUser.values()];
  for (const r of out) r.territories.sort((a, b) => b.partners - a.partners);
  return out.sort((a, b) => (a.userId === null ? 1 : b.userId === null ? -1 : b.total - a.total));
}
