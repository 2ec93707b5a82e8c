import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api/problem";
import { canApply, canPreview, previewStale } from "./gating";
import { problemToRowErrors } from "./row-errors";
import { emptyRow, ruleRowIndex, ruleToRow, rowsToInput, tableSignature } from "./rules";

const rule = { id: "r1", territory_id: "t1", group_id: null, user_id: "u1", role: "primary", priority: 10, valid_from: null, valid_to: "2030-01-01", updated_at: "" };

describe("rules table", () => {
  it("keeps existing rules by id and sends new rows without one", () => {
    const rows = [ruleToRow(rule), { ...emptyRow(), user_id: "u2", valid_from: "2026-01-01" }];
    expect(rowsToInput(rows)).toEqual([
      { id: "r1", territory_id: "t1", group_id: null, user_id: "u1", role: "primary", priority: 10, valid_from: null, valid_to: "2030-01-01" },
      { territory_id: null, group_id: null, user_id: "u2", role: "primary", priority: 100, valid_from: "2026-01-01", valid_to: null },
    ]);
  });

  it("finds the row a preview names, saved or new", () => {
    const rows = [ruleToRow(rule), emptyRow()];
    expect(ruleRowIndex("r1", rows)).toBe(0);
    expect(ruleRowIndex("new:1", rows)).toBe(1);
    expect(ruleRowIndex("new:5", rows)).toBeNull();
    expect(ruleRowIndex(null, rows)).toBeNull();
  });

  it("puts field errors on their row and cell", () => {
    const t = ((k: string, o?: { defaultValue?: string }) => o?.defaultValue ?? k) as unknown as TFunction;
    const err = new ApiError({
      status: 422,
      code: "validation_failed",
      errors: [
        { field: "rules.3.user_id", code: "unknown_user", message: "No such user." },
        { field: "rules.0.valid_to", code: "before_start", message: "Ends before it starts." },
        { field: "limit", code: "range", message: "Too big." },
      ],
    });
    const r = problemToRowErrors(t, err);
    expect(r.rows[3]).toEqual({ user_id: "No such user." });
    expect(r.rows[0]).toEqual({ valid_to: "Ends before it starts." });
    expect(r.general).toBe("limit: Too big.");
  });
});

describe("preview and apply gating", () => {
  const rows = [ruleToRow(rule)];
  const sig = tableSignature(rows);

  it("applies only after a preview of exactly the current edits", () => {
    expect(canApply({ previewedFor: null, current: sig, busy: false, jobActive: false })).toBe(false);
    expect(canApply({ previewedFor: sig, current: sig, busy: false, jobActive: false })).toBe(true);
    const edited = tableSignature([{ ...rows[0]!, priority: 5 }]);
    expect(canApply({ previewedFor: sig, current: edited, busy: false, jobActive: false })).toBe(false);
    expect(previewStale({ previewedFor: sig, current: edited })).toBe(true);
  });

  it("waits while a request or the job runs", () => {
    expect(canApply({ previewedFor: sig, current: sig, busy: true, jobActive: false })).toBe(false);
    expect(canApply({ previewedFor: sig, current: sig, busy: false, jobActive: true })).toBe(false);
    expect(canPreview({ busy: false, jobActive: true })).toBe(false);
  });
});
