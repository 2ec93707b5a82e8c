import { TagsInput, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { TerritoryValues } from "../model/territory-form";

/** Name and where the territory lies: countries, regions, postal code prefixes or ranges. */
export function TerritoryFields({ form }: { form: UseFormReturnType<TerritoryValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t("territories.name")} required data-autofocus {...form.getInputProps("name")} />
      <TagsInput label={t("territories.countries")} description={t("territories.countriesHint")} splitChars={[",", " "]} clearable {...form.getInputProps("countries")} />
      <TagsInput label={t("territories.regions")} description={t("territories.regionsHint")} splitChars={[","]} clearable {...form.getInputProps("regions")} />
      <TagsInput
        label={t("territories.postalCodes")}
        description={t("territories.postalCodesHint")}
        splitChars={[",", " "]}
        clearable
        {...form.getInputProps("postal_codes")}
      />
    </>
  );
}
