import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { isJobRunning, reassignJobQuery } from "../api/job";
import { rulesKey } from "../api/rules";

/** Follows the reassignment job; when it finishes, the rules (and partner data) are loaded again. */
export function useReassignJob(jobId: string | null) {
  const qc = useQueryClient();
  const job = useQuery({ ...reassignJobQuery(jobId ?? ""), enabled: Boolean(jobId) });
  const status = job.data?.status;
  const finished = Boolean(status) && !isJobRunning(status);
  useEffect(() => {
    if (!finished) return;
    void qc.invalidateQueries({ queryKey: rulesKey });
    void qc.invalidateQueries({ queryKey: ["list", "partners"] });
    void qc.invalidateQueries({ queryKey: ["partners"] });
  }, [finished, qc]);
  return { job: job.data ?? null, active: Boolean(jobId) && !finished, error: job.error };
}
