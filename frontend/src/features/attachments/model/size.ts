import { intlLocale } from "../../../lib/format";

/** A byte count as B, kB or MB (1000-based), formatted for the UI language. */
export function formatBytes(bytes: number, lang: string): string {
  const units = ["B", "kB", "MB", "GB"];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i += 1;
  }
  const n = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v);
  return `${n} ${units[i]}`;
}
