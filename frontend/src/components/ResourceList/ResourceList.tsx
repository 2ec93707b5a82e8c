import { Badge, Button, Collapse, Group, Stack, Text } from "@mantine/core";
import { useContext, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import { toggleSort } from "../../lib/sort";
import type { Page } from "../../lib/api/types";
import { DataTable, type Column } from "../DataTable";
import { FilterBuilder } from "../FilterBuilder/FilterBuilder";
import type { FilterNode } from "../FilterBuilder/filter-node";
import { countConditions, fromFilterNode } from "../FilterBuilder/model";
import { EmptyState, ErrorState, LoadingState } from "../states";
import { ColumnChooser } from "./ColumnChooser";
import { ListSlotsContext, type ViewState } from "./slots";
import { useFieldMeta } from "./useFieldMeta";
import { useKeysetList, type FetchParams } from "./useKeysetList";

interface Props<T> {
  /** API resource name (users, roles, teams, api_keys, history): field metadata and saved views. */
  resource: string;
  queryKey: readonly unknown[];
  columns: Column<T>[];
  fetchPage: (p: FetchParams) => Promise<Page<T>>;
  getRowId: (row: T) => string;
  caption: string;
  defaultSort?: string;
  /** Shows the filter builder and saved views (the resource has POST /search). */
  filterable?: boolean;
  onRowOpen?: (row: T) => void;
  toolbar?: ReactNode;
  emptyText?: string;
}

/** The list every module uses: sortable headers, filter builder, saved views, columns, keyset "load more". */
export function ResourceList<T>(props: Props<T>) {
  const { t, i18n } = useTranslation();
  const { SavedViews } = useContext(ListSlotsContext);
  const [sort, setSort] = useState(props.defaultSort ?? "");
  const [filter, setFilter] = useState<FilterNode | null>(null);
  // Hidden rather than visible keys, so columns a page adds later (e.g. actions) show up by default.
  const [hidden, setHidden] = useState<string[]>([]);
  const allKeys = props.columns.map((c) => c.key);
  const visible = allKeys.filter((k) => !hidden.includes(k));
  const setVisible = (keys: string[]) => setHidden(allKeys.filter((k) => !keys.includes(k)));
  const [builderOpen, setBuilderOpen] = useState(false);
  const [builderKey, setBuilderKey] = useState(0);
  const meta = useFieldMeta(props.resource, Boolean(props.filterable));
  const list = useKeysetList(["list", props.resource, ...props.queryKey], props.fetchPage, sort, filter);

  const sortable = (field: string) => {
    const fields = meta.data;
    return fields ? Boolean(fields.find((f) => f.name === field)?.sortable) : true;
  };
  const applyView = (v: ViewState) => {
    setFilter(v.filter);
    setSort(v.sort);
    setVisible(v.columns?.length ? v.columns : allKeys);
    setBuilderKey((k) => k + 1);
  };
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const conditions = countConditions(fromFilterNode(filter));
  const shown = props.columns.filter((c) => visible.includes(c.key));
  // Custom fields carry their administrator's label; built-in ones are translated.
  const fieldLabel = (name: string) => meta.data?.find((f) => f.name === name)?.label || t(`fields.${name}`, { defaultValue: name });

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">{props.toolbar}</Group>
        <Group gap="xs">
          {props.filterable && (
            <Button size="xs" variant={builderOpen ? "filled" : "default"} onClick={() => setBuilderOpen((o) => !o)} aria-expanded={builderOpen}>
              {t("filter.title")}
              {conditions > 0 && (
                <Badge ml={6} size="xs" circle>
                  {conditions}
                </Badge>
              )}
            </Button>
          )}
          {props.filterable && SavedViews && (
            <SavedViews resource={props.resource} current={{ filter, sort, columns: visible }} onApply={applyView} />
          )}
          <ColumnChooser columns={props.columns} visible={visible} onChange={setVisible} />
        </Group>
      </Group>
      {props.filterable && (
        <Collapse expanded={builderOpen}>
          {meta.isError ? (
            <ErrorState error={meta.error} onRetry={() => void meta.refetch()} />
          ) : meta.data ? (
            <FilterBuilder key={builderKey} fields={meta.data} value={filter} onApply={setFilter} fieldLabel={fieldLabel} />
          ) : (
            <LoadingState />
          )}
        </Collapse>
      )}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>{props.emptyText ?? t("table.empty")}</EmptyState>
      ) : (
        <>
          <DataTable
            columns={shown}
            rows={rows}
            getRowId={props.getRowId}
            caption={props.caption}
            sort={sort}
            sortable={sortable}
            onSortToggle={(field, additive) => setSort((s) => toggleSort(s, field, additive))}
            onRowOpen={props.onRowOpen}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {typeof total === "number"
                ? t("table.showingOf", { shown: formatNumber(rows.length, i18n.language), total: formatNumber(total, i18n.language) })
                : t("table.showing", { shown: formatNumber(rows.length, i18n.language) })}
            </Text>
            {list.hasNextPage && (
              <Button size="xs" variant="light" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t("table.loadMore")}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
