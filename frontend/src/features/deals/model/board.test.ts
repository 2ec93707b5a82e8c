import { describe, expect, it } from "vitest";
import { findCard, moveCard, moveNeeds, moveRule, pickType, replaceCard } from "./board";
import type { Board, Deal, DealType, Stage } from "./types";

const stage = (id: string, position: number, outcome = "open", probability = 50): Stage => ({ id, name: id, position, outcome, probability, planned_days: 7 });
const stages = [stage("s1", 0, "open", 20), stage("s2", 1, "open", 60), stage("s3", 2), stage("won", 3, "won", 100), stage("lost", 4, "lost", 0)];
const type: DealType = {
  id: "t1",
  kind: "sale",
  name: "Sales",
  allow_back: false,
  allow_skip: false,
  active: true,
  position: 0,
  stages,
  created_at: "",
  updated_at: "",
  version: 1,
};
const deal = (id: string, stage_id: string, extra: Partial<Deal> = {}): Deal => ({
  id,
  kind: "sale",
  type_id: "t1",
  stage_id,
  title: id,
  partner_id: "p1",
  person_ids: [],
  owner_id: "u1",
  priority: "normal",
  status: "open",
  currency: "EUR",
  stage_entered_at: "",
  overdue: false,
  tags: [],
  custom_fields: {},
  lines: [],
  created_at: "",
  updated_at: "",
  version: 1,
  expected_amount: 10000,
  expected_amount_company: 10000,
  ...extra,
});
const board = (): Board => ({
  deal_type: type,
  company_currency: "EUR",
  columns: stages.map((s) => ({
    stage: s,
    deals: s.id === "s1" ? [deal("a", "s1", { overdue: true }), deal("b", "s1")] : [],
    count: s.id === "s1" ? 2 : 0,
    amount: s.id === "s1" ? 20000 : 0,
    weighted_amount: s.id === "s1" ? 4000 : 0,
    overdue: s.id === "s1" ? 1 : 0,
  })),
});

describe("optimistic board move", () => {
  it("moves the card and its sums to the other column", () => {
    const before = board();
    const after = moveCard(before, "a", "s2");
    const [c1, c2] = after.columns;
    expect(c1?.deals.map((d) => d.id)).toEqual(["b"]);
    expect(c1).toMatchObject({ count: 1, amount: 10000, weighted_amount: 2000, overdue: 0 });
    expect(c2?.deals.map((d) => d.id)).toEqual(["a"]);
    expect(c2).toMatchObject({ count: 1, amount: 10000, weighted_amount: 6000, overdue: 0 });
    expect(c2?.deals[0]).toMatchObject({ stage_id: "s2", status: "open", overdue: false });
    // The board it started from is left as it was: the rollback puts it back.
    expect(before.columns[0]?.deals).toHaveLength(2);
    expect(findCard(before, "a")?.stageId).toBe("s1");
  });

  it("takes the outcome of a won column and ignores unknown cards, columns and no-op moves", () => {
    expect(findCard(moveCard(board(), "b", "won"), "b")?.deal.status).toBe("won");
    const b = board();
    expect(moveCard(b, "zzz", "s2")).toBe(b);
    expect(moveCard(b, "a", "nowhere")).toBe(b);
    expect(moveCard(b, "a", "s1")).toBe(b);
  });

  it("replaces a card with the server's copy", () => {
    const next = replaceCard(board(), deal("a", "s1", { version: 7 }));
    expect(findCard(next, "a")?.deal.version).toBe(7);
  });
});

describe("stage rules", () => {
  it("asks for the realised value or the reason on won and lost", () => {
    expect(moveNeeds(stage("x", 0, "won"))).toBe("won");
    expect(moveNeeds(stage("x", 0, "lost"))).toBe("lost");
    expect(moveNeeds(stage("x", 0))).toBeNull();
  });

  it("mirrors the type's skip and back rules", () => {
    expect(moveRule(type, "s1", "s2")).toBeNull();
    expect(moveRule(type, "s1", "s3")).toBe("stage_skip_not_allowed");
    expect(moveRule(type, "s2", "s1")).toBe("stage_back_not_allowed");
    expect(moveRule(type, "s1", "won")).toBeNull();
    expect(moveRule({ ...type, allow_back: true, allow_skip: true }, "s3", "s1")).toBeNull();
  });

  it("picks the wanted type or the first active one", () => {
    const other = { ...type, id: "t2", active: true };
    expect(pickType([{ ...type, active: false }, other], null)?.id).toBe("t2");
    expect(pickType([type, other], "t2")?.id).toBe("t2");
    expect(pickType([], null)).toBeNull();
  });
});
