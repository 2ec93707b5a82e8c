import { Select, Switch, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ListItemSelect } from "../../../components/ListItemSelect";
import { TerritorySelect } from "../../../components/TerritorySelect";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { usePartnerUsers } from "../api/users";
import { PARTNER_STATUSES, type PartnerListFilters } from "../model/list-filters";

interface Props {
  value: PartnerListFilters;
  onChange: (next: PartnerListFilters) => void;
}

/** The typed filters above the partners list. */
export function PartnerListFiltersBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { grants, user } = useAuth();
  const users = usePartnerUsers();
  const set = <K extends keyof PartnerListFilters>(key: K, v: PartnerListFilters[K]) => onChange({ ...value, [key]: v });
  // Without users:read the only owner one can name is oneself.
  const owners = users.data?.map((u) => ({ value: u.id, label: u.name })) ?? (user ? [{ value: user.id, label: user.name }] : []);
  return (
    <>
      <TextInput
        size="xs"
        aria-label={t("common.search")}
        placeholder={t("partners.searchPlaceholder")}
        value={value.q}
        onChange={(e) => set("q", e.currentTarget.value)}
      />
      <Select
        size="xs"
        w={130}
        aria-label={t("fields.status")}
        placeholder={t("fields.status")}
        clearable
        data={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`partners.statuses.${s}`) }))}
        value={value.status || null}
        onChange={(v) => set("status", v ?? "")}
      />
      <ListItemSelect
        list="partner_groups"
        size="xs"
        w={150}
        aria-label={t("fields.group_id")}
        placeholder={t("fields.group_id")}
        value={value.group_id || null}
        onChange={(v) => set("group_id", v ?? "")}
      />
      <Select
        size="xs"
        w={170}
        aria-label={t("fields.primary_owner_id")}
        placeholder={t("fields.primary_owner_id")}
        clearable
        searchable
        disabled={value.unassigned}
        data={owners}
        value={value.owner_id || null}
        onChange={(v) => set("owner_id", v ?? "")}
      />
      <Select
        size="xs"
        w={140}
        aria-label={t("partners.relation")}
        placeholder={t("partners.relation")}
        clearable
        data={[
          { value: "customer", label: t("fields.is_customer") },
          { value: "supplier", label: t("fields.is_supplier") },
        ]}
        value={value.relation || null}
        onChange={(v) => set("relation", v ?? "")}
      />
      <TerritorySelect
        size="xs"
        w={200}
        aria-label={t("partners.territory")}
        placeholder={t("partners.territory")}
        value={value.territory_id || null}
        onChange={(v) => set("territory_id", v ?? "")}
      />
      <Switch size="sm" label={t("partners.mine")} checked={value.mine} onChange={(e) => set("mine", e.currentTarget.checked)} data-testid="filter-mine" />
      <Switch size="sm" label={t("partners.unassigned")} checked={value.unassigned} onChange={(e) => set("unassigned", e.currentTarget.checked)} />
      {can(grants, "partners", "delete") && (
        <Switch size="sm" label={t("common.showTrashed")} checked={value.trashed} onChange={(e) => set("trashed", e.currentTarget.checked)} />
      )}
    </>
  );
}
