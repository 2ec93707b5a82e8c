import { Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../../components/states";
import { formatDateTime } from "../../../lib/format";
import { stageHistoryQuery } from "../api/deals";
import { useOwnerName } from "../api/options";
import { formatDuration } from "../model/duration";
import type { DealType } from "../model/types";

/** Where the deal has been: each move with who made it, when, and how long it stayed in the stage it left. */
export function StageHistory({ dealId, type }: { dealId: string; type: DealType | null }) {
  const { t, i18n } = useTranslation();
  const q = useQuery(stageHistoryQuery(dealId));
  const userName = useOwnerName();
  const name = (id: string | null | undefined) => (id ? (type?.stages.find((s) => s.id === id)?.name ?? id) : "");
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.length === 0) return <Text c="dimmed">{t("deals.history.empty")}</Text>;
  return (
    <Table striped data-testid="stage-history">
      <caption className="visually-hidden">{t("deals.history.title")}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("deals.history.when")}</Table.Th>
          <Table.Th>{t("deals.history.from")}</Table.Th>
          <Table.Th>{t("deals.history.to")}</Table.Th>
          <Table.Th>{t("deals.history.by")}</Table.Th>
          <Table.Th>{t("deals.history.stayed")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {q.data.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{formatDateTime(m.moved_at, i18n.language)}</Table.Td>
            <Table.Td>{m.from_stage_id ? name(m.from_stage_id) : t("deals.history.created")}</Table.Td>
            <Table.Td>{name(m.to_stage_id)}</Table.Td>
            <Table.Td>{userName(m.user_id)}</Table.Td>
            <Table.Td>{m.seconds_in_from === null || m.seconds_in_from === undefined ? "" : formatDuration(m.seconds_in_from, t)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
