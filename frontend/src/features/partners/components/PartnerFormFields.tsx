import { Checkbox, Fieldset, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { FocusEvent } from "react";
import { useTranslation } from "react-i18next";
import { AddressFields, EmailsInput, PhonesInput } from "../../../components/ContactFields";
import { CountrySelect } from "../../../components/CountrySelect";
import { CustomFieldInputs, customFieldErrors, useCustomFieldDefs } from "../../../components/CustomFields";
import { ListItemMultiSelect, ListItemSelect } from "../../../components/ListItemSelect";
import { PARTNER_KINDS, PARTNER_STATUSES } from "../model/list-filters";
import type { PartnerValues } from "../model/values";

interface Props {
  form: UseFormReturnType<PartnerValues>;
  disabled?: boolean;
  /** Called when a field that identifies a partner (name, city, tax id, emails) loses focus. */
  onIdentityBlur?: () => void;
}

/** Every writable partner field, grouped; shared by the create page and the details tab. */
export function PartnerFormFields({ form, disabled, onIdentityBlur }: Props) {
  const { t } = useTranslation();
  const customDefs = useCustomFieldDefs("partners");
  const input = (field: keyof PartnerValues) => form.getInputProps(field);
  // Keeps the form's own blur handling (touched state) and adds the duplicate check.
  const identity = (field: keyof PartnerValues) => {
    const props = form.getInputProps(field);
    return {
      ...props,
      onBlur: (e: FocusEvent<HTMLElement>) => {
        (props.onBlur as ((e: FocusEvent<HTMLElement>) => void) | undefined)?.(e);
        // After the blur has settled (TagsInput accepts the typed value on blur).
        if (onIdentityBlur) setTimeout(onIdentityBlur, 0);
      },
    };
  };
  return (
    <Stack>
      <Fieldset legend={t("partners.sections.identity")} disabled={disabled}>
        <Stack gap="sm">
          <Radio.Group label={t("fields.kind")} {...input("kind")}>
            <Group mt={4}>
              {PARTNER_KINDS.map((k) => (
                <Radio key={k} value={k} label={t(`partners.kinds.${k}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Group>
            <Checkbox label={t("fields.is_customer")} {...form.getInputProps("is_customer", { type: "checkbox" })} />
            <Checkbox label={t("fields.is_supplier")} {...form.getInputProps("is_supplier", { type: "checkbox" })} />
          </Group>
          <TextInput label={t("fields.name")} required data-autofocus {...identity("name")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ListItemSelect list="legal_forms" label={t("fields.legal_form_id")} disabled={disabled} {...input("legal_form_id")} />
            <Select
              label={t("fields.status")}
              allowDeselect={false}
              disabled={disabled}
              data={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`partners.statuses.${s}`) }))}
              {...input("status")}
            />
            <TextInput label={t("fields.tax_id")} {...identity("tax_id")} />
            <CountrySelect label={t("fields.tax_country")} disabled={disabled} {...identity("tax_country")} />
            <TextInput label={t("fields.registration_number")} {...input("registration_number")} />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t("partners.sections.address")} disabled={disabled}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <AddressFields disabled={disabled} inputProps={(f) => (f === "city" ? identity(f) : input(f))} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t("partners.sections.contact")} disabled={disabled}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PhonesInput disabled={disabled} {...input("phones")} />
          <EmailsInput disabled={disabled} {...identity("emails")} />
          <TextInput label={t("fields.website")} {...input("website")} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t("partners.sections.classification")} disabled={disabled}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ListItemSelect list="partner_groups" label={t("fields.group_id")} disabled={disabled} {...input("group_id")} />
          <ListItemMultiSelect list="tags" label={t("fields.tags")} disabled={disabled} {...input("tags")} />
        </SimpleGrid>
        <Textarea mt="sm" label={t("fields.notes")} autosize minRows={2} {...input("notes")} />
      </Fieldset>
      {customDefs.length > 0 && (
        <Fieldset legend={t("fields.custom_fields")} disabled={disabled}>
          <CustomFieldInputs
            defs={customDefs}
            values={form.values.custom_fields}
            errors={customFieldErrors(form.errors)}
            disabled={disabled}
            onChange={(key, value) => form.setFieldValue(`custom_fields.${key}`, value)}
          />
        </Fieldset>
      )}
    </Stack>
  );
}
