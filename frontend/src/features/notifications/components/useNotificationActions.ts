import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { AppNotification } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { toastError } from "../../../lib/toast";
import { markAllNotificationsRead, markNotificationRead, NOTIFICATIONS_KEY, unreadCountKey } from "../api/notifications";
import { notificationHref } from "../model/links";

/** Opening a notification marks it read and goes to what it is about; "mark all read" clears the badge. */
export function useNotificationActions() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const settle = async (unread?: number) => {
    // read-all answers with the new count; marking one read answers with the notification, so recount.
    if (unread !== undefined) qc.setQueryData(unreadCountKey, unread);
    await qc.invalidateQueries({
      queryKey: NOTIFICATIONS_KEY,
      predicate: (q) => q.queryKey[1] !== "preferences" && (unread === undefined || q.queryKey[1] !== "unread"),
    });
  };
  const open = async (n: AppNotification) => {
    const href = notificationHref(n);
    if (href) navigate(href);
    if (n.read_at) return;
    try {
      await markNotificationRead(n.id);
      await settle();
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  const readAll = async () => {
    try {
      await settle((await markAllNotificationsRead()).unread_count);
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  return { open, readAll };
}
