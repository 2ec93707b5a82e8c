import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

export function changePassword(current_password: string, new_password: string) {
  return unwrap(api.POST("/api/v1/auth/password", { body: { current_password, new_password } }));
}
