import { api } from "../../../lib/api/client";
import { ApiError } from "../../../lib/api/problem";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { Territory, TerritoryInput } from "../../../lib/api/types";

const path = (t: Territory) => ({ path: { id: t.id } });

/** There is no GET of one territory: the latest version comes from the list. */
export async function fetchTerritory(id: string): Promise<Territory> {
  const found = (await unwrap(api.GET("/api/v1/territories"))).find((t) => t.id === id);
  if (!found) throw new ApiError({ status: 404, code: "not_found" });
  return found;
}

export const createTerritory = (body: TerritoryInput) => unwrap(api.POST("/api/v1/territories", { body }));

export const updateTerritory = (t: Territory, changes: TerritoryInput, version = t.version) =>
  unwrap(api.PATCH("/api/v1/territories/{id}", { params: { ...path(t), header: ifMatch(version) }, body: changes }));

/** 409 territory_has_children / territory_in_rules while something still depends on it. */
export const deleteTerritory = (t: Territory) =>
  unwrap(api.DELETE("/api/v1/territories/{id}", { params: { ...path(t), header: ifMatch(t.version) } }));
