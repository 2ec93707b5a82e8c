import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { FetchParams } from "../../../components/ResourceList";
import type { ApiKey } from "../../../lib/api/types";

export function listApiKeys(p: FetchParams) {
  return unwrap(
    api.GET("/api/v1/api-keys", { params: { query: { limit: p.limit, cursor: p.cursor, sort: p.sort || undefined, count: p.count } } }),
  );
}

export function createApiKey(name: string, expires_at: string | null) {
  return unwrap(api.POST("/api/v1/api-keys", { body: { name, ...(expires_at ? { expires_at } : {}) } }));
}

export function revokeApiKey(key: ApiKey) {
  return unwrap(api.POST("/api/v1/api-keys/{id}/revoke", { params: { path: { id: key.id } } }));
}
