import { queryOptions } from "@tanstack/react-query";
import { andFilters, type FilterNode } from "../../../components/FilterBuilder";
import type { FetchParams } from "../../../components/ResourceList";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { Lead, LeadInput } from "../../../lib/api/types";

export const leadQueryKey = (id: string) => ["leads", "detail", id] as const;
export const fetchLead = (id: string) => unwrap(api.GET("/api/v1/leads/{id}", { params: { path: { id } } }));
export const leadQuery = (id: string) => queryOptions({ queryKey: leadQueryKey(id), queryFn: () => fetchLead(id) });

export const createLead = (body: LeadInput) => unwrap(api.POST("/api/v1/leads", { body }));

export const updateLead = (l: Lead, changes: LeadInput, version = l.version) =>
  unwrap(api.PATCH("/api/v1/leads/{id}", { params: { path: { id: l.id }, header: ifMatch(version) }, body: changes }));

export const convertLead = (l: Lead, partnerId: string | null) =>
  unwrap(api.POST("/api/v1/leads/{id}/convert", { params: { path: { id: l.id } }, body: partnerId ? { partner_id: partnerId } : {} }));

export interface LeadListOptions {
  q: string;
  status: string | null;
  sourceId: string | null;
}

/**
 * Without a builder filter: GET /api/v1/leads with the typed parameters. With one: POST /api/v1/leads/search,
 * the builder's filter AND the quick search AND status AND source.
 */
export function searchLeads(p: FetchParams, o: LeadListOptions) {
  const page = { limit: p.limit, count: p.count, ...(p.cursor ? { cursor: p.cursor } : {}), ...(p.sort ? { sort: p.sort } : {}) };
  if (!p.filter) {
    return unwrap(
      api.GET("/api/v1/leads", {
        params: { query: { ...page, q: o.q.trim() || undefined, status: o.status ?? undefined, source_id: o.sourceId ?? undefined } },
      }),
    );
  }
  const text = o.q.trim();
  const quick: FilterNode | null = text
    ? { or: [{ field: "first_name", op: "contains", value: text }, { field: "last_name", op: "contains", value: text }] }
    : null;
  const status: FilterNode | null = o.status ? { field: "status", op: "eq", value: o.status } : null;
  const source: FilterNode | null = o.sourceId ? { field: "source_id", op: "eq", value: o.sourceId } : null;
  const filter = andFilters(p.filter, quick, status, source);
  return unwrap(api.POST("/api/v1/leads/search", { body: { ...page, ...(filter ? { filter } : {}) } }));
}
