import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { NotificationPreference } from "../../../lib/api/types";

/** Everything cached about notifications lives under this key, so one invalidation refreshes it all. */
export const NOTIFICATIONS_KEY = ["notifications"] as const;
export const unreadCountKey = [...NOTIFICATIONS_KEY, "unread"] as const;

/** GET /api/v1/notifications: one page, unread first, then newest first. */
export function listNotifications(p: { limit: number; cursor?: string; unread?: boolean }) {
  return unwrap(api.GET("/api/v1/notifications", { params: { query: p } }));
}

/** The latest few, for the bell's popover. */
export const latestNotificationsQuery = queryOptions({
  queryKey: [...NOTIFICATIONS_KEY, "latest"],
  queryFn: () => listNotifications({ limit: 8 }),
});

/** The badge's number until the stream reports one (the stream then keeps it current). */
export const unreadCountQuery = queryOptions({
  queryKey: unreadCountKey,
  staleTime: Infinity,
  queryFn: async () => (await listNotifications({ limit: 1 })).unread_count,
});

export const markNotificationRead = (id: string) =>
  unwrap(api.POST("/api/v1/notifications/{id}/read", { params: { path: { id } } }));

export const markAllNotificationsRead = () => unwrap(api.POST("/api/v1/notifications/read-all"));

export const notificationPreferencesQuery = queryOptions({
  queryKey: [...NOTIFICATIONS_KEY, "preferences"],
  queryFn: () => unwrap(api.GET("/api/v1/notifications/preferences")),
});

export const saveNotificationPreferences = (body: NotificationPreference[]) =>
  unwrap(api.PUT("/api/v1/notifications/preferences", { body }));
