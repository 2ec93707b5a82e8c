import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { personOptionsQuery } from "../api/person-options";

interface Option {
  value: string;
  label: string;
}

type Props = Omit<MultiSelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange" | "filter"> & {
  value: Option[];
  onChange: (chosen: Option[]) => void;
};

/**
 * Several persons, searched on the server as the user types. The chosen ones are kept with their labels:
 * a later search no longer returns them, but their chips must still say who they are.
 */
export function PersonMultiSelect({ value, onChange, ...rest }: Props) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const options = useQuery(personOptionsQuery(debounced));
  const found = (options.data ?? []).filter((o) => !value.some((v) => v.value === o.value));
  return (
    <MultiSelect
      data={[...value, ...found]}
      value={value.map((v) => v.value)}
      onChange={(ids) => {
        const known = [...value, ...found];
        onChange(ids.map((id) => known.find((o) => o.value === id) ?? { value: id, label: id }));
        // A pick ends that search: the next name starts from an empty box.
        setSearch("");
      }}
      hidePickedOptions
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={options.isFetching ? "…" : undefined}
      {...rest}
    />
  );
}
