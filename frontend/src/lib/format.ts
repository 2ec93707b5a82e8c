// Locale-aware formatting with Intl. The locale is the UI language (en, hr, pl, ro).
const INTL_LOCALE: Record<string, string> = { en: "en-GB", hr: "hr-HR", pl: "pl-PL", ro: "ro-RO" };

export function intlLocale(lang: string): string {
  return INTL_LOCALE[lang] ?? lang;
}

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "medium", timeStyle: "short" }).format(d);
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "medium" }).format(d);
}

export function formatNumber(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return "";
  return new Intl.NumberFormat(intlLocale(lang)).format(n);
}

/** Money is an integer amount in minor units plus an ISO 4217 code (see DESIGN.md). */
export function formatMoney(minor: number, currency: string, lang: string): string {
  const fmt = new Intl.NumberFormat(intlLocale(lang), { style: "currency", currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(minor / 10 ** digits);
}

/** Minutes as h:mm. */
export function formatMinutes(total: number): string {
  const m = Math.max(0, Math.round(total));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

/** A calendar date without a time ("2026-03-01"), formatted as that same day in every time zone. */
export function formatCalendarDate(isoDate: string | null | undefined, lang: string): string {
  if (!isoDate) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "medium", timeZone: "UTC" }).format(d);
}
