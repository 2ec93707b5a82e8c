import { Select, type SelectProps } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { territoriesQuery } from "./territories-query";
import { territoryOptions } from "./tree";

type Props = Omit<SelectProps, "data"> & { value?: string | null };

/** One territory, labelled with its path ("Croatia › Dalmatia › Split"). */
export function TerritorySelect({ value = null, ...rest }: Props) {
  const territories = useQuery(territoriesQuery);
  return <Select data={territoryOptions(territories.data ?? [])} value={value} searchable clearable {...rest} />;
}
