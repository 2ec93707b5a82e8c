import type { Board, Deal, DealType, Stage } from "./types";

/** Where a card is on the board, or null. */
export function findCard(board: Board, dealId: string): { deal: Deal; stageId: string } | null {
  for (const col of board.columns) {
    const deal = col.deals.find((d) => d.id === dealId);
    if (deal) return { deal, stageId: col.stage.id };
  }
  return null;
}

/** What a move into `stage` asks for before it can be made: the realised value (won), the reason (lost). */
export function moveNeeds(stage: Pick<Stage, "outcome">): "won" | "lost" | null {
  return stage.outcome === "won" ? "won" : stage.outcome === "lost" ? "lost" : null;
}

/**
 * The board as it will look once `dealId` is in `toStageId` (optimistic update): the card leaves its column and
 * goes first into the other, the counts, amounts (company currency, when the deal has one) and overdue counts
 * follow. The same board when the card or the column is unknown or it is already there.
 */
export function moveCard(board: Board, dealId: string, toStageId: string): Board {
  const found = findCard(board, dealId);
  const target = board.columns.find((c) => c.stage.id === toStageId);
  if (!found || !target || found.stageId === toStageId) return board;
  const { deal } = found;
  const amount = deal.expected_amount_company ?? 0;
  const moved: Deal = {
    ...deal,
    stage_id: toStageId,
    status: target.stage.outcome,
    overdue: false,
  };
  return {
    ...board,
    columns: board.columns.map((c) => {
      if (c.stage.id === found.stageId) {
        return {
          ...c,
          deals: c.deals.filter((d) => d.id !== dealId),
          count: Math.max(0, c.count - 1),
          amount: c.amount - amount,
          weighted_amount: c.weighted_amount - Math.round((amount * c.stage.probability) / 100),
          overdue: deal.overdue ? Math.max(0, c.overdue - 1) : c.overdue,
        };
      }
      if (c.stage.id === toStageId) {
        return {
          ...c,
          deals: [moved, ...c.deals],
          count: c.count + 1,
          amount: c.amount + amount,
          weighted_amount: c.weighted_amount + Math.round((amount * c.stage.probability) / 100),
        };
      }
      return c;
    }),
  };
}

/** Puts the server's copy of a deal in place of the board's (after a move: new version, status, dates). */
export function replaceCard(board: Board, deal: Deal): Board {
  return {
    ...board,
    columns: board.columns.map((c) => ({ ...c, deals: c.deals.map((d) => (d.id === deal.id ? deal : d)) })),
  };
}

/**
 * Whether the type's rules let a deal go from one stage to another, as the server checks them: no going back
 * unless `allow_back`, no jumping over open stages unless `allow_skip` (won and lost may be reached from anywhere).
 */
export function moveRule(
  type: Pick<DealType, "allow_back" | "allow_skip" | "stages">,
  fromStageId: string,
  toStageId: string,
): "stage_back_not_allowed" | "stage_skip_not_allowed" | null {
  const to = type.stages.find((s) => s.id === toStageId);
  const from = type.stages.find((s) => s.id === fromStageId)?.position ?? 0;
  if (!to || to.id === fromStageId) return null;
  if (to.position < from && !type.allow_back) return "stage_back_not_allowed";
  if (to.outcome === "open" && to.position > from + 1 && !type.allow_skip) return "stage_skip_not_allowed";
  return null;
}

/** The type to show on the board: the one asked for when it exists, else the first active one. */
export function pickType(types: readonly DealType[], wanted: string | null): DealType | null {
  return types.find((t) => t.id === wanted) ?? types.find((t) => t.active) ?? types[0] ?? null;
}
