import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { formatDateTime } from "../../../lib/format";
import { activitiesQuery, type ActivityOwner } from "../api/activities";
import { formatMinutes, kindIcon } from "../model/activity";

/** The contact log of one partner, person or lead, newest first. */
export function ActivityTimeline({ owner }: { owner: ActivityOwner }) {
  const { t, i18n } = useTranslation();
  const q = useQuery(activitiesQuery(owner));
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data.items.length) return <EmptyState>{t("activities.empty")}</EmptyState>;
  return (
    <Stack gap="xs" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("activities.timeline")} data-testid="activity-timeline">
      {q.data.items.map((a) => (
        <Paper key={a.id} component="li" withBorder p="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <span aria-hidden>{kindIcon(a.kind)}</span>
              <Badge variant="light">{t(`activities.kinds.${a.kind}`, { defaultValue: a.kind })}</Badge>
              <Text fw={600}>{a.subject}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              {formatDateTime(a.started_at, i18n.language)} · {formatMinutes(a.duration_minutes)}
            </Text>
          </Group>
          {a.description && (
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {a.description}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
