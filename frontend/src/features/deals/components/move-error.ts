import type { TFunction } from "i18next";
import { isApiError } from "../../../lib/api/problem";
import { errorMessage } from "../../../lib/errors";

/** 412 on a move: someone else changed the deal since it was loaded. */
export const isConflict = (err: unknown) => isApiError(err) && (err.status === 412 || err.status === 428);

/** Why a move was refused, in words: the type's rules (skip, back), a cancelled deal, or the generic message. */
export function moveErrorMessage(t: TFunction, err: unknown): string {
  if (isConflict(err)) return t("deals.conflict");
  if (isApiError(err)) {
    const rule = err.problem.errors?.find((e) => e.field === "stage_id");
    if (rule) return t(`deals.moveErrors.${rule.code}`, { defaultValue: rule.message });
    if (err.code === "deal_cancelled") return t("deals.moveErrors.deal_cancelled");
  }
  return errorMessage(t, err);
}
