import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import { andFilters, type FilterNode } from "../../../components/FilterBuilder";
import type { FetchParams } from "../../../components/ResourceList";
import type { Person, PersonInput } from "../../../lib/api/types";

export const personQueryKey = (id: string) => ["persons", "detail", id] as const;
export const fetchPerson = (id: string) => unwrap(api.GET("/api/v1/persons/{id}", { params: { path: { id } } }));
export const personQuery = (id: string) => queryOptions({ queryKey: personQueryKey(id), queryFn: () => fetchPerson(id) });

export const createPerson = (body: PersonInput) => unwrap(api.POST("/api/v1/persons", { body }));

export const updatePerson = (p: Person, changes: PersonInput, version = p.version) =>
  unwrap(api.PATCH("/api/v1/persons/{id}", { params: { path: { id: p.id }, header: ifMatch(version) }, body: changes }));

export const deletePerson = (p: Person) =>
  unwrap(api.DELETE("/api/v1/persons/{id}", { params: { path: { id: p.id }, header: ifMatch(p.version) } }));

export const restorePerson = (p: Person) => unwrap(api.POST("/api/v1/persons/{id}/restore", { params: { path: { id: p.id } } }));

export interface PersonListOptions {
  q: string;
  partnerId?: string;
  trashed: boolean;
}

/** The quick search as a filter tree (the tree has no email field; the typed `q` also matches emails). */
function quickSearch(q: string): FilterNode | null {
  const text = q.trim();
  if (!text) return null;
  return {
    or: [
      { field: "first_name", op: "contains", value: text },
      { field: "last_name", op: "contains", value: text },
    ],
  };
}

/**
 * Without a builder filter: GET /api/v1/persons with the typed parameters (q matches names and emails).
 * With one: POST /api/v1/persons/search, the builder's filter AND the quick search AND the partner.
 */
export function searchPersons(p: FetchParams, o: PersonListOptions) {
  const page = { limit: p.limit, count: p.count, ...(p.cursor ? { cursor: p.cursor } : {}), ...(p.sort ? { sort: p.sort } : {}) };
  if (!p.filter) {
    return unwrap(
      api.GET("/api/v1/persons", {
        params: { query: { ...page, q: o.q.trim() || undefined, partner_id: o.partnerId, trashed: o.trashed } },
      }),
    );
  }
  const byPartner: FilterNode | null = o.partnerId ? { field: "partner_id", op: "eq", value: o.partnerId } : null;
  const filter = andFilters(p.filter, quickSearch(o.q), byPartner);
  return unwrap(api.POST("/api/v1/persons/search", { body: { ...page, ...(filter ? { filter } : {}), trashed: o.trashed } }));
}
