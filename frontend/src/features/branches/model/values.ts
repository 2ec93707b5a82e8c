import type { Branch, BranchInput } from "../../../lib/api/types";

export interface BranchValues {
  name: string;
  street: string;
  city: string;
  postal_code: string;
  region: string;
  country: string | null;
  phones: string[];
  emails: string[];
}

export const emptyBranchValues: BranchValues = {
  name: "",
  street: "",
  city: "",
  postal_code: "",
  region: "",
  country: null,
  phones: [],
  emails: [],
};

export const branchToValues = (b: Branch): BranchValues => ({
  name: b.name,
  street: b.street ?? "",
  city: b.city ?? "",
  postal_code: b.postal_code ?? "",
  region: b.region ?? "",
  country: b.country ?? null,
  phones: [...b.phones],
  emails: [...b.emails],
});

/** A create or PATCH body: text trimmed; on create, blank fields are left out. */
export function branchBody(v: Partial<BranchValues>, create: boolean): BranchInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    const blank = value === null || (typeof value === "string" && value.trim() === "");
    if (create && blank) continue;
    out[key] = typeof value === "string" ? value.trim() : value;
  }
  return out as BranchInput;
}
