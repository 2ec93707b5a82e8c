import type { Message, SendMessage } from "../../../lib/api/types";

export const MAILBOXES = ["inbox", "sent"] as const;
export type MailboxName = (typeof MAILBOXES)[number];

/** The ?box= of the URL, falling back to the inbox for anything else. */
export const parseMailbox = (v: string | null): MailboxName => (v === "sent" ? "sent" : "inbox");

/** Unread for this user: the server leaves read_at null on messages the caller sent, which are never unread. */
export const isUnread = (m: Pick<Message, "sender_id" | "read_at">, userId: string | undefined) => m.sender_id !== userId && !m.read_at;

export interface ComposeValues {
  to_user_ids: string[];
  to_team_ids: string[];
  subject: string;
  body: string;
}

/** Whether the message names anyone: the server refuses one without (422), so the form says it first. */
export const hasRecipients = (v: Pick<ComposeValues, "to_user_ids" | "to_team_ids">) => v.to_user_ids.length + v.to_team_ids.length > 0;

/** The POST body of a new message. */
export function composeBody(v: ComposeValues): SendMessage {
  return { to_user_ids: v.to_user_ids, to_team_ids: v.to_team_ids, subject: v.subject.trim(), body: v.body };
}

/** Everyone who took part in the thread, as sender or recipient, except the caller. */
export function threadPeople(thread: readonly Pick<Message, "sender_id" | "recipient_ids">[], userId: string | undefined): string[] {
  const people = new Set(thread.flatMap((m) => [m.sender_id, ...m.recipient_ids]));
  if (userId) people.delete(userId);
  return [...people];
}

/**
 * The POST body of a reply: it answers the thread's latest message, so the server keeps the thread and
 * its subject; the server still wants the recipients named, so it goes to everyone in the conversation.
 */
export function replyBody(
  thread: readonly Pick<Message, "id" | "sender_id" | "recipient_ids">[],
  userId: string | undefined,
  body: string,
): SendMessage | null {
  const last = thread[thread.length - 1];
  return last ? { reply_to: last.id, to_user_ids: threadPeople(thread, userId), body } : null;
}
