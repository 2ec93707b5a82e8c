import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** Teams the caller may see (GET /api/v1/teams), for the compose dialog's team picker. */
export const teamOptionsQuery = queryOptions({
  queryKey: ["teams", "options"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/teams", { params: { query: { limit: 200, sort: "name" } } }));
    return page.items.map((t) => ({ value: t.id, label: t.name }));
  },
});
