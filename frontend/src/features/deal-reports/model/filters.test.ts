import { describe, expect, it } from "vitest";
import { emptyFilters, forecastQuery, overdueQuery, stagesQuery, withKind } from "./filters";

describe("deal report filters", () => {
  it("leaves empty filters out of the forecast query", () => {
    expect(forecastQuery(emptyFilters)).toEqual({ kind: "sale", type_id: undefined, owner_id: undefined, from: undefined, to: undefined, group_by: undefined });
    expect(forecastQuery({ ...emptyFilters, typeId: "t", from: "2027-01-01", to: "bad", groupBy: "owner" })).toMatchObject({
      type_id: "t",
      from: "2027-01-01",
      to: undefined,
      group_by: "owner",
    });
  });

  it("needs a type for the stage report and never groups it", () => {
    expect(stagesQuery(emptyFilters)).toBeNull();
    expect(stagesQuery({ ...emptyFilters, typeId: "t", groupBy: "type" })).toMatchObject({ type_id: "t", group_by: undefined });
  });

  it("narrows overdue deals by kind, type and owner only", () => {
    expect(overdueQuery({ ...emptyFilters, kind: "supply", ownerId: "u", from: "2027-01-01" })).toEqual({ kind: "supply", type_id: undefined, owner_id: "u" });
  });

  it("drops a type of the other kind when the kind changes", () => {
    const kinds: Record<string, string> = { s: "sale", p: "supply" };
    expect(withKind({ ...emptyFilters, typeId: "s" }, "supply", (id) => kinds[id]).typeId).toBeNull();
    expect(withKind({ ...emptyFilters, typeId: "p" }, "supply", (id) => kinds[id]).typeId).toBe("p");
  });
});
