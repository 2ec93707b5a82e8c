import { Badge, Box, Group, Progress, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { formatNumber } from "../../../lib/format";
import { stagesReportQuery } from "../api/deal-reports";
import { formatDays, formatRate } from "../model/money";
import type { ReportQuery } from "../model/types";
import { ExportButtons } from "./ExportButtons";

const right = { textAlign: "right" } as const;
const OUTCOME_COLORS: Record<string, string> = { open: "blue", won: "green", lost: "red" };

function Report({ query }: { query: ReportQuery }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useQuery(stagesReportQuery(query));
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const rows = q.data.rows;
  if (rows.length === 0) return <EmptyState>{t("dealReports.empty")}</EmptyState>;
  const most = Math.max(1, ...rows.map((r) => r.entered));
  const n = (v: number) => formatNumber(v, lang);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label={t("dealReports.stagesTitle")} data-testid="stages-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("dealReports.stage")}</Table.Th>
            <Table.Th scope="col" w="30%">
              {t("dealReports.funnel")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("dealReports.entered")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("dealReports.advanced")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("dealReports.conversion")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("dealReports.won")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("dealReports.averageDays")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.stage_id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Badge size="xs" variant="dot" color={OUTCOME_COLORS[r.outcome] ?? "gray"}>
                    {t(`dealReports.outcomes.${r.outcome}`, { defaultValue: r.outcome })}
                  </Badge>
                  <Text size="sm">{r.name}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Box>
                  <Progress.Root size="lg" aria-hidden>
                    <Progress.Section value={(r.entered / most) * 100} color="blue">
                      <Progress.Label>{n(r.entered)}</Progress.Label>
                    </Progress.Section>
                  </Progress.Root>
                </Box>
              </Table.Td>
              <Table.Td style={right}>{n(r.entered)}</Table.Td>
              <Table.Td style={right}>{n(r.advanced)}</Table.Td>
              <Table.Td style={right}>{formatRate(r.conversion_rate, lang)}</Table.Td>
              <Table.Td style={right}>{n(r.won)}</Table.Td>
              <Table.Td style={right}>{formatDays(r.average_seconds, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Per stage of one deal type: deals entered, how many went on (conversion), were won, and days spent there. */
export function StagesView({ query }: { query: ReportQuery | null }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("dealReports.stagesIntro")}
        </Text>
        <ExportButtons report="stages" query={query} />
      </Group>
      {query ? <Report query={query} /> : <EmptyState>{t("dealReports.chooseType")}</EmptyState>}
    </Stack>
  );
}
