import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";

/** The pipelines (both kinds unless one is asked), in their order. */
export const dealTypesQuery = (kind?: string) =>
  queryOptions({
    queryKey: ["deals", "types", kind ?? ""],
    staleTime: 60_000,
    queryFn: () => unwrap(api.GET("/api/v1/deal-types", { params: { query: kind ? { kind } : {} } })),
  });

/** Users the caller may see (GET /api/v1/users), for owner names and the owner pickers. */
export const dealUsersQuery = queryOptions({
  queryKey: ["users", "deal-owners"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, sort: "name" } } }));
    return page.items.map((u) => ({ id: u.id, name: u.name, active: u.status === "active" }));
  },
});

/** The users list when the caller may read users; nothing otherwise. */
export function useDealUsers() {
  const { grants } = useAuth();
  return useQuery({ ...dealUsersQuery, enabled: can(grants, "users", "read") });
}

/** A user's name: oneself, from the users list, or empty. */
export function useOwnerName() {
  const { user } = useAuth();
  const users = useDealUsers();
  return (id: string | null | undefined) => (!id ? "" : id === user?.id ? user.name : (users.data?.find((u) => u.id === id)?.name ?? ""));
}

/** The persons of a partner, for whom to send an email. */
export const partnerPersonsQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ["deals", "persons", partnerId],
    queryFn: async () => {
      const page = await unwrap(api.GET("/api/v1/persons", { params: { query: { partner_id: partnerId, limit: 200 } } }));
      return page.items.map((p) => ({ value: p.id, label: [p.first_name, p.last_name].filter(Boolean).join(" ") }));
    },
  });

/** Products matching `q` (code or name), for the lines editor. */
export const productOptionsQuery = (q: string) =>
  queryOptions({
    queryKey: ["deals", "products", q],
    staleTime: 30_000,
    queryFn: async () => (await unwrap(api.GET("/api/v1/products", { params: { query: { q: q.trim() || undefined, active: true, limit: 20 } } }))).items,
  });

export const priceListsQuery = queryOptions({
  queryKey: ["deals", "price-lists"],
  staleTime: 60_000,
  queryFn: () => unwrap(api.GET("/api/v1/price-lists")),
});

/** Email templates, one option per key (the server picks the language version). */
export const templateOptionsQuery = queryOptions({
  queryKey: ["deals", "email-templates"],
  staleTime: 60_000,
  queryFn: async () => {
    const all = await unwrap(api.GET("/api/v1/email-templates"));
    const byKey = new Map<string, string>();
    for (const tpl of all) if (!byKey.has(tpl.key)) byKey.set(tpl.key, tpl.name);
    return [...byKey].map(([value, label]) => ({ value, label: `${label} (${value})` }));
  },
});

/** An amount in the company currency at today's rate (GET /exchange-rates/convert); it names the company currency. */
export const companyAmountQuery = (amount: number, currency: string) =>
  queryOptions({
    queryKey: ["deals", "convert", amount, currency],
    staleTime: 10 * 60_000,
    retry: false,
    queryFn: () => unwrap(api.GET("/api/v1/exchange-rates/convert", { params: { query: { amount, currency } } })),
  });
