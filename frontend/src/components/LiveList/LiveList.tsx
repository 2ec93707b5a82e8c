import { Button, Group, Stack, Text } from "@mantine/core";
import type { UseInfiniteQueryResult, InfiniteData } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Page } from "../../lib/api/types";
import { formatNumber } from "../../lib/format";
import { DataTable, type Column } from "../DataTable";
import { EmptyState, ErrorState, LoadingState } from "../states";

interface Props<T> {
  list: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  columns: Column<T>[];
  getRowId: (row: T) => string;
  caption: string;
  emptyText: string;
  onRowOpen?: (row: T) => void;
}

/** The table of a `useLiveKeysetList`: loading, error and empty states, the rows, and "load more". */
export function LiveList<T>({ list, columns, getRowId, caption, emptyText, onRowOpen }: Props<T>) {
  const { t, i18n } = useTranslation();
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  const total = list.data.pages[0]?.total;
  return (
    <Stack gap="sm">
      <DataTable columns={columns} rows={rows} getRowId={getRowId} caption={caption} onRowOpen={onRowOpen} />
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
    </Stack>
  );
}
