import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api/client";
import { unwrap } from "../../lib/api/unwrap";
import type { ListItem } from "../../lib/api/types";

/** The managed lists (GET /api/v1/lists/{list}/items); records point at their items by id (tags by code). */
export const MANAGED_LISTS = ["partner_groups", "legal_forms", "lead_sources", "activity_types", "tags"] as const;
export type ManagedList = (typeof MANAGED_LISTS)[number];

export const listItemsKey = (list: string) => ["lists", list, "items"] as const;

/** All items of a list in their order (lists are short: one page of 200 is the whole list). */
export const listItemsQuery = (list: string) =>
  queryOptions({
    queryKey: listItemsKey(list),
    staleTime: 60_000,
    queryFn: async (): Promise<ListItem[]> => {
      const page = await unwrap(
        api.GET("/api/v1/lists/{list}/items", { params: { path: { list }, query: { limit: 200, sort: "position,name" } } }),
      );
      return page.items;
    },
  });

/**
 * Options for a picker: the active items, plus the ones already chosen even when they were deactivated
 * since (old records keep pointing at them), so a selection never silently vanishes.
 */
export function listOptions(items: readonly ListItem[], chosen: readonly string[], by: "id" | "code" = "id") {
  return items
    .filter((i) => i.active || chosen.includes(i[by]))
    .map((i) => ({ value: i[by], label: i.active ? i.name : `${i.name} (${i.code})` }));
}
