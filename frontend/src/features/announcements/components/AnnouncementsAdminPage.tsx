import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import type { Announcement } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { allAnnouncementsQuery, ANNOUNCEMENTS_KEY, deleteAnnouncement } from "../api/announcements";
import { announcementStatus } from "../model/schedule";
import { AnnouncementModal } from "./AnnouncementModal";
import { AnnouncementStatusBadge } from "./AnnouncementStatusBadge";
import { PinIcon } from "./PinIcon";
import { ReadersModal } from "./ReadersModal";

/** Every announcement, past, current and scheduled: publish, change, take down, and see who read each. */
export default function AnnouncementsAdminPage() {
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const [confirm, confirmDialog] = useConfirm();
  // undefined: closed; null: a new one; an announcement: editing it.
  const [editing, setEditing] = useState<Announcement | null | undefined>(undefined);
  const [readersOf, setReadersOf] = useState<Announcement | null>(null);
  const list = useQuery(allAnnouncementsQuery);
  const mayCreate = can(grants, "announcements", "create");
  const mayUpdate = can(grants, "announcements", "update");
  const mayDelete = can(grants, "announcements", "delete");
  const remove = async (a: Announcement) => {
    const ok = await confirm({
      title: t("common.delete"),
      message: t("announcements.deleteConfirm", { title: a.title }),
      danger: true,
      confirmLabel: t("common.delete"),
    });
    if (!ok) return;
    try {
      await deleteAnnouncement(a);
      toastSuccess(t("announcements.deleted"));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await qc.invalidateQueries({ queryKey: ANNOUNCEMENTS_KEY });
  };
  const lang = i18n.language;
  const now = new Date();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("announcements.title")}</Title>
        {mayCreate && (
          <Button onClick={() => setEditing(null)} data-testid="new-announcement">
            {t("announcements.new")}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState>{t("announcements.empty")}</EmptyState>
      ) : (
        <Table data-testid="announcement-list" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("announcements.fields.title")}</Table.Th>
              <Table.Th>{t("fields.status")}</Table.Th>
              <Table.Th>{t("announcements.fields.validFrom")}</Table.Th>
              <Table.Th>{t("announcements.fields.validUntil")}</Table.Th>
              <Table.Th>{t("announcements.readCount")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {a.pinned && <PinIcon label={t("announcements.pinned")} />}
                    <Text size="sm">{a.title}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <AnnouncementStatusBadge status={announcementStatus(a, now)} />
                </Table.Td>
                <Table.Td>{formatDateTime(a.valid_from, lang)}</Table.Td>
                <Table.Td>{a.valid_until ? formatDateTime(a.valid_until, lang) : t("announcements.untilTakenDown")}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setReadersOf(a)}>
                    {t("announcements.readers", { count: a.read_count })}
                  </Button>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {mayUpdate && (
                      <Button size="compact-xs" variant="light" onClick={() => setEditing(a)}>
                        {t("announcements.edit")}
                      </Button>
                    )}
                    {mayDelete && (
                      <Button size="compact-xs" variant="light" color="red" onClick={() => void remove(a)}>
                        {t("common.delete")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== undefined && <AnnouncementModal announcement={editing} onClose={() => setEditing(undefined)} />}
      {readersOf && <ReadersModal announcement={readersOf} onClose={() => setReadersOf(null)} />}
      {confirmDialog}
    </Stack>
  );
}
