import { Group, SegmentedControl, Stack, Table, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import type { ReportGroupBy } from "../../../lib/api/types";
import { formatMinutes, formatMoney, formatNumber } from "../../../lib/format";
import { contactCostQuery } from "../api/contact-cost";
import { dayStart, isoDay, totals } from "../model/report";

const GROUPS: ReportGroupBy[] = ["partner", "user", "month"];

export default function ContactCostPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const now = new Date();
  const [from, setFrom] = useState(isoDay(new Date(now.getFullYear(), now.getMonth(), 1)));
  const [to, setTo] = useState(isoDay(now));
  const [groupBy, setGroupBy] = useState<ReportGroupBy>("partner");
  const fromAt = dayStart(from);
  const toAt = dayStart(to, true);
  const q = useQuery({ ...contactCostQuery(fromAt ?? "", toAt ?? "", groupBy), enabled: Boolean(fromAt && toAt) });
  const money = (amount: number, currency?: string | null) => (currency ? formatMoney(amount, currency, lang) : "—");
  const sum = q.data ? totals(q.data.rows) : null;
  return (
    <Stack>
      <Title order={2}>{t("reports.contactCost.title")}</Title>
      <Group align="flex-end">
        <TextInput type="date" label={t("reports.from")} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t("reports.to")} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <SegmentedControl
          aria-label={t("reports.groupBy")}
          value={groupBy}
          onChange={(v) => setGroupBy(v as ReportGroupBy)}
          data={GROUPS.map((g) => ({ value: g, label: t(`reports.groups.${g}`) }))}
        />
      </Group>
      {!fromAt || !toAt ? null : q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data.rows.length ? (
        <EmptyState>{t("reports.empty")}</EmptyState>
      ) : (
        <Table striped aria-label={t("reports.contactCost.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`reports.groups.${groupBy}`)}</Table.Th>
              <Table.Th style={{ textAlign: "right" }}>{t("reports.activities")}</Table.Th>
              <Table.Th style={{ textAlign: "right" }}>{t("reports.time")}</Table.Th>
              <Table.Th style={{ textAlign: "right" }}>{t("reports.cost")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.rows.map((r) => (
              <Table.Tr key={r.key ?? `none-${r.label}`}>
                <Table.Td>{r.key ? r.label : r.label || t("reports.none")}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{formatNumber(r.activities, lang)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{formatMinutes(r.minutes)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{money(r.cost, r.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {sum && (
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td>{t("reports.total")}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{formatNumber(sum.activities, lang)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{formatMinutes(sum.minutes)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{sum.cost.length ? sum.cost.map((c) => money(c.amount, c.currency)).join(" + ") : "—"}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      )}
    </Stack>
  );
}
