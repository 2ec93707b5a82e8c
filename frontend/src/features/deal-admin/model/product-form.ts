import { bpToPercent, minorToInput, parseAmount, percentToBp } from "./money";
import type { PriceList, Product, ProductFields, ProductKind } from "./types";

/** The product form; prices as typed, by price list id (empty: not on that list). */
export interface ProductValues {
  code: string;
  name: string;
  kind: ProductKind;
  unit: string;
  vatPercent: number | "";
  description: string;
  active: boolean;
  prices: Record<string, string>;
}

export const emptyProduct: ProductValues = { code: "", name: "", kind: "product", unit: "", vatPercent: 25, description: "", active: true, prices: {} };

export function productToValues(p: Product): ProductValues {
  return {
    code: p.code,
    name: p.name,
    kind: p.kind === "service" ? "service" : "product",
    unit: p.unit,
    vatPercent: bpToPercent(p.vat_rate_bp),
    description: p.description ?? "",
    active: p.active,
    prices: Object.fromEntries(p.prices.map((pr) => [pr.price_list_id, minorToInput(pr.amount)])),
  };
}

/** Price lists whose typed price is not an amount. */
export function invalidPrices(v: ProductValues): string[] {
  return Object.entries(v.prices)
    .filter(([, text]) => text.trim() !== "" && parseAmount(text) === null)
    .map(([id]) => id);
}

/**
 * The POST/PATCH body. Prices replace the product's whole list, one per price list with an amount, in the
 * order of the price lists (those the user did not fill are left out).
 */
export function toProductBody(v: ProductValues, lists: readonly Pick<PriceList, "id">[]): ProductFields {
  const prices = lists.flatMap((l) => {
    const amount = parseAmount(v.prices[l.id] ?? "");
    return amount === null ? [] : [{ price_list_id: l.id, amount }];
  });
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    kind: v.kind,
    unit: v.unit.trim(),
    vat_rate_bp: v.vatPercent === "" ? 0 : percentToBp(v.vatPercent),
    description: v.description.trim() || null,
    active: v.active,
    prices,
  };
}
