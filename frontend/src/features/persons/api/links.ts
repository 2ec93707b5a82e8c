import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** Partners whose name, tax id or city matches `q`, for the partner picker (GET /api/v1/partners). */
export const partnerOptionsQuery = (q: string) =>
  queryOptions({
    queryKey: ["persons", "partner-options", q],
    staleTime: 30_000,
    queryFn: async () => {
      const page = await unwrap(api.GET("/api/v1/partners", { params: { query: { q: q.trim() || undefined, limit: 20, sort: "name" } } }));
      return page.items.map((p) => ({ value: p.id, label: p.city ? `${p.name} (${p.city})` : p.name }));
    },
  });

/** One partner's name, for labels; empty when it is not visible to the caller. */
export const partnerNameQuery = (id: string) =>
  queryOptions({
    queryKey: ["persons", "partner-name", id],
    staleTime: 60_000,
    retry: false,
    queryFn: async () => {
      const p = await unwrap(api.GET("/api/v1/partners/{id}", { params: { path: { id } } }));
      return p.city ? `${p.name} (${p.city})` : p.name;
    },
  });

/** The branches of a partner, for the branch picker and labels (GET /api/v1/partners/{id}/branches). */
export const branchOptionsQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ["list", "branches", partnerId, "options"],
    staleTime: 30_000,
    queryFn: async () => {
      const page = await unwrap(
        api.GET("/api/v1/partners/{id}/branches", { params: { path: { id: partnerId }, query: { limit: 200, sort: "name" } } }),
      );
      return page.items.map((b) => ({ value: b.id, label: b.city ? `${b.name} (${b.city})` : b.name }));
    },
  });
