import type { TFunction } from "i18next";
import { isApiError } from "../../../lib/api/problem";
import { errorMessage, fieldErrorMessage } from "../../../lib/errors";

/** Problem codes these screens explain in their own words (the rest go through the app's messages). */
const OWN_CODES = ["stage_in_use", "type_in_use"] as const;

/**
 * A message for a failed call: our own text for the codes above, else the app's; with field errors (422),
 * each one on its own line, prefixed by its field path ("stages[0].outcome: ...").
 */
export function adminError(t: TFunction, err: unknown): string {
  if (!isApiError(err)) return errorMessage(t, err);
  const p = err.problem;
  if ((OWN_CODES as readonly string[]).includes(p.code)) return t(`dealAdmin.errors.${p.code}`, { defaultValue: errorMessage(t, err) });
  if (p.errors?.length) {
    return p.errors.map((fe) => `${fe.field ? `${fe.field}: ` : ""}${t(`dealAdmin.fieldErrors.${fe.code}`, { defaultValue: fieldErrorMessage(t, fe.code, fe.message, fe.params) })}`).join("\n");
  }
  return errorMessage(t, err);
}
