import { Table } from "@mantine/core";
import { SortHeader, ariaSort } from "./SortHeader";
import { handleRowKeyDown } from "./rowKeys";
import type { Column } from "./types";

interface Props<T> {
  columns: Column<T>[];
  rows: T[];
  getRowId: (row: T) => string;
  caption: string;
  sort?: string;
  sortable?: (field: string) => boolean;
  onSortToggle?: (field: string, additive: boolean) => void;
  onRowOpen?: (row: T) => void;
}

export function DataTable<T>({ columns, rows, getRowId, caption, sort = "", sortable, onSortToggle, onRowOpen }: Props<T>) {
  const canSort = (c: Column<T>) => Boolean(c.sortField && onSortToggle && (sortable ? sortable(c.sortField) : true));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover={Boolean(onRowOpen)} striped verticalSpacing="xs">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" aria-sort={canSort(c) ? ariaSort(sort, c.sortField) : undefined}>
                {canSort(c) && c.sortField && onSortToggle ? (
                  <SortHeader label={c.header} field={c.sortField} sort={sort} onToggle={onSortToggle} />
                ) : (
                  c.header
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={getRowId(row)}
              tabIndex={onRowOpen ? 0 : undefined}
              className={onRowOpen ? "clickable-row" : undefined}
              onClick={onRowOpen ? () => onRowOpen(row) : undefined}
              onKeyDown={onRowOpen ? (e) => handleRowKeyDown(e, () => onRowOpen(row)) : undefined}
            >
              {columns.map((c) => (
                <Table.Td key={c.key}>{c.render(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
