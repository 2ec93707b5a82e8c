import type { TFunction } from "i18next";
import { isApiError } from "../../../lib/api/problem";
import { errorMessage, fieldErrorMessage } from "../../../lib/errors";

/** Field errors per row and cell (`rules.3.user_id` -> row 3, `user_id`), and the rest as one message. */
export interface RowErrors {
  rows: Record<number, Record<string, string>>;
  general: string | null;
}

export const noRowErrors: RowErrors = { rows: {}, general: null };

export function problemToRowErrors(t: TFunction, err: unknown): RowErrors {
  if (!isApiError(err) || !err.problem.errors?.length) return { rows: {}, general: errorMessage(t, err) };
  const rows: RowErrors["rows"] = {};
  const rest: string[] = [];
  for (const fe of err.problem.errors) {
    const msg = fieldErrorMessage(t, fe.code, fe.message, fe.params);
    const m = /^rules[.[](\d+)\]?(?:\.(\w+))?/.exec(fe.field);
    if (!m) {
      rest.push(fe.field ? `${fe.field}: ${msg}` : msg);
      continue;
    }
    const row = (rows[Number(m[1])] ??= {});
    const cell = m[2] ?? "row";
    row[cell] = row[cell] ? `${row[cell]}; ${msg}` : msg;
  }
  const general = rest.length ? rest.join("\n") : Object.keys(rows).length ? null : errorMessage(t, err);
  return { rows, general };
}
