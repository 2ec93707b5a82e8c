import { Anchor, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useListItemName } from "../../../components/ListItemSelect";
import { formatCalendarDate, formatDateTime } from "../../../lib/format";
import { companyAmountQuery } from "../api/options";
import { formatAmount } from "../model/money";
import type { Deal, DealType } from "../model/types";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children || "—"}
      </Text>
    </Stack>
  );
}

/** Who and how much: partner, owner, amounts (with the company-currency value), dates, reasons. */
export function DealFacts({ deal, type }: { deal: Deal; type: DealType | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const source = useListItemName("deal_sources");
  const amount = deal.expected_amount;
  const converted = useQuery({ ...companyAmountQuery(amount ?? 0, deal.currency), enabled: amount !== null && amount !== undefined });
  const company =
    converted.data && converted.data.company_currency !== deal.currency
      ? formatAmount(converted.data.company_amount, converted.data.company_currency, lang)
      : null;
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={2} spacing="sm">
        <Fact label={t("deals.fields.partner_id")}>
          <Anchor component={Link} to={`/partners/${deal.partner_id}`} data-testid="deal-partner">
            {deal.partner_name ?? deal.partner_id}
          </Anchor>
        </Fact>
        <Fact label={t("deals.fields.owner_id")}>{deal.owner_name}</Fact>
        <Fact label={t("deals.fields.type_id")}>{type ? `${type.name} · ${t(`deals.kinds.${type.kind}`, { defaultValue: type.kind })}` : ""}</Fact>
        <Fact label={t("deals.fields.source_id")}>{source(deal.source_id)}</Fact>
        <Fact label={t("deals.fields.expected_amount")} testId="deal-amount">
          {formatAmount(amount, deal.currency, lang)}
          {company && (
            <Text span size="xs" c="dimmed" data-testid="deal-amount-company">
              {" "}
              ≈ {company}
            </Text>
          )}
        </Fact>
        <Fact label={t("deals.fields.expected_close_on")}>{formatCalendarDate(deal.expected_close_on, lang)}</Fact>
        {deal.status === "won" && (
          <>
            <Fact label={t("deals.fields.realised_amount", { currency: deal.currency })} testId="deal-realised">
              {formatAmount(deal.realised_amount, deal.currency, lang)}
            </Fact>
            <Fact label={t("deals.fields.realised_on")}>{formatCalendarDate(deal.realised_on, lang)}</Fact>
          </>
        )}
        {deal.close_reason && <Fact label={t("deals.fields.close_reason")}>{deal.close_reason}</Fact>}
        <Fact label={t("deals.fields.stage_entered_at")}>{formatDateTime(deal.stage_entered_at, lang)}</Fact>
        {deal.stage_due_at && <Fact label={t("deals.fields.stage_due_at")}>{formatDateTime(deal.stage_due_at, lang)}</Fact>}
      </SimpleGrid>
    </Paper>
  );
}
