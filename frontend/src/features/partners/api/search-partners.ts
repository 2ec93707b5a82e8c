import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import { andFilters } from "../../../components/FilterBuilder";
import type { FetchParams } from "../../../components/ResourceList";
import { typedFilter, type PartnerListFilters } from "../model/list-filters";

/** POST /api/v1/partners/search: the builder's filter AND the typed filters above the list. */
export function searchPartners(p: FetchParams, f: PartnerListFilters) {
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
