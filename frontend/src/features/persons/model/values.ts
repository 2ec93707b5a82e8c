import { customFieldsToForm, type CustomFormValues } from "../../../components/CustomFields";
import type { Person, PersonInput } from "../../../lib/api/types";

export interface PersonValues {
  first_name: string;
  last_name: string;
  partner_id: string | null;
  branch_id: string | null;
  position: string;
  emails: string[];
  phones: string[];
  marketing_consent: boolean;
  /** How consent was given (or withdrawn): web form, signed paper, phone call, ... */
  consent_source: string;
  /** By key; converted with the definitions when saving (see components/CustomFields). */
  custom_fields: CustomFormValues;
}

export const emptyPersonValues = (partnerId: string | null = null): PersonValues => ({
  first_name: "",
  last_name: "",
  partner_id: partnerId,
  branch_id: null,
  position: "",
  emails: [],
  phones: [],
  marketing_consent: false,
  consent_source: "",
  custom_fields: {},
});

export const personToValues = (p: Person): PersonValues => ({
  first_name: p.first_name,
  last_name: p.last_name,
  partner_id: p.partner_id ?? null,
  branch_id: p.branch_id ?? null,
  position: p.position ?? "",
  emails: [...p.emails],
  phones: [...p.phones],
  marketing_consent: p.marketing_consent,
  consent_source: p.consent_source ?? "",
  custom_fields: customFieldsToForm(p.custom_fields),
});

/**
 * The consent source must be stated whenever consent is given, and when it changes either way
 * (the server records how it was given or withdrawn). Returns the field error code, or null.
 */
export function consentError(base: Pick<PersonValues, "marketing_consent">, v: PersonValues): "required" | null {
  const changed = base.marketing_consent !== v.marketing_consent;
  return (v.marketing_consent || changed) && !v.consent_source.trim() ? "required" : null;
}

/**
 * The consent source to show after the checkbox changes: the recorded one when the user goes back to
 * the recorded choice, otherwise empty so they say how the new choice was made.
 */
export const sourceAfterToggle = (base: Pick<PersonValues, "marketing_consent" | "consent_source">, consent: boolean) =>
  consent === base.marketing_consent ? base.consent_source : "";

/** The create body: blanks left out; consent only when given (with its source). */
export function toCreateBody(v: PersonValues): PersonInput {
  const body: PersonInput = { first_name: v.first_name.trim(), last_name: v.last_name.trim() };
  if (v.partner_id) body.partner_id = v.partner_id;
  if (v.partner_id && v.branch_id) body.branch_id = v.branch_id;
  if (v.position.trim()) body.position = v.position.trim();
  if (v.emails.length) body.emails = v.emails;
  if (v.phones.length) body.phones = v.phones;
  if (v.marketing_consent) {
    body.marketing_consent = true;
    body.consent_source = v.consent_source.trim();
  }
  return body;
}

/**
 * The PATCH body from the changed fields. The server takes the consent and its source together, so a
 * change to either sends both; a cleared partner or branch is sent as null (unlink).
 */
export function toPatchBody(changes: Partial<PersonValues>, v: PersonValues): PersonInput {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    // Custom fields need their definitions: see customFieldsPatchBody.
    if (key === "marketing_consent" || key === "consent_source" || key === "custom_fields") continue;
    body[key] = typeof value === "string" ? value.trim() : value;
  }
  if ("marketing_consent" in changes || "consent_source" in changes) {
    body.marketing_consent = v.marketing_consent;
    body.consent_source = v.consent_source.trim();
  }
  return body as PersonInput;
}
