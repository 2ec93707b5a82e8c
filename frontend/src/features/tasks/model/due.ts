import type { Deadline } from "../../../lib/api/types";

/** Past its due time (the server's overdue alarm may come up to a minute later: the list should not wait). */
export function isOverdue(d: Pick<Deadline, "due_at">, now: number = Date.now()): boolean {
  return new Date(d.due_at).getTime() <= now;
}

/** An absence form's dates are valid when both are set and the end is not before the start. */
export function absenceRangeError(startsOn: string, endsOn: string): "required" | "end_before_start" | null {
  if (!startsOn || !endsOn) return "required";
  // ISO dates (YYYY-MM-DD) compare correctly as strings.
  return endsOn < startsOn ? "end_before_start" : null;
}
