import type { AssignmentRule, RuleInput } from "../../../lib/api/types";

export const RULE_ROLES = ["primary", "deputy", "shared"] as const;

/** One row of the table being edited; `key` is for React, `id` keeps an existing rule. */
export interface RuleRow {
  key: string;
  id: string | null;
  territory_id: string | null;
  group_id: string | null;
  user_id: string | null;
  role: string;
  priority: number;
  valid_from: string;
  valid_to: string;
}

let seq = 0;
const nextKey = () => `row-${++seq}`;

export const ruleToRow = (r: AssignmentRule): RuleRow => ({
  key: r.id,
  id: r.id,
  territory_id: r.territory_id ?? null,
  group_id: r.group_id ?? null,
  user_id: r.user_id,
  role: r.role,
  priority: r.priority,
  valid_from: r.valid_from ?? "",
  valid_to: r.valid_to ?? "",
});

export const emptyRow = (): RuleRow => ({
  key: nextKey(),
  id: null,
  territory_id: null,
  group_id: null,
  user_id: null,
  role: "primary",
  priority: 100,
  valid_from: "",
  valid_to: "",
});

/** The body of preview and apply: the whole table, rows in order (the server names errors by index). */
export function rowsToInput(rows: readonly RuleRow[]): RuleInput[] {
  return rows.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    territory_id: r.territory_id,
    group_id: r.group_id,
    user_id: r.user_id ?? "",
    role: r.role,
    priority: r.priority,
    valid_from: r.valid_from || null,
    valid_to: r.valid_to || null,
  }));
}

/** A stable fingerprint of the table as it would be sent, to know whether a preview still describes it. */
export const tableSignature = (rows: readonly RuleRow[]) => JSON.stringify(rowsToInput(rows));

/**
 * The row a preview names by rule id: an existing rule by its id, a row not saved yet as `new:<index>`.
 * Returns the row's index, or null when the rule is not in the table.
 */
export function ruleRowIndex(ruleId: string | null | undefined, rows: readonly RuleRow[]): number | null {
  if (!ruleId) return null;
  const m = /^new:(\d+)$/.exec(ruleId);
  if (m) {
    const i = Number(m[1]);
    return i < rows.length ? i : null;
  }
  const i = rows.findIndex((r) => r.id === ruleId);
  return i < 0 ? null : i;
}
