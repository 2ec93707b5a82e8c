import { Select, type SelectProps } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { branchOptionsQuery } from "../api/links";

type Props = Omit<SelectProps, "data"> & { partnerId: string | null; value?: string | null };

/** A branch of the chosen partner (disabled until there is one). */
export function BranchSelect({ partnerId, value = null, disabled, ...rest }: Props) {
  const branches = useQuery({ ...branchOptionsQuery(partnerId ?? ""), enabled: Boolean(partnerId) });
  const data = branches.data ?? [];
  const all = value && !data.some((o) => o.value === value) ? [{ value, label: value }, ...data] : data;
  return <Select data={all} value={value} searchable clearable disabled={disabled || !partnerId} {...rest} />;
}
