/** What the rules screen may do, from what was previewed and what is being edited now. */
export interface GateInput {
  /** The table signature the last successful preview was made for; null without one. */
  previewedFor: string | null;
  /** The signature of the table as edited now. */
  current: string;
  /** A preview or an apply is under way. */
  busy: boolean;
  /** The job of the last apply is still queued or running. */
  jobActive: boolean;
}

/** Apply only what the user saw: after a preview of exactly the current edits, and not while work is running. */
export const canApply = (g: GateInput) => g.previewedFor !== null && g.previewedFor === g.current && !g.busy && !g.jobActive;

/** A preview shown for older edits is out of date (it stays visible, marked as such). */
export const previewStale = (g: Pick<GateInput, "previewedFor" | "current">) => g.previewedFor !== null && g.previewedFor !== g.current;

export const canPreview = (g: Pick<GateInput, "busy" | "jobActive">) => !g.busy && !g.jobActive;
