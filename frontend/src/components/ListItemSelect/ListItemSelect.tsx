import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { listItemsQuery, listOptions } from "./list-items";

type SingleProps = Omit<SelectProps, "data"> & { list: string; value?: string | null };

/** One item of a managed list, by id (legal form, partner group, lead source, ...). */
export function ListItemSelect({ list, value = null, ...rest }: SingleProps) {
  const items = useQuery(listItemsQuery(list));
  const data = listOptions(items.data ?? [], value ? [value] : []);
  return <Select data={data} value={value} searchable clearable {...rest} />;
}

type MultiProps = Omit<MultiSelectProps, "data"> & { list: string; value?: string[] };

/** Several items of a managed list, by code (tags are stored by code). */
export function ListItemMultiSelect({ list, value = [], ...rest }: MultiProps) {
  const items = useQuery(listItemsQuery(list));
  const known = listOptions(items.data ?? [], value, "code");
  // Codes that are no longer in the list still show rather than vanish.
  const data = [...known, ...value.filter((c) => !known.some((o) => o.value === c)).map((c) => ({ value: c, label: c }))];
  return <MultiSelect data={data} value={value} searchable {...rest} />;
}
