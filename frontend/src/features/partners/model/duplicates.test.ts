import { decideOnSubmit, duplicateKey, duplicateQuery, hasDuplicates, withoutSelf } from "./duplicates";

const blank = { name: "", city: "", tax_id: "", tax_country: null, emails: [] as string[] };
const partner = { id: "p1" } as never;

describe("duplicate warning", () => {
  it("asks nothing until something identifying is typed", () => {
    expect(duplicateQuery(blank)).toBeNull();
    expect(duplicateQuery({ ...blank, city: "Zagreb" })).toBeNull();
  });

  it("asks by name and city, by tax id with its country, and by email", () => {
    expect(duplicateQuery({ ...blank, name: " Kraš d.d. ", city: "Zagreb" })).toEqual({ name: "Kraš d.d.", city: "Zagreb" });
    // A tax id means nothing without the country that issued it.
    expect(duplicateQuery({ ...blank, tax_id: "69435151530" })).toBeNull();
    expect(duplicateQuery({ ...blank, tax_id: "69435151530", tax_country: "HR", emails: ["", "info@kras.hr"] })).toEqual({
      tax_id: "69435151530",
      tax_country: "HR",
      emails: ["info@kras.hr"],
    });
  });

  it("warns on visible matches and on matches the caller cannot see", () => {
    expect(hasDuplicates(null)).toBe(false);
    expect(hasDuplicates({ matches: [], hidden_matches: 0 })).toBe(false);
    expect(hasDuplicates({ matches: [{ partner, reasons: ["name_city"] }], hidden_matches: 0 })).toBe(true);
    expect(hasDuplicates({ matches: [], hidden_matches: 2 })).toBe(true);
  });

  it("checks before creating unless the user accepted exactly these values", () => {
    const q = duplicateQuery({ ...blank, name: "Kraš", city: "Zagreb" });
    expect(decideOnSubmit(null, null)).toBe("create");
    expect(decideOnSubmit(q, null)).toBe("check");
    expect(decideOnSubmit(q, duplicateKey(q))).toBe("create");
    // Changing the name after accepting asks again.
    expect(decideOnSubmit(duplicateQuery({ ...blank, name: "Kraš 2", city: "Zagreb" }), duplicateKey(q))).toBe("check");
  });

  it("leaves the partner itself out of its own duplicates", () => {
    const other = { id: "p2" } as never;
    const d = { matches: [{ partner, reasons: ["name_city"] }, { partner: other, reasons: ["email"] }], hidden_matches: 1 };
    expect(withoutSelf(d, "p1")).toEqual({ matches: [{ partner: other, reasons: ["email"] }], hidden_matches: 1 });
  });
});
