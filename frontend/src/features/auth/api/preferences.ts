import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { Language } from "../../../i18n";

export function savePreferences(locale: Language) {
  return unwrap(api.PUT("/api/v1/auth/me/preferences", { body: { locale } }));
}
