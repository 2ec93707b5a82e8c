import { Alert, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Job } from "../../../lib/api/types";
import { formatNumber } from "../../../lib/format";

/** The reassignment job: a progress bar while it runs, then done (or failed). */
export function ApplyProgress({ job }: { job: Job | null }) {
  const { t, i18n } = useTranslation();
  const status = job?.status ?? "queued";
  const total = job?.progress_total ?? 0;
  const done = job?.progress_done ?? 0;
  const pct = status === "done" ? 100 : total > 0 ? Math.round((done / total) * 100) : 0;
  if (status === "dead" || status === "cancelled") {
    return (
      <Alert color="red" data-testid="apply-status" data-status={status}>
        {t("assignment.applyFailed")} {job?.last_error ?? ""}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" data-testid="apply-status" data-status={status}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{status === "done" ? t("assignment.applyDone") : t("assignment.applyRunning")}</Text>
          {total > 0 && <Text size="sm">{`${formatNumber(done, i18n.language)} / ${formatNumber(total, i18n.language)}`}</Text>}
        </Group>
        <Progress value={pct} animated={status !== "done"} aria-label={t("assignment.applyProgress")} color={status === "done" ? "green" : undefined} />
      </Stack>
    </Paper>
  );
}
