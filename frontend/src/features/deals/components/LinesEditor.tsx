import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/RecordForm";
import { errorMessage } from "../../../lib/errors";
import { toastSuccess } from "../../../lib/toast";
import { updateDeal } from "../api/deals";
import { priceListsQuery, productOptionsQuery } from "../api/options";
import { formatAmount } from "../model/money";
import type { Deal, Product } from "../model/types";
import { emptyLine, lineToValues, rowNet, rowsTotal, toLinesBody, type LineValues } from "../model/values";
import { isConflict } from "./move-error";

interface Props {
  deal: Deal;
  canEdit: boolean;
  onRecord: (d: Deal) => void;
  /** A 412: someone else changed the deal; the page reloads it. */
  onConflict: () => void;
}

function ProductSelect({ value, onPick, label, disabled }: { value: string | null; onPick: (p: Product | null) => void; label: string; disabled: boolean }) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<Product | null>(null);
  const options = useQuery(productOptionsQuery(debounced));
  const found = options.data ?? [];
  const all = picked && !found.some((p) => p.id === picked.id) ? [picked, ...found] : found;
  const data = all.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }));
  if (value && !data.some((o) => o.value === value)) data.unshift({ value, label: value });
  return (
    <Select
      size="xs"
      aria-label={label}
      placeholder={label}
      data={data}
      value={value}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      onChange={(id) => {
        const p = all.find((x) => x.id === id) ?? null;
        setPicked(p);
        onPick(p);
      }}
      w={200}
      disabled={disabled}
    />
  );
}

/** The deal's lines: products (priced from a price list) or free text; net amounts and the total. Saved as a whole. */
export function LinesEditor({ deal, canEdit, onRecord, onConflict }: Props) {
  const { t, i18n } = useTranslation();
  const initial = () => deal.lines.map((l) => lineToValues(l, deal.currency));
  const [rows, setRows] = useState<LineValues[]>(initial);
  const [dirty, setDirty] = useState(false);
  const [priceList, setPriceList] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lists = useQuery(priceListsQuery);
  const money = (minor: number | null | undefined) => formatAmount(minor, deal.currency, i18n.language);
  const set = (key: string, patch: Partial<LineValues>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await updateDeal(deal, { lines: toLinesBody(rows, deal.currency, priceList) });
      toastSuccess(t("form.saved"));
      setRows(saved.lines.map((l) => lineToValues(l, saved.currency)));
      setDirty(false);
      onRecord(saved);
    } catch (err) {
      if (isConflict(err)) {
        setError(t("deals.conflict"));
        setRows(initial());
        setDirty(false);
        onConflict();
      } else setError(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };
  const savedNet = (key: string) => deal.lines.find((l) => l.id === key)?.net_amount;
  return (
    <Stack gap="sm" data-testid="deal-lines">
      <FormError message={error} />
      {canEdit && (
        <Group gap="xs">
          <Select
            size="xs"
            w={240}
            label={t("deals.lines.priceList")}
            description={t("deals.lines.priceListHint")}
            clearable
            data={(lists.data ?? []).filter((l) => l.active && l.currency === deal.currency).map((l) => ({ value: l.id, label: `${l.name} (${l.currency})` }))}
            value={priceList}
            onChange={setPriceList}
          />
        </Group>
      )}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("deals.lines.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={4}>
            <caption className="visually-hidden">{t("deals.lines.title")}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("deals.lines.product")}</Table.Th>
                <Table.Th>{t("deals.lines.description")}</Table.Th>
                <Table.Th>{t("deals.lines.quantity")}</Table.Th>
                <Table.Th>{t("deals.lines.unit")}</Table.Th>
                <Table.Th>{t("deals.lines.unitPrice")}</Table.Th>
                <Table.Th>{t("deals.lines.discount")}</Table.Th>
                <Table.Th>{t("deals.lines.vat")}</Table.Th>
                <Table.Th>{t("deals.lines.net")}</Table.Th>
                {canEdit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const n = i + 1;
                const net = rowNet(r, deal.currency) ?? (dirty ? null : savedNet(r.key));
                return (
                  <Table.Tr key={r.key}>
                    <Table.Td>
                      <ProductSelect
                        label={t("deals.lines.productOf", { n })}
                        value={r.product_id}
                        disabled={!canEdit}
                        onPick={(p) =>
                          set(r.key, p ? { product_id: p.id, description: r.description || p.name, unit: p.unit, vat: p.vat_rate_bp / 100 } : { product_id: null })
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={t("deals.lines.descriptionOf", { n })} value={r.description} disabled={!canEdit} onChange={(e) => set(r.key, { description: e.currentTarget.value })} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput size="xs" w={80} min={0} decimalScale={3} aria-label={t("deals.lines.quantityOf", { n })} value={r.quantity} disabled={!canEdit} onChange={(v) => set(r.key, { quantity: typeof v === "number" ? v : "" })} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" w={60} aria-label={t("deals.lines.unitOf", { n })} value={r.unit} disabled={!canEdit} onChange={(e) => set(r.key, { unit: e.currentTarget.value })} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        w={110}
                        min={0}
                        decimalScale={2}
                        aria-label={t("deals.lines.unitPriceOf", { n })}
                        placeholder={r.product_id ? t("deals.lines.fromPriceList") : undefined}
                        value={r.unit_price}
                        disabled={!canEdit}
                        onChange={(v) => set(r.key, { unit_price: typeof v === "number" ? v : "" })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput size="xs" w={70} min={0} max={100} decimalScale={2} suffix=" %" aria-label={t("deals.lines.discountOf", { n })} value={r.discount} disabled={!canEdit} onChange={(v) => set(r.key, { discount: typeof v === "number" ? v : "" })} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput size="xs" w={70} min={0} max={100} decimalScale={2} suffix=" %" aria-label={t("deals.lines.vatOf", { n })} value={r.vat} disabled={!canEdit} onChange={(v) => set(r.key, { vat: typeof v === "number" ? v : "" })} />
                    </Table.Td>
                    <Table.Td ta="right" data-testid={`line-net-${n}`}>
                      {net === null || net === undefined ? "—" : money(net)}
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("deals.lines.remove", { n })}
                          onClick={() => {
                            setRows((rs) => rs.filter((x) => x.key !== r.key));
                            setDirty(true);
                          }}
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={7} ta="right">
                  {t("deals.lines.total")}
                </Table.Th>
                <Table.Th ta="right" data-testid="lines-total">
                  {money(dirty ? rowsTotal(rows, deal.currency) : (deal.lines_total ?? rowsTotal(rows, deal.currency)))}
                </Table.Th>
                {canEdit && <Table.Th />}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && (
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              setRows((rs) => [...rs, emptyLine()]);
              setDirty(true);
            }}
          >
            {t("deals.lines.add")}
          </Button>
          <Button size="xs" onClick={() => void save()} loading={saving} disabled={!dirty}>
            {t("deals.lines.save")}
          </Button>
          {dirty && (
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setRows(initial());
                setDirty(false);
              }}
            >
              {t("form.discard")}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
