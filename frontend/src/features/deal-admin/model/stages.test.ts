import { describe, expect, it } from "vitest";
import { addStage, defaultStages, moveStage, newStage, removeStage, rowsToInputs, stagesToRows, updateStage, validateStages, type StageRow } from "./stages";

const names = { open: "New", won: "Won", lost: "Lost" };
const row = (name: string, outcome: StageRow["outcome"], extra: Partial<StageRow> = {}): StageRow => ({ ...newStage(outcome, name), ...extra });

describe("stage list editing", () => {
  it("starts a new pipeline with one open, one won and one lost stage, which is valid", () => {
    const rows = defaultStages(names);
    expect(rows.map((r) => [r.name, r.outcome, r.probability])).toEqual([
      ["New", "open", 20],
      ["Won", "won", 100],
      ["Lost", "lost", 0],
    ]);
    expect(validateStages(rows)).toEqual([]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });

  it("adds an open stage after the last open one, before the closing stages", () => {
    const rows = addStage(defaultStages(names), row("Offer", "open"));
    expect(rows.map((r) => r.name)).toEqual(["New", "Offer", "Won", "Lost"]);
    expect(addStage(rows, row("First", "open"), 0).map((r) => r.name)).toEqual(["First", "New", "Offer", "Won", "Lost"]);
  });

  it("moves a stage up and down, and leaves the ends alone", () => {
    const rows = [row("A", "open"), row("B", "open"), row("C", "won")];
    expect(moveStage(rows, 1, -1).map((r) => r.name)).toEqual(["B", "A", "C"]);
    expect(moveStage(rows, 1, 1).map((r) => r.name)).toEqual(["A", "C", "B"]);
    expect(moveStage(rows, 0, -1).map((r) => r.name)).toEqual(["A", "B", "C"]);
    expect(moveStage(rows, 2, 1).map((r) => r.name)).toEqual(["A", "B", "C"]);
  });

  it("removes and updates one row without touching the others", () => {
    const rows = defaultStages(names);
    expect(removeStage(rows, 1).map((r) => r.name)).toEqual(["New", "Lost"]);
    const changed = updateStage(rows, 0, { name: "Lead", plannedDays: 5 });
    expect(changed[0]).toMatchObject({ name: "Lead", plannedDays: 5, key: rows[0]!.key });
    expect(changed[1]).toBe(rows[1]);
  });

  it("reports what the server would refuse", () => {
    expect(validateStages([])).toEqual([{ code: "noStages" }]);
    expect(validateStages([row("Won", "won"), row("Open", "open")])).toEqual([{ code: "missingOutcome", outcome: "lost" }, { code: "firstNotOpen" }]);
    expect(validateStages([row(" ", "open", { probability: 101 }), row("W", "won", { plannedDays: -1 }), row("L", "lost")])).toEqual([
      { code: "nameRequired", index: 0 },
      { code: "probabilityRange", index: 0 },
      { code: "plannedDaysRange", index: 1 },
    ]);
  });

  it("sends the whole list in order, keeping the ids of stored stages", () => {
    const rows = stagesToRows({
      stages: [
        { id: "s2", name: "Won", position: 1, probability: 100, outcome: "won", planned_days: null },
        { id: "s1", name: "Lead", position: 0, probability: 10, outcome: "open", planned_days: 7 },
      ],
    });
    expect(rows.map((r) => r.name)).toEqual(["Lead", "Won"]);
    const edited = addStage(moveStage(rows, 0, 1), row(" Lost ", "lost"), 2);
    expect(rowsToInputs(edited)).toEqual([
      { id: "s2", name: "Won", planned_days: null, probability: 100, outcome: "won" },
      { id: "s1", name: "Lead", planned_days: 7, probability: 10, outcome: "open" },
      { name: "Lost", planned_days: null, probability: 0, outcome: "lost" },
    ]);
  });
});
