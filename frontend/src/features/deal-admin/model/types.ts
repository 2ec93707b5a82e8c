// Names for the generated schema types of the deal administration screens (aliases only, never hand-made shapes).
import type { components } from "../../../lib/api/schema";

type S = components["schemas"];

export type DealType = S["DealType"];
export type DealTypeFields = S["DealTypeFields"];
export type Stage = S["Stage"];
export type StageInput = S["StageInput"];
export type Product = S["Product"];
export type ProductFields = S["ProductFields"];
export type ProductPrice = S["Price"];
export type PriceList = S["PriceList"];
export type PriceListFields = S["PriceListFields"];
export type ExchangeRate = S["ExchangeRate"];
export type SetExchangeRate = S["SetExchangeRate"];
export type RateConversion = S["RateConversion"];

export const DEAL_KINDS = ["sale", "supply"] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

export const OUTCOMES = ["open", "won", "lost"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const PRODUCT_KINDS = ["product", "service"] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
