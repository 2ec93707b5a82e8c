import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { Locale } from "../../../lib/api/types";

export interface NewUser {
  email: string;
  name: string;
  password: string;
  roles: string[];
  locale: Locale;
}

export function createUser(body: NewUser) {
  return unwrap(api.POST("/api/v1/users", { body }));
}
