import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";
import { unwrap } from "../../lib/api/unwrap";
import type { FilterField } from "../FilterBuilder/filter-node";

/** Field metadata for the filter builder and the sortable columns: GET /api/v1/meta/{resource}/fields. */
export function useFieldMeta(resource: string, enabled = true) {
  return useQuery({
    queryKey: ["meta", resource],
    enabled,
    staleTime: 10 * 60_000,
    queryFn: async (): Promise<FilterField[]> => {
      const res = await unwrap(api.GET("/api/v1/meta/{resource}/fields", { params: { path: { resource } } }));
      return res.fields as FilterField[];
    },
  });
}
