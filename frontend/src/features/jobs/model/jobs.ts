import type { Job } from "../../../lib/api/types";

export const JOB_STATUSES = ["queued", "running", "done", "dead", "cancelled"] as const;

const COLORS: Record<string, string> = { queued: "gray", running: "blue", done: "green", dead: "red", cancelled: "yellow" };

export const jobStatusColor = (status: string) => COLORS[status] ?? "gray";

// The same transitions the server allows (anything else answers 409 job_state).
export const canRetryJob = (j: Pick<Job, "status">) => j.status === "dead" || j.status === "cancelled";
export const canCancelJob = (j: Pick<Job, "status">) => j.status === "queued" || j.status === "dead";

/** The list keeps refreshing while any job may still change on its own. */
export const isJobActive = (j: Pick<Job, "status">) => j.status === "queued" || j.status === "running";

/** Percent done for a job that reports progress, or null when it does not. */
export function jobProgress(j: Pick<Job, "progress_done" | "progress_total">): number | null {
  if (j.progress_total <= 0) return null;
  return Math.min(100, Math.max(0, Math.round((j.progress_done / j.progress_total) * 100)));
}
