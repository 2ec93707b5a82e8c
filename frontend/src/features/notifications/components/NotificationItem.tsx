import { Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AppNotification } from "../../../lib/api/types";
import { formatDateTime } from "../../../lib/format";

/** One notification as a button: unread ones in bold, with the body and when it came. */
export function NotificationItem({ n, onOpen }: { n: AppNotification; onOpen: (n: AppNotification) => void }) {
  const { i18n } = useTranslation();
  const unread = !n.read_at;
  return (
    <UnstyledButton
      onClick={() => onOpen(n)}
      p="xs"
      w="100%"
      data-testid="notification-item"
      data-unread={unread || undefined}
      style={{ borderRadius: "var(--mantine-radius-sm)" }}
    >
      <Stack gap={2}>
        <Text size="sm" fw={unread ? 700 : 400}>
          {n.title}
        </Text>
        {n.body && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {n.body}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {formatDateTime(n.created_at, i18n.language)}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}
