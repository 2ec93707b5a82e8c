import { TagsInput, TextInput, type TagsInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CountrySelect } from "../CountrySelect";

type Multi = Omit<TagsInputProps, "label" | "data">;

/** Several email addresses; Enter, comma, semicolon or space ends one. */
export function EmailsInput(props: Multi) {
  const { t } = useTranslation();
  return <TagsInput label={t("fields.emails")} description={t("contact.multiHint")} splitChars={[",", ";", " "]} clearable {...props} />;
}

/** Several phone numbers; Enter, comma or semicolon ends one (spaces belong to the number). */
export function PhonesInput(props: Multi) {
  const { t } = useTranslation();
  return <TagsInput label={t("fields.phones")} description={t("contact.multiHint")} splitChars={[",", ";"]} clearable {...props} />;
}

export type AddressField = "street" | "city" | "postal_code" | "region" | "country";

interface AddressProps {
  /** `form.getInputProps(field)` of the form that holds the address. */
  inputProps: (field: AddressField) => object;
  disabled?: boolean;
}

/** Street, postal code, city, region and country (ISO 3166-1 alpha-2), as partners and branches store them. */
export function AddressFields({ inputProps, disabled }: AddressProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t("fields.street")} disabled={disabled} {...inputProps("street")} />
      <TextInput label={t("fields.postal_code")} disabled={disabled} {...inputProps("postal_code")} />
      <TextInput label={t("fields.city")} disabled={disabled} {...inputProps("city")} />
      <TextInput label={t("fields.region")} disabled={disabled} {...inputProps("region")} />
      <CountrySelect label={t("fields.country")} disabled={disabled} {...inputProps("country")} />
    </>
  );
}
