import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";
import { unwrap } from "../../lib/api/unwrap";
import type { CustomEntity } from "../../lib/api/types";
import { inFormOrder } from "./model";

export const customFieldsKey = (entity: CustomEntity) => ["custom-fields", entity] as const;

/** GET /api/v1/custom-fields?entity=...: the definitions of one entity, in form order (everyone may read them). */
export const customFieldsQuery = (entity: CustomEntity) =>
  queryOptions({
    queryKey: customFieldsKey(entity),
    staleTime: 60_000,
    queryFn: async () => inFormOrder(await unwrap(api.GET("/api/v1/custom-fields", { params: { query: { entity } } }))),
  });

/** The definitions for forms, detail pages and lists; an empty list while loading or when the request fails. */
export function useCustomFieldDefs(entity: CustomEntity) {
  const q = useQuery(customFieldsQuery(entity));
  return q.data ?? [];
}
