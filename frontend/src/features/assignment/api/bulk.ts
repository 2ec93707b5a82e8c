import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** POST /api/v1/partners/bulk `set_owner`: a new primary owner for all of them (all or nothing). */
export const setOwnerBulk = (ids: string[], ownerId: string, lock: boolean) =>
  unwrap(api.POST("/api/v1/partners/bulk", { body: { action: "set_owner", ids, owner_id: ownerId, lock } }));
