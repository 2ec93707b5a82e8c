import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** GET /api/v1/partners/{id}/assignment: why the partner has its owners. `version` refetches after changes. */
export const explanationQuery = (partnerId: string, version: number) =>
  queryOptions({
    queryKey: ["assignment", "explain", partnerId, version],
    queryFn: () => unwrap(api.GET("/api/v1/partners/{id}/assignment", { params: { path: { id: partnerId } } })),
  });
