import { Checkbox, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { EmailsInput, PhonesInput } from "../../../components/ContactFields";
import { CustomFieldInputs, customFieldErrors, useCustomFieldDefs } from "../../../components/CustomFields";
import { formatDateTime } from "../../../lib/format";
import { sourceAfterToggle, type PersonValues } from "../model/values";
import { BranchSelect } from "./BranchSelect";
import { PartnerSelect } from "./PartnerSelect";

interface Props {
  form: UseFormReturnType<PersonValues>;
  /** The recorded values (edit) or the empty form (create): consent changes are judged against it. */
  base: PersonValues;
  consentAt?: string | null;
  disabled?: boolean;
}

export function PersonFormFields({ form, base, consentAt, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const customDefs = useCustomFieldDefs("persons");
  const v = form.values;
  const consentChanged = v.marketing_consent !== base.marketing_consent;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("fields.first_name")} required disabled={disabled} data-autofocus {...form.getInputProps("first_name")} />
        <TextInput label={t("fields.last_name")} required disabled={disabled} {...form.getInputProps("last_name")} />
        <PartnerSelect
          label={t("fields.partner_id")}
          disabled={disabled}
          {...form.getInputProps("partner_id")}
          onChange={(id) => {
            form.setFieldValue("partner_id", id);
            // A branch belongs to one partner.
            if (id !== v.partner_id) form.setFieldValue("branch_id", null);
          }}
        />
        <BranchSelect label={t("fields.branch_id")} partnerId={v.partner_id} disabled={disabled} {...form.getInputProps("branch_id")} />
        <TextInput label={t("fields.position")} disabled={disabled} {...form.getInputProps("position")} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <EmailsInput disabled={disabled} {...form.getInputProps("emails")} />
        <PhonesInput disabled={disabled} {...form.getInputProps("phones")} />
      </SimpleGrid>
      <Checkbox
        label={t("persons.consent")}
        disabled={disabled}
        {...form.getInputProps("marketing_consent", { type: "checkbox" })}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          form.setFieldValue("marketing_consent", on);
          form.setFieldValue("consent_source", sourceAfterToggle(base, on));
        }}
      />
      {(v.marketing_consent || consentChanged) && (
        <TextInput
          label={v.marketing_consent ? t("persons.consentSourceGiven") : t("persons.consentSourceWithdrawn")}
          description={t("persons.consentSourceHint")}
          required
          disabled={disabled}
          {...form.getInputProps("consent_source")}
        />
      )}
      <CustomFieldInputs
        defs={customDefs}
        values={v.custom_fields}
        errors={customFieldErrors(form.errors)}
        disabled={disabled}
        onChange={(key, value) => form.setFieldValue(`custom_fields.${key}`, value)}
      />
      {consentAt && (
        <Text size="sm" c="dimmed" data-testid="consent-at">
          {t("persons.consentAt", { date: formatDateTime(consentAt, i18n.language) })}
        </Text>
      )}
    </Stack>
  );
}
