import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import { andFilters, type FilterNode } from "../../../components/FilterBuilder";
import type { FetchParams } from "../../../components/ResourceList";

export interface UserListOptions {
  q: string;
  trashed: boolean;
}

function quickSearch(q: string): FilterNode | null {
  const text = q.trim();
  if (!text) return null;
  return {
    or: [
      { field: "name", op: "contains", value: text },
      { field: "email", op: "contains", value: text },
    ],
  };
}

/** POST /api/v1/users/search: the builder's filter AND the quick search box. */
export function searchUsers(p: FetchParams, o: UserListOptions) {
  const filter = andFilters(p.filter, quickSearch(o.q));
  return unwrap(
    api.POST("/api/v1/users/search", {
      body: {
        ...(filter ? { filter } : {}),
        ...(p.sort ? { sort: p.sort } : {}),
        ...(p.cursor ? { cursor: p.cursor } : {}),
        limit: p.limit,
        count: p.count,
        trashed: o.trashed,
      },
    }),
  );
}
