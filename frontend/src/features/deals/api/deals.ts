import { queryOptions } from "@tanstack/react-query";
import { andFilters } from "../../../components/FilterBuilder";
import type { FetchParams } from "../../../components/ResourceList";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import { dealListQuery, dealTypedFilter, type DealListFilters } from "../model/list-filters";
import type { BulkDeals, Deal, DealEmail, DealInput, MoveDeal } from "../model/types";

export const dealQueryKey = (id: string) => ["deals", "detail", id] as const;
export const fetchDeal = (id: string) => unwrap(api.GET("/api/v1/deals/{id}", { params: { path: { id } } }));
export const dealQuery = (id: string) => queryOptions({ queryKey: dealQueryKey(id), queryFn: () => fetchDeal(id) });

export const createDeal = (body: DealInput) => unwrap(api.POST("/api/v1/deals", { body }));

/** PATCH with If-Match (412 when someone else changed it meanwhile). */
export const updateDeal = (d: Pick<Deal, "id" | "version">, changes: DealInput, version = d.version) =>
  unwrap(api.PATCH("/api/v1/deals/{id}", { params: { path: { id: d.id }, header: ifMatch(version) }, body: changes }));

/** POST /deals/{id}/move with the version the caller saw as If-Match. */
export const moveDeal = (d: Pick<Deal, "id" | "version">, body: MoveDeal) =>
  unwrap(api.POST("/api/v1/deals/{id}/move", { params: { path: { id: d.id }, header: ifMatch(d.version) }, body }));

/** The same owner or stage for many deals, all or none. */
export const bulkDeals = (body: BulkDeals) => unwrap(api.POST("/api/v1/deals/bulk", { body }));

export const stageHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: ["deals", "stages", id],
    queryFn: () => unwrap(api.GET("/api/v1/deals/{id}/stages", { params: { path: { id } } })),
  });

/**
 * The deal's timeline (activities, emails, attachments, stage moves). Kept under "activities" on purpose: logging
 * an activity anywhere invalidates ["activities"], and the new entry shows here too.
 */
export const timelineKey = (id: string) => ["activities", "deal-timeline", id] as const;
export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: timelineKey(id),
    queryFn: () => unwrap(api.GET("/api/v1/deals/{id}/timeline", { params: { path: { id } } })),
  });

/** Queued in the outbox (202); it shows on the deal's timeline. */
export const sendDealEmail = (id: string, body: DealEmail) =>
  unwrap(api.POST("/api/v1/deals/{id}/emails", { params: { path: { id } }, body }));

/**
 * Without a builder filter: GET /api/v1/deals with the typed parameters. With one: POST /api/v1/deals/search,
 * the builder's filter AND the typed filters.
 */
export function searchDeals(p: FetchParams, f: DealListFilters) {
  const page = { limit: p.limit, count: p.count, ...(p.cursor ? { cursor: p.cursor } : {}), ...(p.sort ? { sort: p.sort } : {}) };
  if (!p.filter) return unwrap(api.GET("/api/v1/deals", { params: { query: { ...page, ...dealListQuery(f) } } }));
  const filter = andFilters(p.filter, dealTypedFilter(f));
  return unwrap(api.POST("/api/v1/deals/search", { body: { ...page, ...(filter ? { filter } : {}) } }));
}
