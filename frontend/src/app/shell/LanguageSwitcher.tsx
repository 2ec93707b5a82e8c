import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, rememberLoginLanguage, type Language } from "../../i18n";
import { savePreferences } from "../../features/auth/api/preferences";
import { useAuth } from "../../lib/auth/auth-context";
import { errorMessage } from "../../lib/errors";
import { toastError } from "../../lib/toast";

/** Switches the UI language; when signed in, the choice is saved to the user's preferences. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const change = async (lang: Language) => {
    await i18n.changeLanguage(lang);
    rememberLoginLanguage(lang);
    if (auth.status !== "authenticated") return;
    try {
      auth.setUser(await savePreferences(lang));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  return (
    <Select
      aria-label={t("shell.language")}
      data-testid="language-switcher"
      size="xs"
      w={120}
      allowDeselect={false}
      data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      value={isLanguage(i18n.language) ? i18n.language : "en"}
      onChange={(v) => {
        if (isLanguage(v)) void change(v);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
