import type { DealType, Outcome, StageInput } from "./types";

/** One row of the stage editor. `key` is local (React key); `id` is the stored stage's, kept on save. */
export interface StageRow {
  key: string;
  id?: string;
  name: string;
  /** Empty: no deadline. */
  plannedDays: number | "";
  probability: number;
  outcome: Outcome;
}

let counter = 0;
const newKey = () => `new-${++counter}`;

const asOutcome = (s: string): Outcome => (s === "won" || s === "lost" ? s : "open");

/** The stored stages of a type as editor rows, in order. */
export function stagesToRows(type: Pick<DealType, "stages">): StageRow[] {
  return [...type.stages]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ key: s.id, id: s.id, name: s.name, plannedDays: s.planned_days ?? "", probability: s.probability, outcome: asOutcome(s.outcome) }));
}

/** A fresh row; probability follows the outcome (won 100, lost 0, open 50). */
export function newStage(outcome: Outcome = "open", name = ""): StageRow {
  return { key: newKey(), name, plannedDays: "", probability: outcome === "won" ? 100 : outcome === "lost" ? 0 : 50, outcome };
}

/** A new pipeline starts with the smallest valid list: one open, one won, one lost stage. */
export function defaultStages(names: { open: string; won: string; lost: string }): StageRow[] {
  return [{ ...newStage("open", names.open), probability: 20 }, newStage("won", names.won), newStage("lost", names.lost)];
}

/** Adds an open stage after the last open one (before the closing stages), or at `index` when given. */
export function addStage(rows: readonly StageRow[], row: StageRow = newStage(), index?: number): StageRow[] {
  const lastOpen = rows.reduce((last, r, i) => (r.outcome === "open" ? i : last), -1);
  const at = index ?? lastOpen + 1;
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

export function removeStage(rows: readonly StageRow[], index: number): StageRow[] {
  return rows.filter((_, i) => i !== index);
}

/** Moves the row one place up (-1) or down (+1); unchanged at the ends. */
export function moveStage(rows: readonly StageRow[], index: number, dir: -1 | 1): StageRow[] {
  const target = index + dir;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(target, 0, moved);
  return next;
}

export function updateStage(rows: readonly StageRow[], index: number, changes: Partial<Omit<StageRow, "key" | "id">>): StageRow[] {
  return rows.map((r, i) => (i === index ? { ...r, ...changes } : r));
}

export type StageProblem =
  | { code: "noStages" }
  | { code: "missingOutcome"; outcome: Outcome }
  | { code: "firstNotOpen" }
  | { code: "nameRequired"; index: number }
  | { code: "probabilityRange"; index: number }
  | { code: "plannedDaysRange"; index: number };

/** What the server would refuse, checked before sending (the server stays the authority). */
export function validateStages(rows: readonly StageRow[]): StageProblem[] {
  const problems: StageProblem[] = [];
  if (rows.length === 0) return [{ code: "noStages" }];
  for (const outcome of ["open", "won", "lost"] as const) {
    if (!rows.some((r) => r.outcome === outcome)) problems.push({ code: "missingOutcome", outcome });
  }
  if (rows[0] && rows[0].outcome !== "open") problems.push({ code: "firstNotOpen" });
  rows.forEach((r, index) => {
    if (!r.name.trim()) problems.push({ code: "nameRequired", index });
    if (!Number.isInteger(r.probability) || r.probability < 0 || r.probability > 100) problems.push({ code: "probabilityRange", index });
    if (r.plannedDays !== "" && (!Number.isInteger(r.plannedDays) || r.plannedDays < 0)) problems.push({ code: "plannedDaysRange", index });
  });
  return problems;
}

/** The body's `stages`: the whole list in order; stored stages keep their id. */
export function rowsToInputs(rows: readonly StageRow[]): StageInput[] {
  return rows.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    name: r.name.trim(),
    planned_days: r.plannedDays === "" ? null : r.plannedDays,
    probability: r.probability,
    outcome: r.outcome,
  }));
}
