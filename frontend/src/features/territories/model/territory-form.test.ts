import { describe, expect, it } from "vitest";
import { toCreateBody, toUpdateBody } from "./territory-form";

describe("territory form", () => {
  it("trims, upper-cases countries and drops repeats", () => {
    expect(toCreateBody({ name: " Dalmatia ", countries: ["hr", "HR "], regions: [" Split "], postal_codes: ["21", "21", ""] }, "hr")).toEqual({
      parent_id: "hr",
      name: "Dalmatia",
      countries: ["HR"],
      regions: ["Split"],
      postal_codes: ["21"],
    });
  });

  it("sends only the changed fields on update", () => {
    expect(toUpdateBody({ postal_codes: ["10000-10999"] })).toEqual({ postal_codes: ["10000-10999"] });
  });
});
