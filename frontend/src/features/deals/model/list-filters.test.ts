import { describe, expect, it } from "vitest";
import { dealListQuery, dealTypedFilter, emptyDealFilters } from "./list-filters";

describe("deal list filters", () => {
  it("leaves empty filters out of the query", () => {
    expect(Object.values(dealListQuery(emptyDealFilters)).filter((v) => v !== undefined)).toEqual([]);
    expect(dealListQuery({ ...emptyDealFilters, q: " kran ", overdue: true, close_to: "2026-12-31" })).toMatchObject({
      q: "kran",
      overdue: true,
      close_to: "2026-12-31",
    });
  });

  it("builds the filter tree for the search endpoint", () => {
    expect(dealTypedFilter(emptyDealFilters)).toBeNull();
    const now = new Date("2026-11-30T10:00:00Z");
    expect(dealTypedFilter({ ...emptyDealFilters, status: "open", overdue: true }, now)).toEqual({
      and: [
        { field: "status", op: "eq", value: "open" },
        { and: [{ field: "status", op: "eq", value: "open" }, { field: "stage_due_at", op: "lt", value: "2026-11-30T10:00:00.000Z" }] },
      ],
    });
  });
});
