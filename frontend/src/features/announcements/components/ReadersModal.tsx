import { Modal, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import type { Announcement } from "../../../lib/api/types";
import { formatDateTime } from "../../../lib/format";
import { announcementReadersQuery } from "../api/announcements";

/** Who has read one announcement and when, first reader first. Mounted only while open. */
export function ReadersModal({ announcement, onClose }: { announcement: Announcement; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const readers = useQuery(announcementReadersQuery(announcement.id));
  return (
    <Modal opened onClose={onClose} title={t("announcements.readersOf", { title: announcement.title })} size="lg" centered>
      {readers.isPending ? (
        <LoadingState />
      ) : readers.isError ? (
        <ErrorState error={readers.error} onRetry={() => void readers.refetch()} />
      ) : readers.data.length === 0 ? (
        <EmptyState>{t("announcements.noReaders")}</EmptyState>
      ) : (
        <Table data-testid="announcement-readers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.name")}</Table.Th>
              <Table.Th>{t("announcements.readAt")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {readers.data.map((r) => (
              <Table.Tr key={r.user_id}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{formatDateTime(r.read_at, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
