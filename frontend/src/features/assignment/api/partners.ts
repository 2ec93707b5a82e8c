import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

export const unassignedKey = ["assignment", "unassigned"] as const;

/** GET /api/v1/assignment/reports/unassigned: live partners without a primary owner (needs partners:assign). */
export const unassignedQuery = queryOptions({
  queryKey: unassignedKey,
  queryFn: () => unwrap(api.GET("/api/v1/assignment/reports/unassigned")),
});

/** Partners of one owner and/or territory (GET /api/v1/partners), for picking whom to hand over. */
export const partnersByQuery = (ownerId: string | null, territoryId: string | null) =>
  queryOptions({
    queryKey: ["assignment", "partners-by", ownerId, territoryId],
    enabled: Boolean(ownerId || territoryId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET("/api/v1/partners", {
            params: { query: { owner_id: ownerId ?? undefined, territory_id: territoryId ?? undefined, limit: 200, sort: "name" } },
          }),
        )
      ).items,
  });
