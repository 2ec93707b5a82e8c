import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { listNotifications, NOTIFICATIONS_KEY } from "../api/notifications";
import { NotificationItem } from "./NotificationItem";
import { useNotificationActions } from "./useNotificationActions";

/** Every notification of the caller, unread first, a page at a time. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { open, readAll } = useNotificationActions();
  const list = useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, "list"],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => listNotifications({ limit: 30, cursor: pageParam }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread_count ?? 0;
  return (
    <Stack maw={720}>
      <Group justify="space-between">
        <Title order={2}>{t("notifications.title")}</Title>
        <Button variant="light" disabled={unread === 0} onClick={() => void readAll()}>
          {t("notifications.markAllRead")}
        </Button>
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t("notifications.empty")}</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("notifications.unreadCount", { count: unread })}
          </Text>
          <Paper withBorder p={4}>
            <Stack gap={0}>
              {items.map((n) => (
                <NotificationItem key={n.id} n={n} onOpen={(x) => void open(x)} />
              ))}
            </Stack>
          </Paper>
          {list.hasNextPage && (
            <Group>
              <Button size="xs" variant="light" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t("table.loadMore")}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
