import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

export function logout() {
  return unwrap(api.POST("/api/v1/auth/logout"));
}
