import { Button, Group, Select, Stack, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LiveList, useLiveKeysetList } from "../../../components/LiveList";
import type { Email } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { listEmails, OUTBOX_KEY, retryEmail } from "../api/emails";
import { EMAIL_STATUSES, isEmailPending } from "../model/status";
import { EmailDrawer } from "./EmailDrawer";
import { EmailStatusBadge } from "./EmailStatusBadge";
import { MessageButtons } from "./MessageButtons";

/** Everything sent or waiting to be sent, refreshing while messages are on their way. */
export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useLiveKeysetList([...OUTBOX_KEY, "list", status], (p) => listEmails({ ...p, status }), isEmailPending);
  const retry = async (e: Email) => {
    try {
      await retryEmail(e.id);
      toastSuccess(t("outbox.retried"));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await qc.invalidateQueries({ queryKey: OUTBOX_KEY });
  };
  const lang = i18n.language;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("outbox.title")}</Title>
        {can(grants, "emails", "create") && <MessageButtons />}
      </Group>
      <Group>
        <Select
          label={t("fields.status")}
          placeholder={t("outbox.allStatuses")}
          data={EMAIL_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={200}
        />
      </Group>
      <LiveList
        list={list}
        caption={t("outbox.title")}
        emptyText={t("outbox.empty")}
        getRowId={(e) => e.id}
        onRowOpen={(e) => setOpenId(e.id)}
        columns={[
          { key: "created_at", header: t("fields.created_at"), render: (e) => formatDateTime(e.created_at, lang) },
          { key: "channel", header: t("outbox.channel"), render: (e) => t(`outbox.channels.${e.channel}`, { defaultValue: e.channel }) },
          { key: "to", header: t("outbox.to"), render: (e) => e.to.join(", ") },
          { key: "subject", header: t("outbox.subject"), render: (e) => e.subject },
          { key: "status", header: t("fields.status"), render: (e) => <EmailStatusBadge status={e.status} /> },
          {
            key: "actions",
            header: t("common.actions"),
            render: (e) =>
              e.status === "failed" && can(grants, "emails", "update") ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  color="orange"
                  onClick={(ev) => {
                    // The row opens the drawer on click; the button only retries.
                    ev.stopPropagation();
                    void retry(e);
                  }}
                >
                  {t("outbox.retry")}
                </Button>
              ) : null,
          },
        ]}
      />
      <EmailDrawer id={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
