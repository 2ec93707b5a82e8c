/** The notification kinds, in the order the preferences table shows them. */
export const NOTIFICATION_KINDS = ["deadline_near", "deadline_overdue", "deadline_escalated", "message", "announcement", "partners_assigned"] as const;

/** Preferences in that order; a kind the server adds later goes last. */
export function sortByKind<T extends { kind: string }>(rows: readonly T[]): T[] {
  const rank = (k: string) => {
    const i = (NOTIFICATION_KINDS as readonly string[]).indexOf(k);
    return i === -1 ? NOTIFICATION_KINDS.length : i;
  };
  return [...rows].sort((a, b) => rank(a.kind) - rank(b.kind));
}
