import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

export const JOBS_KEY = ["admin-jobs"] as const;

/** GET /api/v1/admin/jobs: newest first, optionally one status and one kind. */
export function listJobs(p: { cursor?: string; limit: number; count: boolean; status?: string | null; kind?: string }) {
  return unwrap(
    api.GET("/api/v1/admin/jobs", {
      params: { query: { limit: p.limit, cursor: p.cursor, count: p.count, status: p.status || undefined, kind: p.kind?.trim() || undefined } },
    }),
  );
}

/** A dead or cancelled job goes back to the queue. */
export const retryJob = (id: string) => unwrap(api.POST("/api/v1/admin/jobs/{id}/retry", { params: { path: { id } } }));

/** A queued or dead job will not run. */
export const cancelJob = (id: string) => unwrap(api.POST("/api/v1/admin/jobs/{id}/cancel", { params: { path: { id } } }));
