import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** Active users who could stand in during an absence (GET /api/v1/users), for the deputy picker and labels. */
export const deputyOptionsQuery = queryOptions({
  queryKey: ["users", "deputy-options"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, sort: "name" } } }));
    return page.items.filter((u) => u.status === "active").map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }));
  },
});
