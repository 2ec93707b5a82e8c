import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { partnerNameQuery, partnerOptionsQuery } from "../api/links";

type Props = Omit<SelectProps, "data" | "searchValue" | "onSearchChange" | "filter"> & { value?: string | null };

/** A partner the caller can see, searched on the server by name, tax id or city as the user types. */
export function PartnerSelect({ value = null, ...rest }: Props) {
  const [search, setSearch] = useState("");
  const current = useQuery({ ...partnerNameQuery(value ?? ""), enabled: Boolean(value) });
  // The box shows the chosen partner's label: that is not a search for it.
  const [debounced] = useDebouncedValue(value && search === current.data ? "" : search, 250);
  const options = useQuery(partnerOptionsQuery(debounced));
  const found = options.data ?? [];
  const data =
    value && !found.some((o) => o.value === value) ? [{ value, label: current.data ?? value }, ...found] : found;
  return (
    <Select
      data={data}
      value={value}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; the selected label must not hide the other options.
      filter={({ options: all }) => all}
      nothingFoundMessage={options.isFetching ? "…" : undefined}
      {...rest}
    />
  );
}
