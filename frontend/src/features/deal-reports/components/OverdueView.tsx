import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { formatDateTime, formatMoney, formatNumber } from "../../../lib/format";
import { overdueReportQuery } from "../api/deal-reports";
import type { ReportQuery } from "../model/types";
import { ExportButtons } from "./ExportButtons";

const right = { textAlign: "right" } as const;

/** Open deals past their stage's due time, most overdue first. */
export function OverdueView({ query }: { query: ReportQuery }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useQuery(overdueReportQuery(query));
  const money = (amount: number | null | undefined, currency: string) => {
    if (amount === null || amount === undefined) return "—";
    try {
      return formatMoney(amount, currency, lang);
    } catch {
      return `${formatNumber(amount / 100, lang)} ${currency}`;
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("dealReports.overdueIntro")}
        </Text>
        <ExportButtons report="overdue" query={query} />
      </Group>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.rows.length === 0 ? (
        <EmptyState>{t("dealReports.noOverdue")}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label={t("dealReports.overdueTitle")} data-testid="overdue-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("dealReports.deal")}</Table.Th>
                <Table.Th scope="col">{t("dealReports.partner")}</Table.Th>
                <Table.Th scope="col">{t("dealReports.owner")}</Table.Th>
                <Table.Th scope="col">{t("dealReports.stage")}</Table.Th>
                <Table.Th scope="col">{t("dealReports.dueAt")}</Table.Th>
                <Table.Th scope="col" style={right}>
                  {t("dealReports.daysOverdue")}
                </Table.Th>
                <Table.Th scope="col" style={right}>
                  {t("dealReports.expectedAmount")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.rows.map((r) => (
                <Table.Tr key={r.deal_id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/deals/${r.deal_id}`}>
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.partner_name}</Table.Td>
                  <Table.Td>{r.owner_name}</Table.Td>
                  <Table.Td>{r.stage_name}</Table.Td>
                  <Table.Td>{formatDateTime(r.due_at, lang)}</Table.Td>
                  <Table.Td style={right}>{formatNumber(r.days_overdue, lang)}</Table.Td>
                  <Table.Td style={right}>{money(r.expected_amount, r.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
