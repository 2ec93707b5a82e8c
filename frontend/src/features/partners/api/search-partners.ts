import { api } from "../../../lib/api/client";
import { ApiError } from "../../../lib/api/problem";
import { unwrap } from "../../../lib/api/unwrap";
import { andFilters } from "../../../components/FilterBuilder";
import type { FetchParams } from "../../../components/ResourceList";
import { listQuery, needsListEndpoint, typedFilter, type PartnerListFilters } from "../model/list-filters";

/** GET /api/v1/partners: for "My partners" and the territory filter, which the filter tree lacks. */
function listPartners(p: FetchParams, f: PartnerListFilters) {
  // GET takes no filter tree: say so rather than silently leave the builder's conditions out.
  if (p.filter) return Promise.reject(new ApiError({ status: 400, code: "filter_not_combinable" }));
  return unwrap(
    api.GET("/api/v1/partners", {
      params: { query: { ...listQuery(f), sort: p.sort || undefined, cursor: p.cursor, limit: p.limit, count: p.count } },
    }),
  );
}

/** POST /api/v1/partners/search: the builder's filter AND the typed filters above the list. */
export function searchPartners(p: FetchParams, f: PartnerListFilters) {
  if (needsListEndpoint(f)) return listPartners(p, f);
  const filter = andFilters(p.filter, typedFilter(f));
  return unwrap(
    api.POST("/api/v1/partners/search", {
      body: {
        ...(filter ? { filter } : {}),
        ...(p.sort ? { sort: p.sort } : {}),
        ...(p.cursor ? { cursor: p.cursor } : {}),
        limit: p.limit,
        count: p.count,
        trashed: f.trashed,
      },
    }),
  );
}
