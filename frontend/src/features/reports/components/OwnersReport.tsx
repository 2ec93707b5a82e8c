import { Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { useTerritoryPath } from "../../../components/TerritorySelect";
import { formatNumber } from "../../../lib/format";
import { ownersReportQuery, reportUsersQuery } from "../api/assignment-reports";
import { groupByOwner } from "../model/owners-report";

/** Partners per sales rep, and per territory under each. */
export function OwnersReport() {
  const { t, i18n } = useTranslation();
  const q = useQuery(ownersReportQuery);
  const users = useQuery(reportUsersQuery);
  const path = useTerritoryPath();
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.length === 0) return <EmptyState>{t("reports.assignment.empty")}</EmptyState>;
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Table aria-label={t("reports.assignment.owners")} data-testid="owners-report">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("reports.assignment.owner")}</Table.Th>
          <Table.Th>{t("reports.assignment.territory")}</Table.Th>
          <Table.Th style={{ textAlign: "right" }}>{t("reports.assignment.partners")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groupByOwner(q.data).map((row) => (
          <Fragment key={row.userId ?? "none"}>
            <Table.Tr fw={700}>
              <Table.Td colSpan={2}>{row.userId ? (users.data?.get(row.userId) ?? row.userId) : t("reports.assignment.unassigned")}</Table.Td>
              <Table.Td style={{ textAlign: "right" }}>{n(row.total)}</Table.Td>
            </Table.Tr>
            {row.territories.map((tr) => (
              <Table.Tr key={tr.territoryId ?? "none"}>
                <Table.Td />
                <Table.Td>{tr.territoryId ? path(tr.territoryId) || tr.territoryId : t("reports.assignment.noTerritory")}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{n(tr.partners)}</Table.Td>
              </Table.Tr>
            ))}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}
