import { describe, expect, it } from "vitest";
import { emptyLeadValues, toLeadBody } from "./values";

describe("lead values", () => {
  it("sends blank text as null and trims the rest", () => {
    const body = toLeadBody({ ...emptyLeadValues(), first_name: " Ana ", last_name: "Kos", email: "" });
    expect(body.first_name).toBe("Ana");
    expect(body.email).toBeNull();
    expect(body.country).toBeNull();
    expect(body.status).toBe("new");
  });
  it("sends only the given fields", () => {
    expect(toLeadBody({ city: "Split" })).toEqual({ city: "Split" });
  });
});
