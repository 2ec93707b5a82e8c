import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { DuplicateQuery, Partner } from "../../../lib/api/types";
import { duplicateQuery, withoutSelf } from "../model/duplicates";
import { partnerToValues } from "../model/values";

/** POST /api/v1/partners/duplicates: likely duplicates of the partner about to be created. */
export const findDuplicates = (body: DuplicateQuery) => unwrap(api.POST("/api/v1/partners/duplicates", { body }));

/** The likely duplicates of an existing partner (the same question, the partner itself left out). */
export const partnerDuplicatesQuery = (p: Partner) =>
  queryOptions({
    queryKey: ["partners", "duplicates", p.id, p.version],
    staleTime: 60_000,
    queryFn: async () => {
      const q = duplicateQuery(partnerToValues(p));
      return q ? withoutSelf(await findDuplicates(q), p.id) : null;
    },
  });
