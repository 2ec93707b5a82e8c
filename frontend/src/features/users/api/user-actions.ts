import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { User } from "../../../lib/api/types";

const path = (u: User) => ({ path: { id: u.id } });

export const disableUser = (u: User) => unwrap(api.POST("/api/v1/users/{id}/disable", { params: path(u) }));
export const enableUser = (u: User) => unwrap(api.POST("/api/v1/users/{id}/enable", { params: path(u) }));
export const restoreUser = (u: User) => unwrap(api.POST("/api/v1/users/{id}/restore", { params: path(u) }));
export const deleteUser = (u: User) =>
  unwrap(api.DELETE("/api/v1/users/{id}", { params: { ...path(u), header: ifMatch(u.version) } }));
export const resetPassword = (u: User, password: string) =>
  unwrap(api.POST("/api/v1/users/{id}/password", { params: path(u), body: { password } }));
