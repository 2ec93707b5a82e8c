import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { SavedView } from "../../../lib/api/types";

export const savedViewsQuery = (resource: string) =>
  queryOptions({
    queryKey: ["saved-views", resource],
    queryFn: () => unwrap(api.GET("/api/v1/saved-views", { params: { query: { resource, limit: 100 } } })),
  });

export interface SavedViewBody {
  name: string;
  filter: SavedView["filter"];
  sort: string | null;
  columns: string[] | null;
}

export function createSavedView(resource: string, body: SavedViewBody) {
  return unwrap(api.POST("/api/v1/saved-views", { body: { resource, ...body } }));
}

export function updateSavedView(view: SavedView, body: Partial<SavedViewBody>) {
  return unwrap(
    api.PATCH("/api/v1/saved-views/{id}", { params: { path: { id: view.id }, header: ifMatch(view.version) }, body }),
  );
}

export function deleteSavedView(view: SavedView) {
  return unwrap(api.DELETE("/api/v1/saved-views/{id}", { params: { path: { id: view.id }, header: ifMatch(view.version) } }));
}
