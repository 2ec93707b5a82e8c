import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

export const meQueryKey = ["me"] as const;

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: () => unwrap(api.GET("/api/v1/auth/me")),
  staleTime: 5 * 60_000,
});
