import { describe, expect, it } from "vitest";
import { groupByOwner } from "./owners-report";

describe("groupByOwner", () => {
  it("sums per owner, biggest first, unassigned last", () => {
    const rows = groupByOwner([
      { user_id: null, territory_id: "t1", partners: 50 },
      { user_id: "a", territory_id: "t1", partners: 2 },
      { user_id: "b", territory_id: "t1", partners: 3 },
      { user_id: "a", territory_id: null, partners: 4 },
    ]);
    expect(rows.map((r) => [r.userId, r.total])).toEqual([
      ["a", 6],
      ["b", 3],
      [null, 50],
    ]);
    expect(rows[0]!.territories).toEqual([
      { territoryId: null, partners: 4 },
      { territoryId: "t1", partners: 2 },
    ]);
  });
});
