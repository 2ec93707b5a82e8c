import { ActionIcon, Anchor, Badge, Box, Button, Divider, Group, Popover, ScrollArea, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import type { AppNotification } from "../../../lib/api/types";
import { latestNotificationsQuery } from "../api/notifications";
import { BellIcon } from "./BellIcon";
import { NotificationItem } from "./NotificationItem";
import { useNotificationActions } from "./useNotificationActions";
import { useUnreadCount } from "./useUnreadCount";

/** The header's bell: a live unread badge and a popover with the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const unread = useUnreadCount();
  const latest = useQuery({ ...latestNotificationsQuery, enabled: opened });
  const { open, readAll } = useNotificationActions();
  const openOne = (n: AppNotification) => {
    close();
    void open(n);
  };
  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Box pos="relative">
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={toggle}
            aria-label={t("notifications.bell", { count: unread })}
            aria-expanded={opened}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
          {unread > 0 && (
            <Badge size="xs" color="red" circle={unread < 10} pos="absolute" top={-2} right={-4} style={{ pointerEvents: "none" }} data-testid="unread-badge">
              {unread > 99 ? "99+" : unread}
            </Badge>
          )}
        </Box>
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="notification-popover">
        <Group justify="space-between" mb={4}>
          <Text fw={600} size="sm">
            {t("notifications.title")}
          </Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => void readAll()}>
            {t("notifications.markAllRead")}
          </Button>
        </Group>
        <Divider />
        {latest.isPending ? (
          <LoadingState />
        ) : latest.isError ? (
          <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
        ) : latest.data.items.length === 0 ? (
          <EmptyState>{t("notifications.empty")}</EmptyState>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={0}>
              {latest.data.items.map((n) => (
                <NotificationItem key={n.id} n={n} onOpen={openOne} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Divider mb={4} />
        <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
          {t("notifications.showAll")}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
