import { Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES, isLanguage } from "../../../i18n";
import { PLACEHOLDERS, TEMPLATE_LANGUAGES, TEMPLATE_PURPOSES, type TemplateValues } from "../model/values";

interface Props {
  form: UseFormReturnType<TemplateValues>;
  /** Key and language name a template; they are set once, at creation. */
  isNew: boolean;
  readOnly: boolean;
}

export function TemplateFormFields({ form, isNew, readOnly }: Props) {
  const { t } = useTranslation();
  const mono = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("fields.key")} required readOnly={readOnly || !isNew} maxLength={64} description={isNew ? t("templates.keyHint") : undefined} {...form.getInputProps("key")} />
        <Select
          label={t("templates.language")}
          data={TEMPLATE_LANGUAGES.map((l) => ({ value: l, label: isLanguage(l) ? LANGUAGE_NAMES[l] : l }))}
          allowDeselect={false}
          readOnly={readOnly || !isNew}
          {...form.getInputProps("language")}
        />
        <TextInput label={t("fields.name")} required readOnly={readOnly} maxLength={200} {...form.getInputProps("name")} />
        <Select
          label={t("templates.purpose")}
          data={TEMPLATE_PURPOSES.map((p) => ({ value: p, label: t(`templates.purposes.${p}`) }))}
          allowDeselect={false}
          readOnly={readOnly}
          {...form.getInputProps("purpose")}
        />
      </SimpleGrid>
      <TextInput label={t("templates.subject")} required readOnly={readOnly} maxLength={300} styles={mono} {...form.getInputProps("subject")} />
      <Textarea label={t("templates.text")} required readOnly={readOnly} autosize minRows={6} maxRows={20} styles={mono} {...form.getInputProps("text")} />
      <Textarea label={t("templates.html")} description={t("templates.htmlHint")} readOnly={readOnly} autosize minRows={4} maxRows={20} styles={mono} {...form.getInputProps("html")} />
      <Text size="xs" c="dimmed">
        {t("templates.placeholders")}{" "}
        {PLACEHOLDERS.map((p) => (
          <code key={p} style={{ marginRight: 8 }}>{`{{ ${p} }}`}</code>
        ))}
      </Text>
    </Stack>
  );
}
