import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { FetchParams } from "../../../components/ResourceList";

export interface HistoryFilters {
  entity_type: string;
  entity_id: string;
  actor_id: string;
  from: string;
  to: string;
}

export const emptyHistoryFilters: HistoryFilters = { entity_type: "", entity_id: "", actor_id: "", from: "", to: "" };

const isoOrUndefined = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** GET /api/v1/history with the browser's filters (datetime-local values are sent as UTC instants). */
export function listHistory(p: FetchParams, f: HistoryFilters) {
  return unwrap(
    api.GET("/api/v1/history", {
      params: {
        query: {
          limit: p.limit,
          cursor: p.cursor,
          entity_type: f.entity_type || undefined,
          entity_id: f.entity_id.trim() || undefined,
          actor_id: f.actor_id || undefined,
          from: isoOrUndefined(f.from),
          to: isoOrUndefined(f.to),
        },
      },
    }),
  );
}
