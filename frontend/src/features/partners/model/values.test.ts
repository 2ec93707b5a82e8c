import { emptyPartnerValues, toCreateBody, toPatchBody } from "./values";

describe("partner form values", () => {
  it("leaves blank fields out of the create body and trims text", () => {
    expect(toCreateBody({ ...emptyPartnerValues, name: " Kraš d.d. ", city: " Zagreb", tax_id: "", tags: ["vip"] })).toEqual({
      kind: "company",
      is_customer: true,
      is_supplier: false,
      name: "Kraš d.d.",
      city: "Zagreb",
      phones: [],
      emails: [],
      status: "prospect",
      tags: ["vip"],
    });
  });

  it("clears text with an empty string, a tax id with null", () => {
    expect(toPatchBody({ street: "", tax_id: " ", group_id: null, name: " Novo " })).toEqual({
      street: "",
      tax_id: null,
      group_id: null,
      name: "Novo",
    });
  });
});
