import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** Id -> name of the users an administrator sees, to label whose key is whose (GET /api/v1/users). */
export const userNamesQuery = queryOptions({
  queryKey: ["users", "names"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, sort: "name" } } }));
    return Object.fromEntries(page.items.map((u) => [u.id, u.name])) as Record<string, string>;
  },
});
