import { Anchor, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { useTerritoryPath } from "../../../components/TerritorySelect";
import { unassignedReportQuery } from "../api/assignment-reports";

/** Partners without a primary owner. */
export function UnassignedReport() {
  const { t } = useTranslation();
  const q = useQuery(unassignedReportQuery);
  const path = useTerritoryPath();
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.length === 0) return <EmptyState>{t("reports.assignment.noneUnassigned")}</EmptyState>;
  return (
    <Table striped aria-label={t("reports.assignment.unassigned")} data-testid="unassigned-report">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("fields.name")}</Table.Th>
          <Table.Th>{t("fields.city")}</Table.Th>
          <Table.Th>{t("reports.assignment.territory")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {q.data.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Anchor component={Link} to={`/partners/${p.id}`}>
                {p.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{p.city ?? ""}</Table.Td>
            <Table.Td>{path(p.territory_id)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
