import { Badge, Button, Group, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { ResourceList } from "../../../components/ResourceList";
import type { ApiKey } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { listApiKeys, revokeApiKey } from "../api/api-keys";
import { userNamesQuery } from "../api/user-names";
import { CreateApiKeyModal } from "./CreateApiKeyModal";
import { SecretModal } from "./SecretModal";

function KeyStatus({ k, t }: { k: ApiKey; t: TFunction }) {
  if (k.revoked_at) return <Badge color="gray">{t("apiKeys.revoked")}</Badge>;
  if (k.expires_at && new Date(k.expires_at).getTime() < Date.now()) return <Badge color="orange">{t("apiKeys.expired")}</Badge>;
  return <Badge color="green">{t("apiKeys.active")}</Badge>;
}

export default function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const [creating, create] = useDisclosure();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const refresh = () => qc.invalidateQueries({ queryKey: ["list", "api_keys"] });
  const revoke = async (k: ApiKey) => {
    if (!(await confirm({ title: t("apiKeys.revoke"), message: t("apiKeys.revokeConfirm", { name: k.name }), danger: true, confirmLabel: t("apiKeys.revoke") }))) return;
    try {
      await revokeApiKey(k);
      toastSuccess(t("apiKeys.revokedToast"));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await refresh();
  };
  const lang = i18n.language;
  // Administrators see everyone's keys: say whose each one is.
  const seesAll = can(grants, "api_keys", "read", ["all"]) && can(grants, "users", "read", ["all"]);
  const names = useQuery({ ...userNamesQuery, enabled: seesAll });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("apiKeys.title")}</Title>
        {can(grants, "api_keys", "create") && <Button onClick={create.open}>{t("apiKeys.new")}</Button>}
      </Group>
      <ResourceList
        resource="api_keys"
        queryKey={[]}
        caption={t("apiKeys.title")}
        defaultSort="-created_at"
        getRowId={(k) => k.id}
        fetchPage={listApiKeys}
        emptyText={t("apiKeys.empty")}
        columns={[
          { key: "name", header: t("fields.name"), sortField: "name", render: (k) => k.name },
          { key: "prefix", header: t("fields.prefix"), render: (k) => <code>{k.prefix}…</code> },
          ...(seesAll
            ? [{ key: "user_id", header: t("fields.user_id"), render: (k: ApiKey) => names.data?.[k.user_id] ?? k.user_id }]
            : []),
          { key: "status", header: t("fields.status"), render: (k) => <KeyStatus k={k} t={t} /> },
          { key: "created_at", header: t("fields.created_at"), sortField: "created_at", render: (k) => formatDateTime(k.created_at, lang) },
          { key: "last_used_at", header: t("fields.last_used_at"), render: (k) => formatDateTime(k.last_used_at, lang) || "—" },
          { key: "expires_at", header: t("fields.expires_at"), render: (k) => formatDateTime(k.expires_at, lang) || "—" },
          {
            key: "actions",
            header: t("common.actions"),
            render: (k) =>
              !k.revoked_at && can(grants, "api_keys", "update") ? (
                <Button size="compact-xs" color="red" variant="light" onClick={() => void revoke(k)}>
                  {t("apiKeys.revoke")}
                </Button>
              ) : null,
          },
        ]}
      />
      <CreateApiKeyModal
        opened={creating}
        onClose={create.close}
        onCreated={(s) => {
          setSecret(s);
          void refresh();
        }}
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
      {confirmDialog}
    </Stack>
  );
}
