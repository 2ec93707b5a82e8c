import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
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
      }),
    [qc],
  );
  return count.data ?? 0;
}
