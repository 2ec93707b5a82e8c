import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { personOptionsQuery } from "../api/person-options";

type Props = Omit<SelectProps, "data" | "searchValue" | "onSearchChange" | "filter" | "onChange"> & {
  value: string | null;
  onChange: (id: string | null) => void;
};

/** One person, searched on the server by name or email as the user types. */
export function PersonSelect({ value, onChange, ...rest }: Props) {
  const [search, setSearch] = useState("");
  const [label, setLabel] = useState<string | null>(null);
  // The box shows the chosen person's label: that is not a search for it.
  const [debounced] = useDebouncedValue(value && search === label ? "" : search, 250);
  const options = useQuery(personOptionsQuery(debounced));
  const found = options.data ?? [];
  const data = value && label && !found.some((o) => o.value === value) ? [{ value, label }, ...found] : found;
  return (
    <Select
      data={data}
      value={value}
      onChange={(id, option) => {
        setLabel(option?.label ?? null);
        onChange(id);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={options.isFetching ? "…" : undefined}
      {...rest}
    />
  );
}
