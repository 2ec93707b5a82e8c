import type { GrantInput as Grant } from "../../../lib/api/types";

export const ACTION_ORDER = ["read", "create", "update", "delete", "export", "import", "assign", "approve", "admin"];

/** The matrix's columns: every action any resource has, in the canonical order. */
export function matrixActions(resources: { actions: string[] }[]): string[] {
  const all = new Set(resources.flatMap((r) => r.actions));
  return [...ACTION_ORDER.filter((a) => all.has(a)), ...[...all].filter((a) => !ACTION_ORDER.includes(a)).sort()];
}

export function scopeOf(grants: readonly Grant[], resource: string, action: string): string {
  return grants.find((g) => g.resource === resource && g.action === action)?.scope ?? "none";
}

/** Sets one cell; "none" removes the grant. The result is sorted so equal sets compare equal. */
export function setScope(grants: readonly Grant[], resource: string, action: string, scope: string): Grant[] {
  const rest = grants.filter((g) => !(g.resource === resource && g.action === action));
  return sortGrants(scope === "none" ? rest : [...rest, { resource, action, scope: scope as Grant["scope"] }]);
}

export function sortGrants(grants: readonly Grant[]): Grant[] {
  const key = (g: Grant) => `${g.resource}\u0000${g.action}`;
  return [...grants].sort((a, b) => key(a).localeCompare(key(b)));
}
