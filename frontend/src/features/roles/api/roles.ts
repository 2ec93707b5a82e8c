import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { FetchParams } from "../../../components/ResourceList";
import type { GrantInput as Grant, Role } from "../../../lib/api/types";

export function listRoles(p: FetchParams) {
  return unwrap(
    api.GET("/api/v1/roles", {
      params: { query: { limit: p.limit, cursor: p.cursor, sort: p.sort || undefined, count: p.count } },
    }),
  );
}

export const roleQueryKey = (id: string) => ["roles", "detail", id] as const;
export const fetchRole = (id: string) => unwrap(api.GET("/api/v1/roles/{id}", { params: { path: { id } } }));
export const roleQuery = (id: string) => queryOptions({ queryKey: roleQueryKey(id), queryFn: () => fetchRole(id) });

export interface RoleChanges {
  name?: string;
  description?: string;
  grants?: Grant[];
}

export function updateRole(role: Role, changes: RoleChanges, version = role.version) {
  return unwrap(
    api.PATCH("/api/v1/roles/{id}", { params: { path: { id: role.id }, header: ifMatch(version) }, body: changes }),
  );
}

export function createRole(body: { key: string; name: string; description: string; grants: Grant[] }) {
  return unwrap(api.POST("/api/v1/roles", { body }));
}

export function deleteRole(role: Role) {
  return unwrap(api.DELETE("/api/v1/roles/{id}", { params: { path: { id: role.id }, header: ifMatch(role.version) } }));
}
