import { Select, type SelectProps } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { listItemsQuery, listOptions } from "../../../components/ListItemSelect";
import { territoriesQuery, territoryOptions } from "../../../components/TerritorySelect";
import { assignmentUsersQuery } from "../api/users";

/** Selects hold "" for "any"; the sentinel stands for it in Mantine (which treats "" as nothing chosen). */
const ANY = "*";
type Props = Omit<SelectProps, "data" | "value" | "onChange"> & { value: string | null; onChange: (v: string | null) => void };

function AnySelect({ value, onChange, anyLabel, data, ...rest }: Props & { anyLabel: string; data: { value: string; label: string }[] }) {
  return (
    <Select
      size="xs"
      searchable
      allowDeselect={false}
      data={[{ value: ANY, label: anyLabel }, ...data]}
      value={value ?? ANY}
      onChange={(v) => onChange(!v || v === ANY ? null : v)}
      {...rest}
    />
  );
}

/** A territory by its path, or anywhere. */
export function RuleTerritorySelect(props: Props) {
  const { t } = useTranslation();
  const territories = useQuery(territoriesQuery);
  return <AnySelect anyLabel={t("assignment.anywhere")} data={territoryOptions(territories.data ?? [])} {...props} />;
}

/** A partner group, or any group. */
export function RuleGroupSelect(props: Props) {
  const { t } = useTranslation();
  const items = useQuery(listItemsQuery("partner_groups"));
  return <AnySelect anyLabel={t("assignment.anyGroup")} data={listOptions(items.data ?? [], props.value ? [props.value] : [])} {...props} />;
}

/** The sales rep a rule gives partners to (active users, plus the one already chosen). */
export function RuleUserSelect({ value, onChange, ...rest }: Props) {
  const users = useQuery(assignmentUsersQuery);
  const data = (users.data ?? []).filter((u) => u.active || u.id === value).map((u) => ({ value: u.id, label: u.name }));
  if (value && !data.some((o) => o.value === value)) data.push({ value, label: value });
  return <Select size="xs" searchable data={data} value={value} onChange={onChange} {...rest} />;
}
