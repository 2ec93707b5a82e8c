import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { consentError, type PersonValues } from "../model/values";

/** The person form with the consent rule checked before anything is sent (`base`: the recorded values). */
export function usePersonForm(base: PersonValues) {
  const { t } = useTranslation();
  return useForm<PersonValues>({
    initialValues: base,
    validate: {
      consent_source: (_value, values) => (consentError(base, values) ? t("errors.fields.required") : null),
    },
  });
}
