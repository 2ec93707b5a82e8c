// Names for the generated schema types the deals screens use (aliases only: the API shapes live in schema.d.ts).
import type { components } from "../../../lib/api/schema";

type S = components["schemas"];

export type Deal = S["Deal"];
export type DealInput = S["DealFields"];
export type DealLine = S["DealLine"];
export type LineInput = S["LineInput"];
export type DealType = S["DealType"];
export type Stage = S["Stage"];
export type MoveDeal = S["MoveDeal"];
export type StageMove = S["StageMove"];
export type TimelineEntry = S["TimelineEntry"];
export type Board = S["Board"];
export type BoardColumn = S["BoardColumn"];
export type BulkDeals = S["BulkDeals"];
export type DealEmail = S["DealEmail"];
export type Product = S["Product"];
export type PriceList = S["PriceList"];

export const DEAL_KINDS = ["sale", "supply"] as const;
export const DEAL_STATUSES = ["open", "won", "lost", "cancelled"] as const;
export const DEAL_PRIORITIES = ["low", "normal", "high", "urgent"] as const;

/** The grant resource of a deal kind: sale deals answer to `deals`, supply deals to `supply_deals`. */
export const dealResource = (kind: string) => (kind === "supply" ? "supply_deals" : "deals");
