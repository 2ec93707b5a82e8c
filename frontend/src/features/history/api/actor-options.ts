import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** Users to pick as the actor filter (GET /api/v1/users); callers who may not list users type an id instead. */
export const actorOptionsQuery = queryOptions({
  queryKey: ["users", "options"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, sort: "name" } } }));
    return page.items.map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }));
  },
});
