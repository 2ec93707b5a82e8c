import { describe, expect, it } from "vitest";
import { emptyProduct, invalidPrices, productToValues, toProductBody } from "./product-form";

describe("product form", () => {
  it("sends one price per price list with an amount, in the lists' order", () => {
    const v = { ...emptyProduct, code: " SRV ", name: "Install", kind: "service" as const, unit: "h", vatPercent: 13 as const, prices: { b: "10,5", a: "", c: "2" } };
    expect(toProductBody(v, [{ id: "a" }, { id: "b" }, { id: "c" }])).toEqual({
      code: "SRV",
      name: "Install",
      kind: "service",
      unit: "h",
      vat_rate_bp: 1300,
      description: null,
      active: true,
      prices: [
        { price_list_id: "b", amount: 1050 },
        { price_list_id: "c", amount: 200 },
      ],
    });
  });

  it("reads a product back into the form, and flags prices that are not amounts", () => {
    const v = productToValues({
      id: "p",
      code: "X",
      name: "Thing",
      kind: "product",
      unit: "pcs",
      vat_rate_bp: 2500,
      description: null,
      active: false,
      prices: [{ price_list_id: "a", amount: 125000 }],
      created_at: "",
      updated_at: "",
      version: 3,
    });
    expect(v).toMatchObject({ vatPercent: 25, description: "", active: false, prices: { a: "1250.00" } });
    expect(invalidPrices({ ...v, prices: { a: "12x", b: "", c: "3" } })).toEqual(["a"]);
  });
});
