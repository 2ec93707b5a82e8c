import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { FetchParams } from "../../../components/ResourceList";
import type { Branch, BranchInput } from "../../../lib/api/types";

const path = (b: Branch) => ({ path: { id: b.partner_id, branch_id: b.id } });

/** GET /api/v1/partners/{id}/branches: one page. */
export function listBranches(partnerId: string, p: FetchParams) {
  return unwrap(
    api.GET("/api/v1/partners/{id}/branches", {
      params: { path: { id: partnerId }, query: { limit: p.limit, cursor: p.cursor, sort: p.sort || undefined, count: p.count } },
    }),
  );
}

export const createBranch = (partnerId: string, body: BranchInput) =>
  unwrap(api.POST("/api/v1/partners/{id}/branches", { params: { path: { id: partnerId } }, body }));

export const updateBranch = (b: Branch, changes: BranchInput, version = b.version) =>
  unwrap(api.PATCH("/api/v1/partners/{id}/branches/{branch_id}", { params: { ...path(b), header: ifMatch(version) }, body: changes }));

export const deleteBranch = (b: Branch) =>
  unwrap(api.DELETE("/api/v1/partners/{id}/branches/{branch_id}", { params: { ...path(b), header: ifMatch(b.version) } }));

/** The latest version of one branch, for the 412 dialog (there is no GET of a single branch: page through). */
export async function fetchBranch(b: Branch): Promise<Branch> {
  let cursor: string | undefined;
  do {
    const page = await listBranches(b.partner_id, { cursor, sort: "name", filter: null, limit: 200, count: false });
    const found = page.items.find((x) => x.id === b.id);
    if (found) return found;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  throw new Error("branch not found");
}
