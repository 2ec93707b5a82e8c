import { Alert, Button, Code, Drawer, Group, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { PartnerName } from "../../persons/components/PartnerName";
import { emailQuery, OUTBOX_KEY, retryEmail } from "../api/emails";
import { isEmailPending } from "../model/status";
import { EmailStatusBadge } from "./EmailStatusBadge";

/** One outbox message: headers, the text as sent, the last error, and retry when it failed. */
export function EmailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const email = useQuery({
    ...emailQuery(id ?? ""),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && isEmailPending(q.state.data) ? 3_000 : false),
  });
  const retry = async () => {
    if (!id) return;
    try {
      await retryEmail(id);
      toastSuccess(t("outbox.retried"));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await qc.invalidateQueries({ queryKey: OUTBOX_KEY });
  };
  const e = email.data;
  const lang = i18n.language;
  return (
    <Drawer opened={Boolean(id)} onClose={onClose} position="right" size="lg" title={e?.subject ?? t("outbox.message")}>
      {email.isPending ? (
        <LoadingState />
      ) : email.isError ? (
        <ErrorState error={email.error} onRetry={() => void email.refetch()} />
      ) : e ? (
        <Stack data-testid="email-detail">
          <Group gap="xs">
            <EmailStatusBadge status={e.status} />
            <Text size="sm" c="dimmed">
              {t(`outbox.channels.${e.channel}`, { defaultValue: e.channel })} · {t("outbox.attempts", { count: e.attempts })}
            </Text>
          </Group>
          <Text size="sm">
            <b>{t("outbox.from")}:</b> {e.from}
          </Text>
          <Text size="sm">
            <b>{t("outbox.to")}:</b> {e.to.join(", ")}
          </Text>
          {e.partner_id && (
            <Text size="sm">
              <b>{t("fields.partner_id")}:</b> <PartnerName id={e.partner_id} link />
            </Text>
          )}
          <Text size="sm">
            <b>{t("fields.created_at")}:</b> {formatDateTime(e.created_at, lang)}
            {e.sent_at && (
              <>
                {" · "}
                <b>{t("outbox.sentAt")}:</b> {formatDateTime(e.sent_at, lang)}
              </>
            )}
          </Text>
          {e.last_error && (
            <Alert color="red" title={t("outbox.lastError")}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {e.last_error}
              </Text>
            </Alert>
          )}
          {e.status === "failed" && can(grants, "emails", "update") && (
            <Group>
              <Button color="orange" onClick={() => void retry()}>
                {t("outbox.retry")}
              </Button>
            </Group>
          )}
          <Code block style={{ whiteSpace: "pre-wrap" }}>
            {e.text_body}
          </Code>
        </Stack>
      ) : null}
    </Drawer>
  );
}
