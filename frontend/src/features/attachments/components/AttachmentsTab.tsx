import { Anchor, Button, FileButton, Group, Stack, Table } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import type { Attachment } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { toastError, toastSuccess } from "../../../lib/toast";
import { attachmentsKey, attachmentsQuery, deleteAttachment, downloadAttachment, uploadAttachment } from "../api/attachments";
import { formatBytes } from "../model/size";

interface Props {
  entityType: string;
  entityId: string;
  canUpload: boolean;
  canDelete: boolean;
}

/** The files attached to one record: list, upload, download, delete. */
export function AttachmentsTab({ entityType, entityId, canUpload, canDelete }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [confirm, confirmDialog] = useConfirm();
  const q = useQuery(attachmentsQuery(entityType, entityId));
  const refresh = () => qc.invalidateQueries({ queryKey: attachmentsKey(entityType, entityId) });
  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) toastSuccess(done);
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    await run(async () => {
      await uploadAttachment(entityType, entityId, file);
      await refresh();
    }, t("attachments.uploaded"));
    setBusy(false);
  };
  const remove = async (a: Attachment) => {
    if (!(await confirm({ title: t("common.delete"), message: t("attachments.deleteConfirm", { name: a.file_name }), danger: true, confirmLabel: t("common.delete") }))) return;
    await run(async () => {
      await deleteAttachment(a);
      await refresh();
    }, t("attachments.deleted"));
  };
  return (
    <Stack>
      {canUpload && (
        <Group>
          <FileButton onChange={(f) => void upload(f)}>
            {(props) => (
              <Button {...props} loading={busy} data-testid="upload-attachment">
                {t("attachments.upload")}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data.length ? (
        <EmptyState>{t("attachments.empty")}</EmptyState>
      ) : (
        <Table striped aria-label={t("attachments.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.name")}</Table.Th>
              <Table.Th>{t("attachments.type")}</Table.Th>
              <Table.Th>{t("attachments.size")}</Table.Th>
              <Table.Th>{t("attachments.uploadedAt")}</Table.Th>
              {canDelete && <Table.Th>{t("common.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => void run(() => downloadAttachment(a))}>
                    {a.file_name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{a.content_type}</Table.Td>
                <Table.Td>{formatBytes(a.size_bytes, i18n.language)}</Table.Td>
                <Table.Td>{formatDateTime(a.created_at, i18n.language)}</Table.Td>
                {canDelete && (
                  <Table.Td>
                    <Button size="compact-xs" variant="light" color="red" aria-label={t("attachments.deleteNamed", { name: a.file_name })} onClick={() => void remove(a)}>
                      {t("common.delete")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {confirmDialog}
    </Stack>
  );
}
