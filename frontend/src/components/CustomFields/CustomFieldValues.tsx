import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CustomField } from "../../lib/api/types";
import { formatCustomValue, type CustomApiValues } from "./model";
import { useDisplayWords } from "./useDisplayWords";

/** A record's custom field values for reading, each under its label; nothing when no field is defined. */
export function CustomFieldValues({ defs, values }: { defs: readonly CustomField[]; values: CustomApiValues | null | undefined }) {
  const { t } = useTranslation();
  const words = useDisplayWords();
  if (defs.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t("customFields.valuesTitle")} data-testid="custom-field-values">
      <Title order={3} size="h5" mb="xs">
        {t("customFields.valuesTitle")}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {defs.map((def) => (
          <Stack key={def.key} gap={0}>
            <Text size="xs" c="dimmed">
              {def.label}
            </Text>
            <Text size="sm">{formatCustomValue(def, values?.[def.key], words) || "—"}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
