import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { MESSAGES_KEY } from "../../messages/api/messages";
import { NOTIFICATIONS_KEY, unreadCountKey, unreadCountQuery } from "../api/notifications";
import { watchUnread } from "../api/unread-stream";

/**
 * The caller's unread count, kept live by the notification stream. Each event also refreshes the cached
 * lists, so an open popover or the notifications page shows what just arrived.
 */
export function useUnreadCount(): number {
  const qc = useQueryClient();
  const count = useQuery(unreadCountQuery);
  useEffect(
    () =>
      watchUnread((e) => {
        qc.setQueryData(unreadCountKey, e.unread_count);
        void qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY, predicate: (q) => q.queryKey[1] !== "unread" && q.queryKey[1] !== "preferences" });
        // A new message is announced by its notification: the menu's message count and the inbox follow it.
        // Open threads are left alone (refetching one marks it read).
        if (e.latest?.kind === "message") void qc.invalidateQueries({ queryKey: MESSAGES_KEY, predicate: (q) => q.queryKey[1] !== "thread" });
      }),
    [qc],
  );
  return count.data ?? 0;
}
