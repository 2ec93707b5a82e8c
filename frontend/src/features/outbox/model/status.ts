export const EMAIL_STATUSES = ["queued", "sending", "sent", "failed"] as const;

const COLORS: Record<string, string> = { queued: "gray", sending: "blue", sent: "green", failed: "red" };

export const emailStatusColor = (status: string) => COLORS[status] ?? "gray";

/** Still on its way: the outbox keeps refreshing while any message is. */
export const isEmailPending = (e: { status: string }) => e.status === "queued" || e.status === "sending";

/** The "to" box takes addresses separated by commas, semicolons, spaces or new lines. */
export function splitRecipients(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
