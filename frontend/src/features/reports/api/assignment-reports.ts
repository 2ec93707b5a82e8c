import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** GET /api/v1/assignment/reports/owners: partners per primary owner and territory (reports:read). */
export const ownersReportQuery = queryOptions({
  queryKey: ["reports", "assignment", "owners"],
  queryFn: () => unwrap(api.GET("/api/v1/assignment/reports/owners")),
});

/** GET /api/v1/assignment/reports/unassigned: partners without a primary owner (partners:assign). */
export const unassignedReportQuery = queryOptions({
  queryKey: ["reports", "assignment", "unassigned"],
  queryFn: () => unwrap(api.GET("/api/v1/assignment/reports/unassigned")),
});

/** GET /api/v1/assignment/pending: what the current table would still change, and its conflicts. */
export const pendingReportQuery = queryOptions({
  queryKey: ["reports", "assignment", "pending"],
  queryFn: () => unwrap(api.GET("/api/v1/assignment/pending", { params: { query: { limit: 100 } } })),
});

/** Names of the users the caller may see (GET /api/v1/users), for the report's rows. */
export const reportUsersQuery = queryOptions({
  queryKey: ["users", "report-names"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, sort: "name" } } }));
    return new Map(page.items.map((u) => [u.id, u.name]));
  },
});
