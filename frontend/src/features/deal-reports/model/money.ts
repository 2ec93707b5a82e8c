import { intlLocale } from "../../../lib/format";

/** Report amounts are integer minor units (cents) of the company currency: 123456 EUR -> "€1,234.56". */
export function formatMinor(minor: number, currency: string, lang: string): string {
  const value = minor / 100;
  try {
    return new Intl.NumberFormat(intlLocale(lang), { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  } catch {
    // Not an ISO code Intl knows: the number and the code.
    return `${new Intl.NumberFormat(intlLocale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** A short amount for the chart's axis: 1250000 (minor) -> "12.5K". */
export function formatCompact(minor: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { notation: "compact", maximumFractionDigits: 1 }).format(minor / 100);
}

/** A 0..1 rate as a percentage ("—" when there is none). */
export function formatRate(rate: number | null | undefined, lang: string): string {
  if (rate === null || rate === undefined) return "—";
  return new Intl.NumberFormat(intlLocale(lang), { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

/** Seconds as days with one decimal ("—" when there is none). */
export function formatDays(seconds: number | null | undefined, lang: string): string {
  if (seconds === null || seconds === undefined) return "—";
  return new Intl.NumberFormat(intlLocale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds / 86_400);
}

/** "2027-03" as "Mar 2027" in the UI language (the month itself, whatever the time zone). */
export function formatMonth(month: string | null | undefined, lang: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? "");
  if (!m) return month ?? "";
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(intlLocale(lang), { month: "short", year: "numeric", timeZone: "UTC" }).format(d);
}
