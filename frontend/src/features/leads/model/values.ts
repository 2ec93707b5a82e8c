import { customFieldsToForm, type CustomFormValues } from "../../../components/CustomFields";
import type { Lead, LeadInput } from "../../../lib/api/types";

export const LEAD_STATUSES = ["new", "contacted", "qualified", "discarded", "converted"] as const;

export interface LeadValues {
  first_name: string;
  last_name: string;
  company_name: string;
  email: string;
  phone: string;
  city: string;
  country: string | null;
  source_id: string | null;
  status: string;
  notes: string;
  /** By key; converted with the definitions when saving (see components/CustomFields). */
  custom_fields: CustomFormValues;
}

export const emptyLeadValues = (): LeadValues => ({
  first_name: "",
  last_name: "",
  company_name: "",
  email: "",
  phone: "",
  city: "",
  country: null,
  source_id: null,
  status: "new",
  notes: "",
  custom_fields: {},
});

export const leadToValues = (l: Lead): LeadValues => ({
  first_name: l.first_name,
  last_name: l.last_name,
  company_name: l.company_name ?? "",
  email: l.email ?? "",
  phone: l.phone ?? "",
  city: l.city ?? "",
  country: l.country ?? null,
  source_id: l.source_id ?? null,
  status: l.status,
  notes: l.notes ?? "",
  custom_fields: customFieldsToForm(l.custom_fields),
});

const text = (v: string | null | undefined) => (typeof v === "string" ? v.trim() || null : (v ?? null));

type TextField = Exclude<keyof LeadValues, "custom_fields">;

/**
 * Form values (all or only the changed ones) as the API body: blank text becomes null. Custom fields need
 * their definitions: the caller adds them (customFieldsForCreate, customFieldsPatchBody).
 */
export function toLeadBody(v: Partial<LeadValues>): LeadInput {
  const body: LeadInput = {};
  for (const [k, val] of Object.entries(v) as [keyof LeadValues, unknown][]) {
    if (k !== "custom_fields") body[k as TextField] = text(val as string | null);
  }
  return body;
}

export const leadName = (l: Pick<Lead, "first_name" | "last_name">) => `${l.first_name} ${l.last_name}`.trim();
