import { SimpleGrid, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { AddressFields, EmailsInput, PhonesInput } from "../../../components/ContactFields";
import type { BranchValues } from "../model/values";

export function BranchFormFields({ form, disabled }: { form: UseFormReturnType<BranchValues>; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t("fields.name")} required disabled={disabled} data-autofocus {...form.getInputProps("name")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AddressFields disabled={disabled} inputProps={(f) => form.getInputProps(f)} />
        <PhonesInput disabled={disabled} {...form.getInputProps("phones")} />
        <EmailsInput disabled={disabled} {...form.getInputProps("emails")} />
      </SimpleGrid>
    </>
  );
}
