import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** Role keys and names for the roles picker (GET /api/v1/roles). */
export const roleOptionsQuery = queryOptions({
  queryKey: ["roles", "options"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/roles", { params: { query: { limit: 200, sort: "name" } } }));
    return page.items.map((r) => ({ value: r.key, label: r.name }));
  },
});
