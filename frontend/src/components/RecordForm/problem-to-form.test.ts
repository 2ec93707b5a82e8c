import i18n from "../../i18n";
import { ApiError } from "../../lib/api/problem";
import { problemToForm } from "./problem-to-form";

describe("problem+json to form errors", () => {
  beforeAll(() => i18n.changeLanguage("en"));
  const t = i18n.t.bind(i18n);

  it("puts field errors next to their fields (translated by code) and the rest on top", () => {
    const err = new ApiError({
      status: 422,
      code: "validation_failed",
      errors: [
        { field: "email", code: "email_taken", message: "Another user already has this email." },
        { field: "roles.0", code: "unknown_role", message: "There is no role `x`." },
        { field: "other", code: "weird", message: "Server says no." },
      ],
    });
    expect(problemToForm(t, err, ["email", "roles"])).toEqual({
      fieldErrors: { email: "Another user already has this email.", roles: "There is no such role." },
      general: "other: Server says no.",
    });
  });

  it("shows each custom field's error on its own input", () => {
    const err = new ApiError({
      status: 422,
      code: "validation_failed",
      errors: [{ field: "custom_fields.tier", code: "required", message: "Required." }],
    });
    expect(problemToForm(t, err, ["name", "custom_fields"]).fieldErrors).toEqual({ "custom_fields.tier": "This field is required." });
    expect(problemToForm(t, err, ["name"]).general).toBe("custom_fields.tier: This field is required.");
  });

  it("falls back to a general, translated message", () => {
    const err = new ApiError({ status: 403, code: "forbidden" });
    expect(problemToForm(t, err, ["email"])).toEqual({ fieldErrors: {}, general: "Your role does not allow this action." });
  });
});
