import type { EmailTemplate } from "../../../lib/api/types";
import { emptyTemplate, templateToValues, valuesToCreate, valuesToUpdate } from "./values";

const saved: EmailTemplate = {
  id: "t1",
  key: "welcome",
  language: "hr",
  name: "Welcome",
  purpose: "transactional",
  subject: "Hello {{ person.first_name }}",
  html: null,
  text: "Hi",
  version: 3,
  created_at: "",
  updated_at: "",
};

describe("template form values", () => {
  it("creates with trimmed key and name, and no HTML when the box is blank", () => {
    const body = valuesToCreate({ ...emptyTemplate("pl"), key: " offer ", name: " Offer ", subject: "S", text: "T", html: "  " });
    expect(body).toEqual({ key: "offer", language: "pl", name: "Offer", purpose: "transactional", subject: "S", html: null, text: "T" });
  });

  it("patches only what changed", () => {
    expect(valuesToUpdate(saved, templateToValues(saved))).toEqual({});
    expect(valuesToUpdate(saved, { ...templateToValues(saved), subject: "New", html: "<p>x</p>" })).toEqual({ subject: "New", html: "<p>x</p>" });
  });

  it("removes the HTML part with null", () => {
    const withHtml = { ...saved, html: "<p>x</p>" };
    expect(valuesToUpdate(withHtml, { ...templateToValues(withHtml), html: "" })).toEqual({ html: null });
  });
});
