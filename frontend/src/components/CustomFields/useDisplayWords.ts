import { useTranslation } from "react-i18next";
import { formatCalendarDate, formatNumber } from "../../lib/format";
import type { DisplayWords } from "./model";

/** yes/no and the date and number formats of the UI language, for formatCustomValue. */
export function useDisplayWords(): DisplayWords {
  const { t, i18n } = useTranslation();
  return displayWords(t, i18n.language);
}

export function displayWords(t: (key: string) => string, lang: string): DisplayWords {
  return {
    yes: t("common.yes"),
    no: t("common.no"),
    formatDate: (d) => formatCalendarDate(d, lang),
    formatNumber: (n) => formatNumber(n, lang),
  };
}
