import { customFieldsToForm, type CustomFormValues } from "../../../components/CustomFields";
import type { Partner, PartnerInput } from "../../../lib/api/types";

/** The partner form: every writable field, with "" / null for "not set". */
export interface PartnerValues {
  kind: string;
  is_customer: boolean;
  is_supplier: boolean;
  name: string;
  legal_form_id: string | null;
  tax_id: string;
  tax_country: string | null;
  registration_number: string;
  street: string;
  city: string;
  postal_code: string;
  region: string;
  country: string | null;
  phones: string[];
  emails: string[];
  website: string;
  group_id: string | null;
  status: string;
  tags: string[];
  notes: string;
  /** By key; converted with the definitions when saving (see components/CustomFields). */
  custom_fields: CustomFormValues;
}

export const emptyPartnerValues: PartnerValues = {
  kind: "company",
  is_customer: true,
  is_supplier: false,
  name: "",
  legal_form_id: null,
  tax_id: "",
  tax_country: null,
  registration_number: "",
  street: "",
  city: "",
  postal_code: "",
  region: "",
  country: null,
  phones: [],
  emails: [],
  website: "",
  group_id: null,
  status: "prospect",
  tags: [],
  notes: "",
  custom_fields: {},
};

export const partnerToValues = (p: Partner): PartnerValues => ({
  kind: p.kind,
  is_customer: p.is_customer,
  is_supplier: p.is_supplier,
  name: p.name,
  legal_form_id: p.legal_form_id ?? null,
  tax_id: p.tax_id ?? "",
  tax_country: p.tax_country ?? null,
  registration_number: p.registration_number ?? "",
  street: p.street ?? "",
  city: p.city ?? "",
  postal_code: p.postal_code ?? "",
  region: p.region ?? "",
  country: p.country ?? null,
  phones: [...p.phones],
  emails: [...p.emails],
  website: p.website ?? "",
  group_id: p.group_id ?? null,
  status: p.status,
  tags: [...p.tags],
  notes: p.notes ?? "",
  custom_fields: customFieldsToForm(p.custom_fields),
});

const TEXT: (keyof PartnerValues)[] = ["name", "tax_id", "registration_number", "street", "city", "postal_code", "region", "website", "notes"];

/** The create body: blank fields are left out (the server keeps them empty). Custom fields are added by the caller. */
export function toCreateBody(v: PartnerValues): PartnerInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    if (key === "custom_fields") continue;
    if (value === null || value === undefined) continue;
    if (typeof value === "string" && value.trim() === "") continue;
    out[key] = typeof value === "string" && TEXT.includes(key as keyof PartnerValues) ? value.trim() : value;
  }
  return out as PartnerInput;
}

/**
 * The PATCH body from the changed fields. A cleared text field is sent as "" (the server stores it as
 * empty); a cleared tax id or picker is sent as null. Custom fields need their definitions: see customFieldsPatchBody.
 */
export function toPatchBody(changes: Partial<PartnerValues>): PartnerInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (key === "custom_fields") continue;
    if (key === "tax_id" && typeof value === "string" && value.trim() === "") out[key] = null;
    else out[key] = typeof value === "string" ? value.trim() : value;
  }
  return out as PartnerInput;
}
