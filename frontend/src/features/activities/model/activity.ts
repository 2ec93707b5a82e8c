export const ACTIVITY_KINDS = ["call", "meeting", "visit", "email", "letter", "fax", "note"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const ICONS: Record<string, string> = { call: "📞", meeting: "👥", visit: "🚗", email: "✉️", letter: "📄", fax: "📠", note: "📝" };

export const kindIcon = (kind: string) => ICONS[kind] ?? "•";

export { formatMinutes } from "../../../lib/format";

/** A Date as the value of an <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The value of a datetime-local input as an RFC 3339 instant, or null when empty or invalid. */
export function fromLocalInput(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
