import { andFilters, type FilterNode } from "../../../components/FilterBuilder";

/** The typed filters above the deals list. Empty strings mean "any". */
export interface DealListFilters {
  q: string;
  kind: string;
  type_id: string;
  stage_id: string;
  status: string;
  priority: string;
  owner_id: string;
  overdue: boolean;
  /** Expected close on or after / on or before (YYYY-MM-DD). */
  close_from: string;
  close_to: string;
}

export const emptyDealFilters: DealListFilters = {
  q: "",
  kind: "",
  type_id: "",
  stage_id: "",
  status: "",
  priority: "",
  owner_id: "",
  overdue: false,
  close_from: "",
  close_to: "",
};

/** The typed filters as GET /deals query parameters. */
export function dealListQuery(f: DealListFilters) {
  const v = (s: string) => s.trim() || undefined;
  return {
    q: v(f.q),
    kind: v(f.kind),
    type_id: v(f.type_id),
    stage_id: v(f.stage_id),
    status: v(f.status),
    priority: v(f.priority),
    owner_id: v(f.owner_id),
    overdue: f.overdue || undefined,
    close_from: v(f.close_from),
    close_to: v(f.close_to),
  };
}

/**
 * The typed filters as one node of the filter tree, for POST /deals/search (with the filter builder). "Overdue"
 * is an open deal whose stage is due before `now`.
 */
export function dealTypedFilter(f: DealListFilters, now: Date = new Date()): FilterNode | null {
  const eq = (field: string, value: unknown): FilterNode => ({ field, op: "eq", value });
  const text = f.q.trim();
  return andFilters(
    text ? { field: "title", op: "contains", value: text } : null,
    f.kind ? eq("kind", f.kind) : null,
    f.type_id ? eq("type_id", f.type_id) : null,
    f.stage_id ? eq("stage_id", f.stage_id) : null,
    f.status ? eq("status", f.status) : null,
    f.priority ? eq("priority", f.priority) : null,
    f.owner_id ? eq("owner_id", f.owner_id) : null,
    f.overdue ? andFilters(eq("status", "open"), { field: "stage_due_at", op: "lt", value: now.toISOString() }) : null,
    f.close_from ? { field: "expected_close_on", op: "gte", value: f.close_from } : null,
    f.close_to ? { field: "expected_close_on", op: "lte", value: f.close_to } : null,
  );
}
