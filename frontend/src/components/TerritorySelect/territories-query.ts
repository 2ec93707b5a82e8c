import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api/client";
import { unwrap } from "../../lib/api/unwrap";

export const territoriesKey = ["territories"] as const;

/** Every territory (GET /api/v1/territories, a flat list with `parent_id`; the tree is built here). */
export const territoriesQuery = queryOptions({
  queryKey: territoriesKey,
  staleTime: 60_000,
  queryFn: () => unwrap(api.GET("/api/v1/territories")),
});
