import { Alert, Badge, Button, Group, Modal, Stack, Switch, Table, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { createPriceList, deletePriceList, priceListsKey, priceListsQuery, productsKey, updatePriceList } from "../api/products";
import { adminError } from "../model/errors";
import type { PriceList } from "../model/types";

function PriceListModal({ list, onClose, onSaved }: { list: PriceList | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(list?.name ?? "");
  const [currency, setCurrency] = useState(list?.currency ?? "EUR");
  const [active, setActive] = useState(list?.active ?? true);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = list ? t("dealAdmin.priceLists.editTitle") : t("dealAdmin.priceLists.new");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = { name: name.trim(), currency: currency.trim().toUpperCase(), active };
      if (list) await updatePriceList(list, body);
      else await createPriceList(body);
      toastSuccess(t("dealAdmin.priceLists.saved"));
      onSaved();
    } catch (err) {
      setError(adminError(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack>
          {error && (
            <Alert color="red" role="alert" style={{ whiteSpace: "pre-line" }}>
              {error}
            </Alert>
          )}
          <TextInput label={t("dealAdmin.priceLists.name")} required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput
            label={t("dealAdmin.priceLists.currency")}
            description={t("dealAdmin.currencyHint")}
            required
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
          />
          <Switch label={t("dealAdmin.priceLists.active")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={saving}>
              {list ? t("common.save") : t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The price lists (name, currency, active) that products have their prices on. */
export function PriceListsPanel() {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const lists = useQuery(priceListsQuery);
  const [edit, setEdit] = useState<PriceList | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const reload = async () => {
    await qc.invalidateQueries({ queryKey: priceListsKey });
    await qc.invalidateQueries({ queryKey: productsKey });
  };
  const remove = async (l: PriceList) => {
    if (!(await confirm({ title: t("common.delete"), message: t("dealAdmin.priceLists.deleteConfirm", { name: l.name }), danger: true, confirmLabel: t("common.delete") }))) return;
    setError(null);
    try {
      await deletePriceList(l);
      toastSuccess(t("dealAdmin.priceLists.deleted"));
    } catch (err) {
      setError(adminError(t, err));
    }
    await reload();
  };
  return (
    <Stack>
      {can(grants, "products", "create") && (
        <Group>
          <Button onClick={() => setEdit("new")} data-testid="new-price-list">
            {t("dealAdmin.priceLists.new")}
          </Button>
        </Group>
      )}
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {lists.isPending ? (
        <LoadingState />
      ) : lists.isError ? (
        <ErrorState error={lists.error} onRetry={() => void lists.refetch()} />
      ) : lists.data.length === 0 ? (
        <EmptyState>{t("dealAdmin.priceLists.empty")}</EmptyState>
      ) : (
        <Table striped aria-label={t("dealAdmin.priceLists.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("dealAdmin.priceLists.name")}</Table.Th>
              <Table.Th scope="col">{t("dealAdmin.priceLists.currency")}</Table.Th>
              <Table.Th scope="col">{t("dealAdmin.priceLists.active")}</Table.Th>
              <Table.Th scope="col">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lists.data.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td>{l.currency}</Table.Td>
                <Table.Td>
                  <Badge color={l.active ? "green" : "gray"}>{l.active ? t("common.yes") : t("common.no")}</Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {can(grants, "products", "update") && (
                      <Button size="compact-xs" variant="default" onClick={() => setEdit(l)}>
                        {t("dealAdmin.edit")}
                      </Button>
                    )}
                    {can(grants, "products", "delete") && (
                      <Button size="compact-xs" variant="light" color="red" onClick={() => void remove(l)}>
                        {t("common.delete")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {edit && (
        <PriceListModal
          list={edit === "new" ? null : edit}
          onClose={() => setEdit(null)}
          onSaved={() => {
            setEdit(null);
            void reload();
          }}
        />
      )}
      {confirmDialog}
    </Stack>
  );
}
