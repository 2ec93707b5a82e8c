import type { Duplicates, DuplicateQuery } from "../../../lib/api/types";

interface Candidate {
  name: string;
  city: string;
  tax_id: string;
  tax_country: string | null;
  emails: string[];
}

/** What to ask POST /partners/duplicates about; null when nothing identifying has been typed yet. */
export function duplicateQuery(v: Candidate): DuplicateQuery | null {
  const q: DuplicateQuery = {};
  if (v.name.trim()) q.name = v.name.trim();
  if (v.name.trim() && v.city.trim()) q.city = v.city.trim();
  if (v.tax_id.trim() && v.tax_country) {
    q.tax_id = v.tax_id.trim();
    q.tax_country = v.tax_country;
  }
  const emails = v.emails.map((e) => e.trim()).filter(Boolean);
  if (emails.length) q.emails = emails;
  return Object.keys(q).length ? q : null;
}

/** A stable key for a query, to remember which one the user already saw and accepted. */
export const duplicateKey = (q: DuplicateQuery | null): string => (q ? JSON.stringify(q) : "");

/** Warn when the user may see a likely duplicate, or when there are ones they may not see. */
export const hasDuplicates = (d: Duplicates | null | undefined): boolean =>
  Boolean(d && (d.matches.length > 0 || d.hidden_matches > 0));

export type SubmitDecision = "create" | "check";

/**
 * On "Create": go ahead when there is nothing to compare or the user already accepted the warning for
 * exactly these values; otherwise ask the server first.
 */
export function decideOnSubmit(q: DuplicateQuery | null, acceptedKey: string | null): SubmitDecision {
  if (!q) return "create";
  return acceptedKey === duplicateKey(q) ? "create" : "check";
}

/** The answer about an existing partner lists that partner too: leave it out. */
export const withoutSelf = (d: Duplicates, id: string): Duplicates => ({ ...d, matches: d.matches.filter((m) => m.partner.id !== id) });
