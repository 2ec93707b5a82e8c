import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

const active = (status?: string) => status === "queued" || status === "running";

/** GET /api/v1/admin/jobs/{id} (the starter may read it), polled until the job is finished. */
export const reassignJobQuery = (id: string) =>
  queryOptions({
    queryKey: ["assignment", "job", id],
    queryFn: () => unwrap(api.GET("/api/v1/admin/jobs/{id}", { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data && !active(q.state.data.status) ? false : 1000),
  });

export const isJobRunning = active;
