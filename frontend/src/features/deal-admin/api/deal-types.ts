import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { DealType, DealTypeFields } from "../model/types";

export const dealTypesKey = ["deal-types"] as const;

/** GET /api/v1/deal-types: every type (both kinds, active or not) with its stages in order. */
export const dealTypesQuery = queryOptions({
  queryKey: dealTypesKey,
  queryFn: () => unwrap(api.GET("/api/v1/deal-types")),
  staleTime: 30_000,
});

export const fetchDealType = (id: string) => unwrap(api.GET("/api/v1/deal-types/{id}", { params: { path: { id } } }));

export const createDealType = (body: DealTypeFields) => unwrap(api.POST("/api/v1/deal-types", { body }));

/** Stages are replaced as a whole list; 409 stage_in_use when a removed stage still holds deals. */
export const updateDealType = (type: DealType, body: DealTypeFields, version = type.version) =>
  unwrap(api.PATCH("/api/v1/deal-types/{id}", { params: { path: { id: type.id }, header: ifMatch(version) }, body }));

/** 409 while deals use the type. */
export const deleteDealType = (type: DealType) =>
  unwrap(api.DELETE("/api/v1/deal-types/{id}", { params: { path: { id: type.id }, header: ifMatch(type.version) } }));
