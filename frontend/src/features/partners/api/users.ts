import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";

/** Users the caller may see (GET /api/v1/users), for owner names and the owner pickers. */
export const partnerUsersQuery = queryOptions({
  queryKey: ["users", "partner-owners"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, sort: "name" } } }));
    return page.items.map((u) => ({ id: u.id, name: u.name, email: u.email, active: u.status === "active" }));
  },
});

/** One user by id (GET /api/v1/users/{id}) when the list did not have them; 404 -> no name. */
const userNameQuery = (id: string) =>
  queryOptions({
    queryKey: ["users", "name", id],
    staleTime: 5 * 60_000,
    retry: false,
    queryFn: async () => (await unwrap(api.GET("/api/v1/users/{id}", { params: { path: { id } } }))).name,
  });

/** The users list when the caller may read users; nothing otherwise. */
export function usePartnerUsers() {
  const { grants } = useAuth();
  return useQuery({ ...partnerUsersQuery, enabled: can(grants, "users", "read") });
}

/** A user's name for display; empty while unknown or when the caller may not read that user. */
export function useUserName(id: string | null | undefined): string {
  const { grants, user } = useAuth();
  const mayRead = can(grants, "users", "read");
  const users = usePartnerUsers();
  const listed = id ? users.data?.find((u) => u.id === id)?.name : undefined;
  const single = useQuery({ ...userNameQuery(id ?? ""), enabled: Boolean(id) && mayRead && users.isSuccess && !listed });
  if (!id) return "";
  if (id === user?.id) return user.name;
  return listed ?? single.data ?? "";
}
