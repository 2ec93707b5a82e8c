import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { ReportGroupBy } from "../../../lib/api/types";

/** GET /api/v1/reports/contact-cost: `from` inclusive, `to` exclusive (RFC 3339 instants). */
export const contactCostQuery = (from: string, to: string, groupBy: ReportGroupBy) =>
  queryOptions({
    queryKey: ["reports", "contact-cost", from, to, groupBy],
    queryFn: () => unwrap(api.GET("/api/v1/reports/contact-cost", { params: { query: { from, to, group_by: groupBy } } })),
  });
