import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import { useAuth } from "../../../lib/auth/auth-context";

/** Users for the rule and owner pickers and for names (GET /api/v1/users). */
export const assignmentUsersQuery = queryOptions({
  queryKey: ["users", "assignment-options"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, sort: "name" } } }));
    return page.items.map((u) => ({ id: u.id, name: u.name, email: u.email, active: u.status === "active" }));
  },
});

/** id -> name (the caller's own name is always known; others need users:read). */
export function useUserNames() {
  const { user } = useAuth();
  const users = useQuery(assignmentUsersQuery);
  return (id: string | null | undefined) => {
    if (!id) return "";
    if (id === user?.id) return user.name;
    return users.data?.find((u) => u.id === id)?.name ?? id;
  };
}
