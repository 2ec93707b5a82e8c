import type { TFunction } from "i18next";
import { isApiError } from "../../lib/api/problem";
import { errorMessage, fieldErrorMessage } from "../../lib/errors";

/**
 * Splits a problem+json error into messages for known form fields and one general message for the rest.
 * `fields` are the form's field names; a problem field like "roles[0]" or "roles.0" is shown on "roles".
 * Custom fields are the exception: `custom_fields.<key>` stays whole, so each one shows on its own input.
 */
export function problemToForm(
  t: TFunction,
  err: unknown,
  fields: readonly string[],
): { fieldErrors: Record<string, string>; general: string | null } {
  const fieldErrors: Record<string, string> = {};
  const rest: string[] = [];
  if (isApiError(err) && err.problem.errors?.length) {
    for (const fe of err.problem.errors) {
      const base = formKey(fe.field);
      const msg = fieldErrorMessage(t, fe.code, fe.message, fe.params);
      if (fields.includes(base) || (base.startsWith("custom_fields.") && fields.includes("custom_fields"))) fieldErrors[base] = fieldErrors[base] ? `${fieldErrors[base]}; ${msg}` : msg;
      else rest.push(fe.field ? `${fe.field}: ${msg}` : msg);
    }
    const general = rest.length ? rest.join("\n") : Object.keys(fieldErrors).length ? null : errorMessage(t, err);
    return { fieldErrors, general };
  }
  return { fieldErrors, general: errorMessage(t, err) };
}

/** The form path a problem field is shown on: its first segment, or `custom_fields.<key>` for a custom field. */
function formKey(field: string): string {
  const [first = field, second] = field.split(/[.[]/);
  return first === "custom_fields" && second ? `custom_fields.${second}` : first;
}
