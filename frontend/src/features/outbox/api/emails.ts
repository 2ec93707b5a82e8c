import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { SendEmail, SendFax } from "../../../lib/api/types";

export const OUTBOX_KEY = ["outbox"] as const;

/** GET /api/v1/emails: the outbox, newest first, optionally one status or one partner's. */
export function listEmails(p: { cursor?: string; limit: number; count: boolean; status?: string | null; partner_id?: string | null }) {
  return unwrap(
    api.GET("/api/v1/emails", {
      params: { query: { limit: p.limit, cursor: p.cursor, count: p.count, status: p.status || undefined, partner_id: p.partner_id || undefined } },
    }),
  );
}

export const emailQuery = (id: string) =>
  queryOptions({ queryKey: [...OUTBOX_KEY, "one", id], queryFn: () => unwrap(api.GET("/api/v1/emails/{id}", { params: { path: { id } } })) });

/** Queued for the worker (202): the outbox shows it going from queued to sent. */
export const sendEmail = (body: SendEmail) => unwrap(api.POST("/api/v1/emails", { body }));

/** Through the email-to-fax gateway; 409 fax_not_configured when there is none. */
export const sendFax = (body: SendFax) => unwrap(api.POST("/api/v1/faxes", { body }));

/** Only failed messages can be retried. */
export const retryEmail = (id: string) => unwrap(api.POST("/api/v1/emails/{id}/retry", { params: { path: { id } } }));
