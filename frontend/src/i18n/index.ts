import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import hr from "./hr.json";
import pl from "./pl.json";
import ro from "./ro.json";

export const LANGUAGES = ["en", "hr", "pl", "ro"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Names shown in the switcher, each in its own language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  hr: "Hrvatski",
  pl: "Polski",
  ro: "Română",
};

export function isLanguage(x: unknown): x is Language {
  return typeof x === "string" && (LANGUAGES as readonly string[]).includes(x);
}

// Only the login screen uses this (before we know who the user is); after login the user's saved locale wins.
const LOGIN_LANGUAGE_KEY = "crm.login_language";

export function rememberLoginLanguage(lang: Language): void {
  try {
    localStorage.setItem(LOGIN_LANGUAGE_KEY, lang);
  } catch {
    /* storage may be unavailable */
  }
}

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LOGIN_LANGUAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    /* ignore */
  }
  const nav = typeof navigator === "undefined" ? "en" : navigator.language.slice(0, 2);
  return isLanguage(nav) ? nav : "en";
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, hr: { translation: hr }, pl: { translation: pl }, ro: { translation: ro } },
  lng: initialLanguage(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on("languageChanged", (lng) => {
  if (typeof document !== "undefined") document.documentElement.lang = lng;
});

export default i18n;
