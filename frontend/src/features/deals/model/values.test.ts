import { describe, expect, it } from "vitest";
import { emptyLine, emptyNewDealValues, rowNet, rowsTotal, toCreateBody, toDealBody, toLinesBody } from "./values";

describe("deal values", () => {
  it("sends only the changed fields, amounts in minor units", () => {
    expect(toDealBody({ expected_amount: 1500 }, "EUR")).toEqual({ expected_amount: 150000 });
    expect(toDealBody({ title: " Oprema ", description: "  " })).toEqual({ title: "Oprema", description: null });
    expect(toDealBody({ expected_amount: "" })).toEqual({ expected_amount: null });
  });

  it("builds the create body without an owner when none is chosen", () => {
    const body = toCreateBody({ ...emptyNewDealValues(), type_id: "t1", partner_id: "p1", title: "Deal", expected_amount: 10 });
    expect(body).toMatchObject({ type_id: "t1", partner_id: "p1", title: "Deal", expected_amount: 1000, currency: "EUR", priority: "normal" });
    expect(body).not.toHaveProperty("owner_id");
    expect(body).not.toHaveProperty("stage_id");
    expect(toCreateBody({ ...emptyNewDealValues(), type_id: "t1", partner_id: "p1", owner_id: "u1", stage_id: "s2" })).toMatchObject({
      owner_id: "u1",
      stage_id: "s2",
    });
  });

  it("turns editor rows into lines, a product without a price priced from the price list", () => {
    const product = { ...emptyLine(), product_id: "pr1", quantity: 2 };
    const manual = { ...emptyLine(), description: "Montaža", quantity: 3, unit: "h", unit_price: 40, discount: 10, vat: 25 };
    expect(toLinesBody([product, manual], "EUR", "pl1")).toEqual([
      { quantity: 2, product_id: "pr1", price_list_id: "pl1" },
      { quantity: 3, description: "Montaža", unit: "h", unit_price: 4000, discount_bp: 1000, vat_rate_bp: 2500 },
    ]);
  });

  it("previews net amounts and the total", () => {
    const a = { ...emptyLine(), quantity: 3, unit_price: 40, discount: 10 };
    const b = { ...emptyLine(), quantity: 1, unit_price: "" as const };
    expect(rowNet(a, "EUR")).toBe(10800);
    expect(rowNet(b, "EUR")).toBeNull();
    expect(rowsTotal([a, b], "EUR")).toBe(10800);
  });
});
