/** Minor units (cents) as the text of an amount input: 12550 -> "125.50". */
export function minorToInput(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return "";
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * An amount typed by a user as minor units: "125.5", "125,50", "1 250,00" or "1.250,00" -> 12550 / 125000.
 * The last "." or "," followed by one or two digits is the decimal separator; other separators group thousands.
 * Null when it is not a number (or has more than two decimals).
 */
export function parseAmount(text: string): number | null {
  const s = text.trim().replace(/[\s\u00a0']/g, "");
  if (!s) return null;
  const m = /^(-?)([\d.,]*?)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = (m[2] ?? "").replace(/[.,]/g, "");
  if (!/^\d*$/.test(whole) || (whole === "" && !m[3])) return null;
  const cents = (m[3] ?? "").padEnd(2, "0");
  const value = Number(whole || "0") * 100 + Number(cents || "0");
  return m[1] ? -value : value;
}

/** VAT in basis points as a percentage (2500 -> 25) and back (rounded to whole basis points). */
export const bpToPercent = (bp: number) => bp / 100;
export const percentToBp = (percent: number) => Math.round(percent * 100);

/** A rate as typed ("0,2341") as a number, or null. */
export function parseRate(text: string): number | null {
  const s = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}
