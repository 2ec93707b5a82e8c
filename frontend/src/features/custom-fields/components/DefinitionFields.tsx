import { Checkbox, Group, NumberInput, TagsInput, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { hasOptions, type DefinitionEditValues } from "../model/definition-form";

/** The inputs the create and the edit form share (label, options, flags, position). */
export function DefinitionFields<V extends DefinitionEditValues>({ form, fieldType }: { form: UseFormReturnType<V>; fieldType: string }) {
  const { t } = useTranslation();
  // Narrowed to the shared shape: both forms hold these fields.
  const f = form as unknown as UseFormReturnType<DefinitionEditValues>;
  return (
    <>
      <TextInput label={t("customFields.label")} required {...f.getInputProps("label")} />
      {hasOptions(fieldType) && (
        <TagsInput
          label={t("customFields.options")}
          description={t("customFields.optionsHint")}
          required
          clearable
          {...f.getInputProps("options")}
        />
      )}
      <Group>
        <Checkbox label={t("customFields.required")} {...f.getInputProps("required", { type: "checkbox" })} />
        <Checkbox label={t("customFields.inList")} {...f.getInputProps("in_list", { type: "checkbox" })} />
        <Checkbox label={t("customFields.filterable")} {...f.getInputProps("filterable", { type: "checkbox" })} />
      </Group>
      <NumberInput label={t("customFields.position")} min={0} max={100000} allowDecimal={false} {...f.getInputProps("position")} />
    </>
  );
}
