import type { Person } from "../../../lib/api/types";
import { consentError, emptyPersonValues, personToValues, sourceAfterToggle, toCreateBody, toPatchBody } from "./values";

const person: Person = {
  id: "p1",
  first_name: "Ivana",
  last_name: "Kovač",
  partner_id: "pa1",
  branch_id: null,
  position: "Nabava",
  emails: ["ivana@kras.hr"],
  phones: [],
  marketing_consent: true,
  consent_at: "2025-01-01T00:00:00Z",
  consent_source: "web form",
  custom_fields: {},
  created_at: "2025-01-01T00:00:00Z",
  updated_at: "2025-01-01T00:00:00Z",
  version: 3,
};

describe("person form", () => {
  it("asks how consent was given, and how a change was made", () => {
    const base = emptyPersonValues();
    expect(consentError(base, { ...base, marketing_consent: true })).toBe("required");
    expect(consentError(base, { ...base, marketing_consent: true, consent_source: "signed paper" })).toBeNull();
    const withConsent = personToValues(person);
    expect(consentError(withConsent, { ...withConsent, marketing_consent: false, consent_source: "" })).toBe("required");
    expect(consentError(base, base)).toBeNull();
  });

  it("clears the source when consent flips, restores it when flipped back", () => {
    const base = personToValues(person);
    expect(sourceAfterToggle(base, false)).toBe("");
    expect(sourceAfterToggle(base, true)).toBe("web form");
  });

  it("creates with the partner and consent only when set", () => {
    const v = { ...emptyPersonValues("pa1"), first_name: " Ana ", last_name: "Horvat", branch_id: "b1" };
    expect(toCreateBody(v)).toEqual({ first_name: "Ana", last_name: "Horvat", partner_id: "pa1", branch_id: "b1" });
    expect(toCreateBody({ ...v, marketing_consent: true, consent_source: "phone" })).toMatchObject({
      marketing_consent: true,
      consent_source: "phone",
    });
  });

  it("sends consent and its source together, and null to unlink", () => {
    const v = { ...personToValues(person), consent_source: "signed paper" };
    expect(toPatchBody({ consent_source: "signed paper" }, v)).toEqual({ marketing_consent: true, consent_source: "signed paper" });
    expect(toPatchBody({ partner_id: null, branch_id: null }, v)).toEqual({ partner_id: null, branch_id: null });
  });
});
