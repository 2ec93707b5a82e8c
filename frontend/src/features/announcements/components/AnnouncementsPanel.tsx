import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../../components/states";
import type { Announcement } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { toastError } from "../../../lib/toast";
import { ANNOUNCEMENTS_KEY, currentAnnouncementsQuery, markAnnouncementRead } from "../api/announcements";
import { PinIcon } from "./PinIcon";

/** The home page's announcements in force, pinned first (as the server orders them); unread ones stand out. */
export function AnnouncementsPanel() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery(currentAnnouncementsQuery);
  const markRead = async (a: Announcement) => {
    try {
      await markAnnouncementRead(a.id);
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await qc.invalidateQueries({ queryKey: ANNOUNCEMENTS_KEY });
  };
  // Nothing to announce: the home page stays as it was, without an empty box.
  if (list.isPending || (list.data && list.data.length === 0)) return null;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack gap="sm" component="section" aria-label={t("announcements.title")} data-testid="announcements">
      <Title order={3}>{t("announcements.title")}</Title>
      {list.data.map((a) => {
        const unread = !a.read_at;
        return (
          <Paper
            key={a.id}
            withBorder
            p="sm"
            bg={unread ? "var(--mantine-color-yellow-light)" : undefined}
            data-testid="announcement"
            data-unread={unread || undefined}
            data-pinned={a.pinned || undefined}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="xs" wrap="nowrap">
                {a.pinned && <PinIcon label={t("announcements.pinned")} />}
                <Text fw={unread ? 700 : 600}>{a.title}</Text>
              </Group>
              {unread && (
                <Button size="compact-xs" variant="light" onClick={() => void markRead(a)}>
                  {t("announcements.markRead")}
                </Button>
              )}
            </Group>
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {a.body}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {formatDateTime(a.valid_from, i18n.language)}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
