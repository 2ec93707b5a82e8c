import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** POST /api/v1/partners/{id}/merge: the duplicate's branches, persons and activities move to `id`, it is deleted. */
export const mergePartner = (id: string, duplicateId: string) =>
  unwrap(api.POST("/api/v1/partners/{id}/merge", { params: { path: { id } }, body: { duplicate_id: duplicateId } }));

/** Other partners matching `q`, for picking the duplicate. */
export const mergeCandidatesQuery = (q: string, exceptId: string) =>
  queryOptions({
    queryKey: ["partners", "merge-candidates", q, exceptId],
    staleTime: 30_000,
    queryFn: async () => {
      const page = await unwrap(api.GET("/api/v1/partners", { params: { query: { q: q.trim() || undefined, limit: 20, sort: "name" } } }));
      return page.items.filter((p) => p.id !== exceptId).map((p) => ({ value: p.id, label: p.city ? `${p.name} (${p.city})` : p.name }));
    },
  });
