import { refresher, tokenStore } from "../../../lib/api/client";
import type { AppNotification } from "../../../lib/api/types";
import { sessionEvents } from "../../../lib/auth/session-events";
import { connectSse } from "../../../lib/sse/connect";

/** The payload of the stream's `unread` event. */
export interface UnreadEvent {
  unread_count: number;
  latest: AppNotification | null;
}

/**
 * Follows GET /api/v1/notifications/stream with the app's tokens: refreshed before connecting, and a
 * reconnect with the new token whenever the refresher rotates it. Returns a function that stops it.
 */
export function watchUnread(onUnread: (e: UnreadEvent) => void): () => void {
  return connectSse({
    url: "/api/v1/notifications/stream",
    token: async () => ((await refresher.ensureFresh()) ? tokenStore.accessToken() : null),
    refresh: () => refresher.refresh(),
    onTokenChange: (fn) => sessionEvents.on((e) => e.type === "refreshed" && fn()),
    onEvent: (e) => {
      if (e.event !== "unread") return;
      try {
        onUnread(JSON.parse(e.data) as UnreadEvent);
      } catch {
        // A malformed frame is dropped; the next one carries the full count again.
      }
    },
  });
}
