import type { PartnerOwner, SetOwners } from "../../../lib/api/types";

/** The owners form: one primary owner, deputies and users the partner is shared with. */
export interface OwnersValues {
  primary_id: string | null;
  deputy_ids: string[];
  shared_ids: string[];
}

export function ownersToValues(owners: readonly PartnerOwner[], primaryOwnerId?: string | null): OwnersValues {
  const of = (role: string) => owners.filter((o) => o.role === role).map((o) => o.user_id);
  return {
    primary_id: primaryOwnerId ?? of("primary")[0] ?? null,
    deputy_ids: of("deputy"),
    shared_ids: of("shared"),
  };
}

/**
 * The PUT /owners body. A user holds one role per partner (the server rejects duplicates): the primary
 * owner wins over deputy, deputy over shared; repeats are dropped.
 */
export function valuesToSetOwners(v: OwnersValues): SetOwners {
  const taken = new Set<string>(v.primary_id ? [v.primary_id] : []);
  const keep = (ids: readonly string[]) =>
    ids.filter((id) => {
      if (!id || taken.has(id)) return false;
      taken.add(id);
      return true;
    });
  const deputy_ids = keep(v.deputy_ids);
  const shared_ids = keep(v.shared_ids);
  return { primary_id: v.primary_id || null, deputy_ids, shared_ids };
}
