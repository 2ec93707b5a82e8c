import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { messageUnreadQuery } from "../api/messages";

/** The menu entry's unread count; nothing at all when everything is read. */
export function UnreadMessagesBadge() {
  const { t } = useTranslation();
  const unread = useQuery(messageUnreadQuery).data ?? 0;
  if (unread === 0) return null;
  return (
    <Badge size="sm" color="red" circle={unread < 10} aria-label={t("messages.unread", { count: unread })} data-testid="messages-unread">
      {unread > 99 ? "99+" : unread}
    </Badge>
  );
}
