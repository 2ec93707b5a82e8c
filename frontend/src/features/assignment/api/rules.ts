import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { RuleInput } from "../../../lib/api/types";

export const rulesKey = ["assignment", "rules"] as const;

/** GET /api/v1/assignment/rules: the whole table. */
export const rulesQuery = queryOptions({ queryKey: rulesKey, queryFn: () => unwrap(api.GET("/api/v1/assignment/rules")) });

/** POST /api/v1/assignment/preview: what the proposed table would change (nothing is saved). */
export const previewRules = (rules: RuleInput[], limit = 100) =>
  unwrap(api.POST("/api/v1/assignment/preview", { params: { query: { limit } }, body: { rules } }));

/** POST /api/v1/assignment/apply: saves the table and starts the job that reassigns (202 + job id). */
export const applyRules = (rules: RuleInput[]) => unwrap(api.POST("/api/v1/assignment/apply", { body: { rules } }));
