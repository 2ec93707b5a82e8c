import { Anchor, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { pendingReportQuery } from "../api/assignment-reports";

/** Partners on which two primary rules of the current table tie (and how many changes are still pending). */
export function ConflictsReport() {
  const { t } = useTranslation();
  const q = useQuery(pendingReportQuery);
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t("reports.assignment.pendingSummary", { changed: q.data.changed, conflicts: q.data.conflicts })}
      </Text>
      {q.data.conflict_items.length === 0 ? (
        <EmptyState>{t("reports.assignment.noConflicts")}</EmptyState>
      ) : (
        <Table striped aria-label={t("reports.assignment.conflicts")} data-testid="conflicts-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.name")}</Table.Th>
              <Table.Th>{t("reports.assignment.tiedRules")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.conflict_items.map((c) => (
              <Table.Tr key={c.partner_id}>
                <Table.Td>
                  <Anchor component={Link} to={`/partners/${c.partner_id}`}>
                    {c.partner_name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.rule_ids.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
