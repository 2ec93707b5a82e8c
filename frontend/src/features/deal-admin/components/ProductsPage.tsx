import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Tabs, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useConfirm } from "../../../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { formatNumber } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { deleteProduct, productsKey, productsQuery } from "../api/products";
import { adminError } from "../model/errors";
import { bpToPercent } from "../model/money";
import type { Product } from "../model/types";
import { PriceListsPanel } from "./PriceListsPanel";
import { ProductModal } from "./ProductModal";

type ActiveFilter = "all" | "active" | "inactive";

function ProductsPanel() {
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [active, setActive] = useState<ActiveFilter>("all");
  const list = useInfiniteQuery(productsQuery(q, active === "all" ? null : active === "active"));
  const [edit, setEdit] = useState<string | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const reload = () => qc.invalidateQueries({ queryKey: productsKey });
  const remove = async (p: Product) => {
    if (!(await confirm({ title: t("common.delete"), message: t("dealAdmin.products.deleteConfirm", { name: p.name }), danger: true, confirmLabel: t("common.delete") }))) return;
    setError(null);
    try {
      await deleteProduct(p);
      toastSuccess(t("dealAdmin.products.deleted"));
    } catch (err) {
      setError(adminError(t, err));
    }
    await reload();
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <TextInput type="search" label={t("common.search")} placeholder={t("dealAdmin.products.searchHint")} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <SegmentedControl
            aria-label={t("dealAdmin.products.active")}
            value={active}
            onChange={(v) => setActive(v === "active" || v === "inactive" ? v : "all")}
            data={[
              { value: "all", label: t("dealAdmin.filterAll") },
              { value: "active", label: t("dealAdmin.filterActive") },
              { value: "inactive", label: t("dealAdmin.filterInactive") },
            ]}
          />
        </Group>
        {can(grants, "products", "create") && (
          <Button onClick={() => setEdit("new")} data-testid="new-product">
            {t("dealAdmin.products.new")}
          </Button>
        )}
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
      ) : items.length === 0 ? (
        <EmptyState>{t("dealAdmin.products.empty")}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t("dealAdmin.products.title")} data-testid="products-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("dealAdmin.products.code")}</Table.Th>
                <Table.Th scope="col">{t("dealAdmin.products.name")}</Table.Th>
                <Table.Th scope="col">{t("dealAdmin.products.kind")}</Table.Th>
                <Table.Th scope="col">{t("dealAdmin.products.unit")}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {t("dealAdmin.products.vat")}
                </Table.Th>
                <Table.Th scope="col">{t("dealAdmin.products.active")}</Table.Th>
                <Table.Th scope="col">{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.code}</Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{t(`dealAdmin.productKinds.${p.kind}`, { defaultValue: p.kind })}</Table.Td>
                  <Table.Td>{p.unit}</Table.Td>
                  <Table.Td style={{ textAlign: "right" }}>{formatNumber(bpToPercent(p.vat_rate_bp), i18n.language)} %</Table.Td>
                  <Table.Td>
                    <Badge color={p.active ? "green" : "gray"}>{p.active ? t("common.yes") : t("common.no")}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {can(grants, "products", "update") && (
                        <Button size="compact-xs" variant="default" onClick={() => setEdit(p.id)}>
                          {t("dealAdmin.edit")}
                        </Button>
                      )}
                      {can(grants, "products", "delete") && (
                        <Button size="compact-xs" variant="light" color="red" onClick={() => void remove(p)}>
                          {t("common.delete")}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t("dealAdmin.loadMore")}
          </Button>
        </Group>
      )}
      {edit && (
        <ProductModal
          productId={edit === "new" ? null : edit}
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

/** Products and services with their prices, and the price lists those prices are on. */
export default function ProductsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "price-lists" ? "price-lists" : "products";
  return (
    <Stack>
      <Title order={2}>{t("dealAdmin.products.title")}</Title>
      <Tabs value={tab} onChange={(v) => setParams(v === "price-lists" ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="products">{t("dealAdmin.products.tab")}</Tabs.Tab>
          <Tabs.Tab value="price-lists">{t("dealAdmin.priceLists.title")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="products" pt="md">
          <ProductsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="price-lists" pt="md">
          <PriceListsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
