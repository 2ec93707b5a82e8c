import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** Partners matching `q`, for the "link to an existing partner" picker (GET /api/v1/partners). */
export const convertPartnerOptionsQuery = (q: string) =>
  queryOptions({
    queryKey: ["leads", "partner-options", q],
    staleTime: 30_000,
    queryFn: async () => {
      const page = await unwrap(api.GET("/api/v1/partners", { params: { query: { q: q.trim() || undefined, limit: 20, sort: "name" } } }));
      return page.items.map((p) => ({ value: p.id, label: p.city ? `${p.name} (${p.city})` : p.name }));
    },
  });
