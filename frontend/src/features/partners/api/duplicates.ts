import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { DuplicateQuery } from "../../../lib/api/types";

/** POST /api/v1/partners/duplicates: likely duplicates of the partner about to be created. */
export const findDuplicates = (body: DuplicateQuery) => unwrap(api.POST("/api/v1/partners/duplicates", { body }));
