import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { Partner, PartnerInput, SetOwners } from "../../../lib/api/types";

export const partnerQueryKey = (id: string) => ["partners", "detail", id] as const;

export const fetchPartner = (id: string) => unwrap(api.GET("/api/v1/partners/{id}", { params: { path: { id } } }));

export const partnerQuery = (id: string) => queryOptions({ queryKey: partnerQueryKey(id), queryFn: () => fetchPartner(id) });

export const createPartner = (body: PartnerInput) => unwrap(api.POST("/api/v1/partners", { body }));

export function updatePartner(p: Partner, changes: PartnerInput, version = p.version) {
  return unwrap(api.PATCH("/api/v1/partners/{id}", { params: { path: { id: p.id }, header: ifMatch(version) }, body: changes }));
}

export function deletePartner(p: Partner) {
  return unwrap(api.DELETE("/api/v1/partners/{id}", { params: { path: { id: p.id }, header: ifMatch(p.version) } }));
}

export const restorePartner = (p: Partner) => unwrap(api.POST("/api/v1/partners/{id}/restore", { params: { path: { id: p.id } } }));

export const setPartnerOwners = (p: Partner, body: SetOwners) =>
  unwrap(api.PUT("/api/v1/partners/{id}/owners", { params: { path: { id: p.id } }, body }));
