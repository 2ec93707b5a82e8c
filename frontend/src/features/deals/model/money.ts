import { formatMoney, intlLocale } from "../../../lib/format";

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY); 2 for an unknown code. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount in minor units with its currency ("1.500,00 €"); empty for none, the bare number for a bad code. */
export function formatAmount(minor: number | null | undefined, currency: string | null | undefined, lang: string): string {
  if (minor === null || minor === undefined) return "";
  const code = (currency ?? "").toUpperCase();
  try {
    return formatMoney(minor, code, lang);
  } catch {
    return new Intl.NumberFormat(intlLocale(lang), { minimumFractionDigits: 2 }).format(minor / 100);
  }
}

/** Minor units as the number a money input shows (150000 EUR -> 1500). */
export function toMajor(minor: number | null | undefined, currency: string): number | "" {
  if (minor === null || minor === undefined) return "";
  return minor / 10 ** currencyDigits(currency);
}

/** A money input's value as minor units (1500.5 EUR -> 150050); null when empty or not a number. */
export function toMinor(major: number | string | null | undefined, currency: string): number | null {
  if (major === null || major === undefined || major === "") return null;
  const n = typeof major === "number" ? major : Number(String(major).replace(",", "."));
  if (!Number.isFinite(n)) return null;
  return Math.round(n * 10 ** currencyDigits(currency));
}

/** Basis points as a percentage (1000 -> 10) and back. */
export const bpToPercent = (bp: number | null | undefined): number | "" => (bp === null || bp === undefined ? "" : bp / 100);
export const percentToBp = (p: number | string | null | undefined): number | null => {
  if (p === null || p === undefined || p === "") return null;
  const n = Number(p);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
};

/** A line's net amount as the server computes it: quantity x unit price less the discount, in minor units. */
export function lineNet(quantity: number, unitPrice: number, discountBp: number): number {
  return Math.round(quantity * unitPrice * (1 - discountBp / 10_000));
}
