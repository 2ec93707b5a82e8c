import { Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { CountrySelect } from "../../../components/CountrySelect";
import { CustomFieldInputs, customFieldErrors, useCustomFieldDefs } from "../../../components/CustomFields";
import { ListItemSelect } from "../../../components/ListItemSelect";
import { LEAD_STATUSES, type LeadValues } from "../model/values";

export function LeadFormFields({ form, disabled, withStatus }: { form: UseFormReturnType<LeadValues>; disabled?: boolean; withStatus?: boolean }) {
  const { t } = useTranslation();
  const customDefs = useCustomFieldDefs("leads");
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("fields.first_name")} required disabled={disabled} data-autofocus {...form.getInputProps("first_name")} />
        <TextInput label={t("fields.last_name")} required disabled={disabled} {...form.getInputProps("last_name")} />
        <TextInput label={t("leads.company")} disabled={disabled} {...form.getInputProps("company_name")} />
        <TextInput label={t("fields.email")} type="email" disabled={disabled} {...form.getInputProps("email")} />
        <TextInput label={t("leads.phone")} disabled={disabled} {...form.getInputProps("phone")} />
        <TextInput label={t("fields.city")} disabled={disabled} {...form.getInputProps("city")} />
        <CountrySelect label={t("fields.country")} disabled={disabled} {...form.getInputProps("country")} />
        <ListItemSelect list="lead_sources" label={t("leads.source")} disabled={disabled} {...form.getInputProps("source_id")} />
        {withStatus && (
          <Select
            label={t("fields.status")}
            disabled={disabled}
            allowDeselect={false}
            data={LEAD_STATUSES.filter((s) => s !== "converted").map((s) => ({ value: s, label: t(`leads.statuses.${s}`) }))}
            {...form.getInputProps("status")}
          />
        )}
      </SimpleGrid>
      <Textarea label={t("fields.notes")} autosize minRows={2} disabled={disabled} {...form.getInputProps("notes")} />
      <CustomFieldInputs
        defs={customDefs}
        values={form.values.custom_fields}
        errors={customFieldErrors(form.errors)}
        disabled={disabled}
        onChange={(key, value) => form.setFieldValue(`custom_fields.${key}`, value)}
      />
    </Stack>
  );
}
