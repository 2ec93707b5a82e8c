import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** Resources, their actions and the scopes: the rows and columns of the grants matrix. */
export const permissionsQuery = queryOptions({
  queryKey: ["permissions"],
  staleTime: 30 * 60_000,
  queryFn: () => unwrap(api.GET("/api/v1/permissions")),
});
