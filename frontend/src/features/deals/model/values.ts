import { percentToBp, bpToPercent, lineNet, toMajor, toMinor } from "./money";
import type { Deal, DealInput, DealLine, LineInput } from "./types";

/** The editable fields of a deal (the type, stage and partner change only by moving or on create). */
export interface DealValues {
  title: string;
  owner_id: string | null;
  source_id: string | null;
  priority: string;
  /** In major units, as the money input shows it. */
  expected_amount: number | "";
  currency: string;
  expected_close_on: string;
  description: string;
  tags: string[];
}

/** The create form: the editable fields plus what a new deal starts with. */
export interface NewDealValues extends DealValues {
  kind: string;
  type_id: string | null;
  stage_id: string | null;
  partner_id: string | null;
}

export const emptyNewDealValues = (kind = "sale"): NewDealValues => ({
  kind,
  type_id: null,
  stage_id: null,
  partner_id: null,
  title: "",
  owner_id: null,
  source_id: null,
  priority: "normal",
  expected_amount: "",
  currency: "EUR",
  expected_close_on: "",
  description: "",
  tags: [],
});

export const dealToValues = (d: Deal): DealValues => ({
  title: d.title,
  owner_id: d.owner_id,
  source_id: d.source_id ?? null,
  priority: d.priority,
  expected_amount: toMajor(d.expected_amount, d.currency),
  currency: d.currency,
  expected_close_on: d.expected_close_on ?? "",
  description: d.description ?? "",
  tags: d.tags,
});

const text = (v: string | null | undefined) => (typeof v === "string" ? v.trim() || null : null);

/**
 * Form values (all or only the changed ones) as the API body: blank text becomes null, the amount goes to minor
 * units of the currency (the form's, or `currency` when only the amount changed).
 */
export function toDealBody(v: Partial<DealValues>, currency = "EUR"): DealInput {
  const body: DealInput = {};
  const cur = (v.currency ?? currency).trim().toUpperCase();
  if (v.title !== undefined) body.title = v.title.trim();
  if (v.owner_id !== undefined) body.owner_id = v.owner_id;
  if (v.source_id !== undefined) body.source_id = v.source_id;
  if (v.priority !== undefined) body.priority = v.priority;
  if (v.expected_amount !== undefined) body.expected_amount = toMinor(v.expected_amount, cur);
  if (v.currency !== undefined) body.currency = cur || null;
  if (v.expected_close_on !== undefined) body.expected_close_on = text(v.expected_close_on);
  if (v.description !== undefined) body.description = text(v.description);
  if (v.tags !== undefined) body.tags = v.tags;
  return body;
}

/** The create body: a new deal's type, partner and (optional) stage and owner with its fields. */
export function toCreateBody(v: NewDealValues): DealInput {
  const { owner_id, ...body } = toDealBody({
    title: v.title,
    owner_id: v.owner_id,
    source_id: v.source_id,
    priority: v.priority,
    expected_amount: v.expected_amount,
    currency: v.currency,
    expected_close_on: v.expected_close_on,
    description: v.description,
    tags: v.tags,
  });
  // No owner: the server picks the partner's primary owner (sale) or the caller (supply).
  return { ...body, ...(owner_id ? { owner_id } : {}), type_id: v.type_id, partner_id: v.partner_id, ...(v.stage_id ? { stage_id: v.stage_id } : {}) };
}

/** One row of the lines editor (money in major units, discount and VAT in percent). */
export interface LineValues {
  key: string;
  product_id: string | null;
  description: string;
  quantity: number | "";
  unit: string;
  unit_price: number | "";
  discount: number | "";
  vat: number | "";
}

let nextKey = 0;
const newKey = () => `line-${(nextKey += 1)}`;

export const emptyLine = (): LineValues => ({
  key: newKey(),
  product_id: null,
  description: "",
  quantity: 1,
  unit: "",
  unit_price: "",
  discount: "",
  vat: "",
});

export const lineToValues = (l: DealLine, currency: string): LineValues => ({
  key: l.id,
  product_id: l.product_id ?? null,
  description: l.description,
  quantity: l.quantity,
  unit: l.unit ?? "",
  unit_price: toMajor(l.unit_price, currency),
  discount: bpToPercent(l.discount_bp),
  vat: bpToPercent(l.vat_rate_bp),
});

/**
 * The editor's rows as the body's `lines` (they replace the deal's). A product row without a price takes its
 * price from `priceListId`.
 */
export function toLinesBody(rows: readonly LineValues[], currency: string, priceListId: string | null): LineInput[] {
  return rows.map((r) => {
    const unitPrice = toMinor(r.unit_price, currency);
    return {
      quantity: typeof r.quantity === "number" ? r.quantity : Number(r.quantity),
      ...(r.product_id ? { product_id: r.product_id } : {}),
      ...(r.product_id && unitPrice === null && priceListId ? { price_list_id: priceListId } : {}),
      ...(r.description.trim() ? { description: r.description.trim() } : {}),
      ...(r.unit.trim() ? { unit: r.unit.trim() } : {}),
      ...(unitPrice !== null ? { unit_price: unitPrice } : {}),
      ...(percentToBp(r.discount) !== null ? { discount_bp: percentToBp(r.discount) } : {}),
      ...(percentToBp(r.vat) !== null ? { vat_rate_bp: percentToBp(r.vat) } : {}),
    };
  });
}

/** A row's net amount in minor units as the editor shows it before saving; null while its price is unknown. */
export function rowNet(r: LineValues, currency: string): number | null {
  const price = toMinor(r.unit_price, currency);
  const qty = typeof r.quantity === "number" ? r.quantity : Number(r.quantity);
  if (price === null || !Number.isFinite(qty)) return null;
  return lineNet(qty, price, percentToBp(r.discount) ?? 0);
}

/** The sum of the rows' net amounts (rows without a price count as zero). */
export const rowsTotal = (rows: readonly LineValues[], currency: string) => rows.reduce((sum, r) => sum + (rowNet(r, currency) ?? 0), 0);
