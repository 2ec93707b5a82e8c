import type { ReactNode } from "react";
import { formatFieldValue } from "../RecordForm/useRecordSave";
import type { CustomField } from "../../lib/api/types";
import { formatCustomValue, type CustomFormValues, type DisplayWords } from "./model";

const PREFIX = "custom_fields.";

/** The form's errors at `custom_fields.<key>` (see problemToForm), by key, for CustomFieldInputs. */
export function customFieldErrors(errors: Record<string, ReactNode>): Record<string, ReactNode> {
  const out: Record<string, ReactNode> = {};
  for (const [path, message] of Object.entries(errors)) if (path.startsWith(PREFIX)) out[path.slice(PREFIX.length)] = message;
  return out;
}

/** All custom values on one line ("Label: value; ..."), for the conflict dialog's custom fields row. */
export function customFieldsSummary(defs: readonly CustomField[], values: unknown, words: DisplayWords): string {
  const v = (values && typeof values === "object" ? values : {}) as CustomFormValues;
  const parts = defs
    .map((def) => [def.label, formatCustomValue(def, v[def.key], words)] as const)
    .filter(([, shown]) => shown !== "")
    .map(([label, shown]) => `${label}: ${shown}`);
  return parts.length ? parts.join("; ") : "—";
}

/** The conflict dialog's value format for a form with custom fields: one readable line for them. */
export const conflictFormat = (defs: readonly CustomField[], words: DisplayWords) => (field: string, value: unknown) =>
  field === "custom_fields" ? customFieldsSummary(defs, value, words) : formatFieldValue(field, value);
