import { Badge, Group, Progress, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../../components/states";
import { formatNumber } from "../../../lib/format";
import { mailingQuery } from "../api/mailings";

/** A mailing's counters, polled until the job is done: queued into the outbox, skipped, of total. */
export function MailingProgress({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const mailing = useQuery(mailingQuery(id));
  if (mailing.isError) return <ErrorState error={mailing.error} onRetry={() => void mailing.refetch()} />;
  const m = mailing.data;
  if (!m) return null;
  const handled = m.queued_count + m.skipped_count;
  const pct = m.total > 0 ? Math.round((handled / m.total) * 100) : 100;
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <Stack gap="xs" data-testid="mailing-progress">
      <Group gap="xs">
        <Badge color={m.status === "done" ? "green" : "blue"} variant="light">
          {t(`mailings.statuses.${m.status}`, { defaultValue: m.status })}
        </Badge>
        <Text size="sm">{t("mailings.counts", { queued: n(m.queued_count), skipped: n(m.skipped_count), total: n(m.total) })}</Text>
      </Group>
      <Progress value={pct} animated={m.status !== "done"} aria-label={t("jobs.progress")} />
      {m.skipped_count > 0 && (
        <Text size="xs" c="dimmed">
          {t("mailings.skippedHint")}
        </Text>
      )}
    </Stack>
  );
}
