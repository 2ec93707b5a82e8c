import { Select, type SelectProps } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { countryOptions } from "./countries";

/** A searchable country picker whose value is the ISO 3166-1 alpha-2 code (what the API stores). */
export function CountrySelect(props: Omit<SelectProps, "data">) {
  const { i18n } = useTranslation();
  const data = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  return <Select data={data} searchable clearable {...props} />;
}
