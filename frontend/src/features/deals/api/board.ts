import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

export interface BoardParams {
  typeId: string;
  ownerId: string | null;
  q: string;
}

export const boardKey = (p: BoardParams) => ["deals", "board", p.typeId, p.ownerId ?? "", p.q.trim()] as const;

/** GET /api/v1/deals/board: one pipeline, a column per stage. */
export const boardQuery = (p: BoardParams) =>
  queryOptions({
    queryKey: boardKey(p),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/deals/board", {
          params: { query: { type_id: p.typeId, owner_id: p.ownerId ?? undefined, q: p.q.trim() || undefined } },
        }),
      ),
  });
