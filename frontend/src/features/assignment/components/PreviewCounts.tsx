import { Group, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AssignmentPreview } from "../../../lib/api/types";
import { formatNumber } from "../../../lib/format";

const COUNTS = ["partners", "changed", "relocated", "conflicts"] as const;

/** How many partners were looked at, change owner, move territory, or tie. */
export function PreviewCounts({ preview }: { preview: AssignmentPreview }) {
  const { t, i18n } = useTranslation();
  return (
    <Group>
      {COUNTS.map((c) => (
        <Paper key={c} withBorder px="md" py="xs" data-testid={`preview-${c}`}>
          <Text size="xs" c="dimmed">
            {t(`assignment.counts.${c}`)}
          </Text>
          <Text fw={700} size="lg" c={c === "conflicts" && preview[c] > 0 ? "red" : undefined}>
            {formatNumber(preview[c], i18n.language)}
          </Text>
        </Paper>
      ))}
    </Group>
  );
}
