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
}

export const emptyPartnerFilters: PartnerListFilters = {
  q: "",
  status: "",
  group_id: "",
  owner_id: "",
  relation: "",
  unassigned: false,
  trashed: false,
};

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
