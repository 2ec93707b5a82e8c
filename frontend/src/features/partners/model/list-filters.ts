import { andFilters, type FilterNode } from "../../../components/FilterBuilder";

export const PARTNER_STATUSES = ["prospect", "active", "inactive"] as const;
export const PARTNER_KINDS = ["company", "individual"] as const;

/** The typed filters above the partners list. Empty strings mean "any". */
export interface PartnerListFilters {
  q: string;
  status: string;
  group_id: string;
  owner_id: string;
  /** "customer", "supplier" or "" for both. */
  relation: string;
  unassigned: boolean;
  trashed: boolean;
  /** This territory and those under it ("" for any). */
  territory_id: string;
  /** Only partners the caller owns as primary, deputy or shared owner ("My partners"). */
  mine: boolean;
}

export const emptyPartnerFilters: PartnerListFilters = {
  q: "",
  status: "",
  group_id: "",
  owner_id: "",
  relation: "",
  unassigned: false,
  trashed: false,
  territory_id: "",
  mine: false,
};

/**
 * "My partners" and the territory filter exist only as query parameters of GET /partners (the filter tree
 * of POST /partners/search has neither), so with them the list is read from GET.
 */
export const needsListEndpoint = (f: PartnerListFilters) => f.mine || Boolean(f.territory_id);

/** The typed filters as GET /partners query parameters. */
export function listQuery(f: PartnerListFilters) {
  const text = f.q.trim();
  return {
    q: text || undefined,
    status: f.status || undefined,
    group_id: f.group_id || undefined,
    owner_id: !f.unassigned && f.owner_id ? f.owner_id : undefined,
    unassigned: f.unassigned || undefined,
    mine: f.mine || undefined,
    territory_id: f.territory_id || undefined,
    is_customer: f.relation === "customer" ? true : undefined,
    is_supplier: f.relation === "supplier" ? true : undefined,
    trashed: f.trashed || undefined,
  };
}

/** The typed filters as one node of the JSON filter tree (POST /partners/search takes no typed parameters). */
export function typedFilter(f: PartnerListFilters): FilterNode | null {
  const text = f.q.trim();
  const eq = (field: string, value: unknown): FilterNode => ({ field, op: "eq", value });
  return andFilters(
    text
      ? {
          or: [
            { field: "name", op: "contains", value: text },
            { field: "tax_id", op: "contains", value: text },
            { field: "city", op: "contains", value: text },
          ],
        }
      : null,
    f.status ? eq("status", f.status) : null,
    f.group_id ? eq("group_id", f.group_id) : null,
    f.unassigned ? { field: "primary_owner_id", op: "is_null", value: true } : f.owner_id ? eq("primary_owner_id", f.owner_id) : null,
    f.relation === "customer" ? eq("is_customer", true) : null,
    f.relation === "supplier" ? eq("is_supplier", true) : null,
  );
}
