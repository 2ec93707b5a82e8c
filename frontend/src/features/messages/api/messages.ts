import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { SendMessage } from "../../../lib/api/types";
import type { MailboxName } from "../model/mailbox";

/** Everything cached about messages lives under this key, so one invalidation refreshes it all. */
export const MESSAGES_KEY = ["messages"] as const;
export const messageUnreadKey = [...MESSAGES_KEY, "unread"] as const;

/** GET /api/v1/messages: one page of a box, newest first; `before` is the previous page's `next_before`. */
export function listMessages(p: { box: MailboxName; limit: number; before?: string }) {
  return unwrap(api.GET("/api/v1/messages", { params: { query: { box: p.box, limit: p.limit, before: p.before } } }));
}

/** The menu's number: unread messages in the inbox. */
export const messageUnreadQuery = queryOptions({
  queryKey: messageUnreadKey,
  staleTime: 60_000,
  queryFn: async () => (await listMessages({ box: "inbox", limit: 1 })).unread_count,
});

/** GET /api/v1/messages/threads/{id}: oldest first; fetching it marks the caller's messages in it read. */
export const threadQuery = (threadId: string) =>
  queryOptions({
    queryKey: [...MESSAGES_KEY, "thread", threadId],
    queryFn: () => unwrap(api.GET("/api/v1/messages/threads/{thread_id}", { params: { path: { thread_id: threadId } } })),
  });

/** 201 with the message; 422 when it names no recipient. */
export const sendMessage = (body: SendMessage) => unwrap(api.POST("/api/v1/messages", { body }));
