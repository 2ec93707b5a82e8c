import type { Announcement, CreateAnnouncement } from "../../../lib/api/types";

export type AnnouncementStatus = "scheduled" | "current" | "expired";

/** Where an announcement stands against its validity window at `now`. */
export function announcementStatus(a: Pick<Announcement, "valid_from" | "valid_until">, now: Date): AnnouncementStatus {
  const t = now.getTime();
  if (new Date(a.valid_from).getTime() > t) return "scheduled";
  if (a.valid_until && new Date(a.valid_until).getTime() <= t) return "expired";
  return "current";
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local input shows it: the browser's local time, to the minute. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) as the instant the API takes; null when empty or unreadable. */
export function fromLocalInput(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export interface AnnouncementValues {
  title: string;
  body: string;
  pinned: boolean;
  valid_from: string;
  valid_until: string;
}

export const emptyAnnouncement: AnnouncementValues = { title: "", body: "", pinned: false, valid_from: "", valid_until: "" };

export function announcementValues(a: Announcement): AnnouncementValues {
  return { title: a.title, body: a.body, pinned: a.pinned, valid_from: toLocalInput(a.valid_from), valid_until: toLocalInput(a.valid_until) };
}

/** "Until" must come after "from"; an empty "from" means now. */
export function windowError(v: Pick<AnnouncementValues, "valid_from" | "valid_until">, now: Date): boolean {
  const until = fromLocalInput(v.valid_until);
  if (!until) return false;
  const from = fromLocalInput(v.valid_from) ?? now.toISOString();
  return new Date(until).getTime() <= new Date(from).getTime();
}

/**
 * The body for create and for edit alike: an empty "from" is left out (the server means now, or keeps
 * the old start), an empty "until" is sent as null (valid until taken down).
 */
export function announcementBody(v: AnnouncementValues): CreateAnnouncement {
  const from = fromLocalInput(v.valid_from);
  return {
    title: v.title.trim(),
    body: v.body,
    pinned: v.pinned,
    ...(from ? { valid_from: from } : {}),
    valid_until: fromLocalInput(v.valid_until),
  };
}
