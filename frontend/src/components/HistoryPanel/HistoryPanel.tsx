import { Button, Paper, Text, Timeline, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api/client";
import { unwrap } from "../../lib/api/unwrap";
import { formatDateTime } from "../../lib/format";
import { EmptyState, ErrorState, LoadingState } from "../states";
import { ChangeList } from "./ChangeList";

/** The timeline of one record: GET /api/v1/history?entity_type=&entity_id=, newest first. */
export function HistoryPanel({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t, i18n } = useTranslation();
  const q = useInfiniteQuery({
    queryKey: ["history", entityType, entityId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/history", {
          params: { query: { entity_type: entityType, entity_id: entityId, limit: 20, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const entries = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-title">
      <Title order={3} size="h4" mb="sm" id="history-title">
        {t("history.panelTitle")}
      </Title>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState>{t("history.empty")}</EmptyState>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {entries.map((e) => (
            <Timeline.Item key={e.id} title={t(`history.actions.${e.action}`, { defaultValue: e.action })}>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at, i18n.language)} · {e.actor_name ?? t("history.system")}
              </Text>
              <ChangeList changes={e.changes} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {q.hasNextPage && (
        <Button mt="sm" size="xs" variant="light" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t("table.loadMore")}
        </Button>
      )}
    </Paper>
  );
}
