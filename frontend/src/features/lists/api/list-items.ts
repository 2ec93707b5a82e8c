import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { ListItem } from "../../../lib/api/types";

export interface NewListItem {
  code: string;
  name: string;
  position: number;
}

export interface ListItemChanges {
  name?: string;
  position?: number;
  active?: boolean;
}

const path = (i: ListItem) => ({ path: { list: i.list, id: i.id } });

export const createListItem = (list: string, body: NewListItem) =>
  unwrap(api.POST("/api/v1/lists/{list}/items", { params: { path: { list } }, body }));

export const updateListItem = (item: ListItem, changes: ListItemChanges, version = item.version) =>
  unwrap(api.PATCH("/api/v1/lists/{list}/items/{id}", { params: { ...path(item), header: ifMatch(version) }, body: changes }));

export const deleteListItem = (item: ListItem) =>
  unwrap(api.DELETE("/api/v1/lists/{list}/items/{id}", { params: { ...path(item), header: ifMatch(item.version) } }));
