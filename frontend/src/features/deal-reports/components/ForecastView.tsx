import { Alert, Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { formatNumber } from "../../../lib/format";
import { forecastReportQuery } from "../api/deal-reports";
import { monthSeries } from "../model/chart";
import { formatMinor, formatMonth } from "../model/money";
import type { ForecastRow, ReportQuery } from "../model/types";
import { ExportButtons } from "./ExportButtons";
import { ForecastChart } from "./ForecastChart";

const right = { textAlign: "right" } as const;

/** Forecast (open deals by expected close month, weighted by stage probability) against what was realised. */
export function ForecastView({ query }: { query: ReportQuery }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useQuery(forecastReportQuery(query));
  const grouped = query.group_by ?? null;
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const { rows, totals, company_currency: currency, missing_rates: missing } = q.data;
  const money = (v: number) => formatMinor(v, currency, lang);
  const n = (v: number) => formatNumber(v, lang);
  const points = monthSeries(rows);
  const cells = (r: ForecastRow) => (
    <>
      <Table.Td style={right}>{n(r.open_count)}</Table.Td>
      <Table.Td style={right}>{money(r.pipeline_amount)}</Table.Td>
      <Table.Td style={right}>{money(r.weighted_amount)}</Table.Td>
      <Table.Td style={right}>{n(r.won_count)}</Table.Td>
      <Table.Td style={right}>{money(r.realised_amount)}</Table.Td>
    </>
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("dealReports.forecastIntro", { currency })}
        </Text>
        <ExportButtons report="forecast" query={query} />
      </Group>
      {missing.length > 0 && (
        <Alert color="yellow" title={t("dealReports.missingRatesTitle")} data-testid="missing-rates">
          {t("dealReports.missingRates", { currencies: missing.join(", ") })}
        </Alert>
      )}
      {rows.length === 0 ? (
        <EmptyState>{t("dealReports.empty")}</EmptyState>
      ) : (
        <>
          {points.length > 0 && <ForecastChart points={points} currency={currency} />}
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={t("dealReports.forecastTitle")} data-testid="forecast-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("dealReports.month")}</Table.Th>
                  {grouped && <Table.Th scope="col">{t(`dealReports.groups.${grouped}`)}</Table.Th>}
                  <Table.Th scope="col" style={right}>
                    {t("dealReports.openCount")}
                  </Table.Th>
                  <Table.Th scope="col" style={right}>
                    {t("dealReports.pipeline")}
                  </Table.Th>
                  <Table.Th scope="col" style={right}>
                    {t("dealReports.weighted")}
                  </Table.Th>
                  <Table.Th scope="col" style={right}>
                    {t("dealReports.wonCount")}
                  </Table.Th>
                  <Table.Th scope="col" style={right}>
                    {t("dealReports.realised")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.month ?? "none"}-${r.key ?? "none"}`} data-month={r.month ?? ""}>
                    <Table.Td>{r.month ? formatMonth(r.month, lang) : t("dealReports.noMonth")}</Table.Td>
                    {grouped && <Table.Td>{r.label || t("dealReports.none")}</Table.Td>}
                    {cells(r)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Td colSpan={grouped ? 2 : 1}>{t("dealReports.total")}</Table.Td>
                  {cells(totals)}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
