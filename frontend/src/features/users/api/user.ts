import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { Locale, User } from "../../../lib/api/types";

export const userQueryKey = (id: string) => ["users", "detail", id] as const;

export const fetchUser = (id: string) => unwrap(api.GET("/api/v1/users/{id}", { params: { path: { id } } }));

export const userQuery = (id: string) => queryOptions({ queryKey: userQueryKey(id), queryFn: () => fetchUser(id) });

export interface UserChanges {
  email?: string;
  name?: string;
  roles?: string[];
  locale?: Locale;
}

export function updateUser(user: User, changes: UserChanges, version = user.version) {
  return unwrap(
    api.PATCH("/api/v1/users/{id}", { params: { path: { id: user.id }, header: ifMatch(version) }, body: changes }),
  );
}
