import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

export function login(email: string, password: string) {
  return unwrap(api.POST("/api/v1/auth/login", { body: { email, password } }));
}
