import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { formatCalendarDate, formatMoney, formatNumber, intlLocale } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { convertQuery, deleteRate, ratesKey, ratesQuery, setRate } from "../api/exchange-rates";
import { adminError } from "../model/errors";
import { parseAmount, parseRate } from "../model/money";
import type { ExchangeRate } from "../model/types";

const today = () => new Date().toISOString().slice(0, 10);
const isCurrency = (c: string) => /^[A-Z]{3}$/.test(c);

function RateForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const [currency, setCurrency] = useState("");
  const [day, setDay] = useState(today());
  const [rate, setRateText] = useState("");
  const [errors, setErrors] = useState<{ currency?: string; rate?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = parseRate(rate);
    const found = { currency: isCurrency(currency) ? undefined : t("dealAdmin.currencyHint"), rate: value === null ? t("dealAdmin.rates.badRate") : undefined };
    setErrors(found);
    if (found.currency || found.rate || value === null) return;
    setSaving(true);
    setError(null);
    try {
      await setRate({ currency, rate_date: day, rate: value });
      toastSuccess(t("dealAdmin.rates.saved"));
      setRateText("");
      onSaved();
    } catch (err) {
      setError(adminError(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t("dealAdmin.rates.add")}>
      <Stack gap="xs">
        {error && (
          <Alert color="red" role="alert" style={{ whiteSpace: "pre-line" }}>
            {error}
          </Alert>
        )}
        <Group align="flex-start">
          <TextInput
            label={t("dealAdmin.rates.currency")}
            required
            maxLength={3}
            w={110}
            value={currency}
            error={errors.currency}
            onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
          />
          <TextInput type="date" label={t("dealAdmin.rates.date")} required value={day} onChange={(e) => setDay(e.currentTarget.value)} />
          <TextInput label={t("dealAdmin.rates.rate")} required inputMode="decimal" w={160} value={rate} error={errors.rate} onChange={(e) => setRateText(e.currentTarget.value)} />
          <Button type="submit" mt={25} loading={saving} data-testid="save-rate">
            {t("dealAdmin.rates.save")}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t("dealAdmin.rates.replaceHint")}
        </Text>
      </Stack>
    </form>
  );
}

function Converter() {
  const { t, i18n } = useTranslation();
  const [amount, setAmount] = useState("100");
  const [currency, setCurrency] = useState("");
  const [on, setOn] = useState("");
  const [asked, setAsked] = useState<{ amount: number; currency: string; on: string } | null>(null);
  const [bad, setBad] = useState(false);
  const result = useQuery({ ...convertQuery(asked?.amount ?? 0, asked?.currency ?? "", asked?.on ?? ""), enabled: asked !== null });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minor = parseAmount(amount);
    const ok = minor !== null && isCurrency(currency);
    setBad(!ok);
    if (ok) setAsked({ amount: minor, currency, on });
  };
  const money = (minor: number, cur: string) => (isCurrency(cur) ? formatMoney(minor, cur, i18n.language) : String(minor));
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t("dealAdmin.rates.converter")}>
        <Stack gap="xs">
          <Text fw={600}>{t("dealAdmin.rates.converter")}</Text>
          <Group align="flex-start">
            <TextInput label={t("dealAdmin.rates.amount")} inputMode="decimal" w={140} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} />
            <TextInput label={t("dealAdmin.rates.currency")} maxLength={3} w={110} value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} />
            <TextInput type="date" label={t("dealAdmin.rates.on")} value={on} onChange={(e) => setOn(e.currentTarget.value)} />
            <Button type="submit" variant="light" mt={25}>
              {t("dealAdmin.rates.convert")}
            </Button>
          </Group>
          {bad && (
            <Text size="sm" c="red">
              {t("dealAdmin.rates.convertHint")}
            </Text>
          )}
          {asked && result.isError && (
            <Text size="sm" c="red" role="alert">
              {adminError(t, result.error)}
            </Text>
          )}
          {asked && result.data && (
            <Text size="sm" data-testid="conversion">
              {t("dealAdmin.rates.result", {
                from: money(result.data.amount, result.data.currency),
                to: money(result.data.company_amount, result.data.company_currency),
                rate: formatNumber(result.data.rate, i18n.language),
                date: result.data.rate_date ? formatCalendarDate(result.data.rate_date, i18n.language) : "—",
              })}
            </Text>
          )}
        </Stack>
      </form>
    </Card>
  );
}

/** Exchange rates into the company currency, one per currency and day, and a small converter. */
export default function ExchangeRatesPage() {
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const [filter, setFilter] = useState("");
  const list = useQuery(ratesQuery(isCurrency(filter) ? filter : ""));
  const first = list.data?.[0];
  // The company currency comes with a conversion: convert nothing in a currency we know a rate of.
  const company = useQuery({ ...convertQuery(0, first?.currency ?? "", ""), enabled: Boolean(first) });
  const [error, setError] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const reload = () => qc.invalidateQueries({ queryKey: ratesKey });
  const remove = async (r: ExchangeRate) => {
    if (!(await confirm({ title: t("common.delete"), message: t("dealAdmin.rates.deleteConfirm", { currency: r.currency, date: r.rate_date }), danger: true, confirmLabel: t("common.delete") }))) return;
    setError(null);
    try {
      await deleteRate(r);
      toastSuccess(t("dealAdmin.rates.deleted"));
    } catch (err) {
      setError(adminError(t, err));
    }
    await reload();
  };
  const rows = [...(list.data ?? [])].sort((a, b) => b.rate_date.localeCompare(a.rate_date) || a.currency.localeCompare(b.currency));
  return (
    <Stack>
      <Title order={2}>{t("dealAdmin.rates.title")}</Title>
      <Text c="dimmed" size="sm">
        {company.data ? t("dealAdmin.rates.introWith", { currency: company.data.company_currency }) : t("dealAdmin.rates.intro")}
      </Text>
      {can(grants, "exchange_rates", "create") && <RateForm onSaved={() => void reload()} />}
      <Converter />
      <Group align="flex-end">
        <TextInput label={t("dealAdmin.rates.filter")} maxLength={3} w={160} value={filter} onChange={(e) => setFilter(e.currentTarget.value.toUpperCase())} />
      </Group>
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>{t("dealAdmin.rates.empty")}</EmptyState>
      ) : (
        <Table striped aria-label={t("dealAdmin.rates.title")} data-testid="rates-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("dealAdmin.rates.currency")}</Table.Th>
              <Table.Th scope="col">{t("dealAdmin.rates.date")}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {t("dealAdmin.rates.rate")}
              </Table.Th>
              <Table.Th scope="col">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.currency}</Table.Td>
                <Table.Td>{formatCalendarDate(r.rate_date, i18n.language)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 6 }).format(r.rate)}</Table.Td>
                <Table.Td>
                  {can(grants, "exchange_rates", "delete") && (
                    <Button size="compact-xs" variant="light" color="red" onClick={() => void remove(r)}>
                      {t("common.delete")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {confirmDialog}
    </Stack>
  );
}
