// Custom field values between the API (`custom_fields: {key: value}`) and the form inputs. Pure, unit-tested.
import type { CustomField } from "../../lib/api/types";

/** A definition as far as converting its values goes. */
export type CustomFieldDef = Pick<CustomField, "key" | "label" | "field_type" | "options" | "required">;

/**
 * What an input holds: text and date as strings ("" = empty), number as a number or "" (Mantine's
 * NumberInput), boolean as a boolean, choice as a string or null, multiple choice as a string array.
 */
export type CustomFormValue = string | number | boolean | string[] | null | undefined;

/** The form's custom fields by key; a key missing here is shown as an empty input. */
export type CustomFormValues = Record<string, CustomFormValue>;

/** Values as the API returns them on a record. */
export type CustomApiValues = Record<string, unknown>;

/** The empty value of an input of this type. */
export function emptyFormValue(def: Pick<CustomFieldDef, "field_type">): CustomFormValue {
  switch (def.field_type) {
    case "boolean":
      return false;
    case "choice":
      return null;
    case "multi_choice":
      return [];
    default:
      return "";
  }
}

/** A record's values as form values: copied as they are (the API's forms are already the inputs' forms). */
export function customFieldsToForm(values: CustomApiValues | null | undefined): CustomFormValues {
  const out: CustomFormValues = {};
  for (const [key, v] of Object.entries(values ?? {})) {
    if (Array.isArray(v)) out[key] = v.map(String);
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[key] = v;
  }
  return out;
}

/** The value an input shows: its form value, or the empty one of its type. */
export function inputValue(def: CustomFieldDef, values: CustomFormValues | undefined): CustomFormValue {
  const v = values?.[def.key];
  return v === undefined ? emptyFormValue(def) : v;
}

/**
 * One input's value in the API's form; null means "no value". Text is trimmed, numbers typed as text are
 * parsed (an unparsable one is sent as typed so the server names the problem), an empty multiple choice is
 * no value. A boolean is always a value: an unticked box means "no".
 */
export function toApiValue(def: CustomFieldDef, raw: CustomFormValue): unknown {
  switch (def.field_type) {
    case "boolean":
      return raw === true;
    case "number": {
      if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
      const text = typeof raw === "string" ? raw.trim() : "";
      if (text === "") return null;
      const n = Number(text.replace(",", "."));
      return Number.isNaN(n) ? text : n;
    }
    case "multi_choice":
      return Array.isArray(raw) && raw.length > 0 ? [...raw] : null;
    case "choice":
      return typeof raw === "string" && raw !== "" ? raw : null;
    default: {
      const text = typeof raw === "string" ? raw.trim() : raw === null || raw === undefined ? "" : String(raw);
      return text === "" ? null : text;
    }
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The create body's `custom_fields`: every defined field with a value; empty ones are left out. */
export function customFieldsForCreate(defs: readonly CustomFieldDef[], values: CustomFormValues | undefined): CustomApiValues {
  const out: CustomApiValues = {};
  for (const def of defs) {
    const v = toApiValue(def, inputValue(def, values));
    if (v !== null) out[def.key] = v;
  }
  return out;
}

/**
 * The PATCH body's `custom_fields`: only the keys whose value differs from the record's, a cleared input as
 * null (the server removes the value). A boolean the record never had counts as "no", so an untouched box
 * sends nothing. Null when nothing changed (the body then leaves `custom_fields` out).
 */
export function customFieldsPatch(
  defs: readonly CustomFieldDef[],
  recorded: CustomApiValues | null | undefined,
  values: CustomFormValues | undefined,
): CustomApiValues | null {
  const out: CustomApiValues = {};
  for (const def of defs) {
    const before = toApiValue(def, inputValue(def, customFieldsToForm(recorded)));
    const after = toApiValue(def, inputValue(def, values));
    if (!same(before, after)) out[def.key] = after;
  }
  return Object.keys(out).length ? out : null;
}

/** `{ custom_fields }` for a PATCH body when the form changed any custom value; `{}` otherwise. */
export function customFieldsPatchBody(
  defs: readonly CustomFieldDef[],
  recorded: CustomApiValues | null | undefined,
  changed: CustomFormValues | undefined,
): { custom_fields?: CustomApiValues } {
  if (!changed) return {};
  const patch = customFieldsPatch(defs, recorded, changed);
  return patch ? { custom_fields: patch } : {};
}

/** Words the display needs, so this file stays free of i18n. */
export interface DisplayWords {
  yes: string;
  no: string;
  formatDate: (isoDate: string) => string;
  formatNumber: (n: number) => string;
}

/** A value for reading: booleans as yes/no, dates and numbers localized, multiple choice joined; "" when unset. */
export function formatCustomValue(def: Pick<CustomFieldDef, "field_type">, value: unknown, w: DisplayWords): string {
  if (value === null || value === undefined || value === "") return "";
  switch (def.field_type) {
    case "boolean":
      return value === true ? w.yes : value === false ? w.no : String(value);
    case "number":
      return typeof value === "number" ? w.formatNumber(value) : String(value);
    case "date":
      return typeof value === "string" ? w.formatDate(value) : String(value);
    case "multi_choice":
      return Array.isArray(value) ? value.map(String).join(", ") : String(value);
    default:
      return String(value);
  }
}

/** Definitions in form order: by position, then by label. */
export function inFormOrder<T extends Pick<CustomField, "position" | "label">>(defs: readonly T[]): T[] {
  return [...defs].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label));
}
