import { Select, Switch, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../lib/auth/auth-context";
import { useDealUsers } from "../api/options";
import type { DealListFilters } from "../model/list-filters";
import { DEAL_KINDS, DEAL_PRIORITIES, DEAL_STATUSES, type DealType } from "../model/types";

interface Props {
  value: DealListFilters;
  onChange: (next: DealListFilters) => void;
  types: readonly DealType[];
}

/** The typed filters above the deals list. */
export function DealListFiltersBar({ value, onChange, types }: Props) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const users = useDealUsers();
  const set = <K extends keyof DealListFilters>(key: K, v: DealListFilters[K]) => onChange({ ...value, [key]: v });
  const owners = users.data?.map((u) => ({ value: u.id, label: u.name })) ?? (user ? [{ value: user.id, label: user.name }] : []);
  const shownTypes = types.filter((ty) => !value.kind || ty.kind === value.kind);
  const stages = types.find((ty) => ty.id === value.type_id)?.stages ?? [];
  return (
    <>
      <TextInput size="xs" aria-label={t("common.search")} placeholder={t("deals.searchPlaceholder")} value={value.q} onChange={(e) => set("q", e.currentTarget.value)} />
      <Select
        size="xs"
        w={110}
        aria-label={t("deals.fields.kind")}
        placeholder={t("deals.fields.kind")}
        clearable
        data={DEAL_KINDS.map((k) => ({ value: k, label: t(`deals.kinds.${k}`) }))}
        value={value.kind || null}
        onChange={(v) => onChange({ ...value, kind: v ?? "", type_id: "", stage_id: "" })}
      />
      <Select
        size="xs"
        w={160}
        aria-label={t("deals.fields.type_id")}
        placeholder={t("deals.fields.type_id")}
        clearable
        data={shownTypes.map((ty) => ({ value: ty.id, label: ty.name }))}
        value={value.type_id || null}
        onChange={(v) => onChange({ ...value, type_id: v ?? "", stage_id: "" })}
      />
      <Select
        size="xs"
        w={150}
        aria-label={t("deals.fields.stage_id")}
        placeholder={t("deals.fields.stage_id")}
        clearable
        disabled={!value.type_id}
        data={stages.map((s) => ({ value: s.id, label: s.name }))}
        value={value.stage_id || null}
        onChange={(v) => set("stage_id", v ?? "")}
      />
      <Select
        size="xs"
        w={120}
        aria-label={t("fields.status")}
        placeholder={t("fields.status")}
        clearable
        data={DEAL_STATUSES.map((s) => ({ value: s, label: t(`deals.statuses.${s}`) }))}
        value={value.status || null}
        onChange={(v) => set("status", v ?? "")}
      />
      <Select
        size="xs"
        w={120}
        aria-label={t("deals.fields.priority")}
        placeholder={t("deals.fields.priority")}
        clearable
        data={DEAL_PRIORITIES.map((p) => ({ value: p, label: t(`deals.priorities.${p}`) }))}
        value={value.priority || null}
        onChange={(v) => set("priority", v ?? "")}
      />
      <Select
        size="xs"
        w={160}
        aria-label={t("deals.fields.owner_id")}
        placeholder={t("deals.fields.owner_id")}
        clearable
        searchable
        data={owners}
        value={value.owner_id || null}
        onChange={(v) => set("owner_id", v ?? "")}
      />
      <TextInput size="xs" type="date" w={140} aria-label={t("deals.closeFrom")} title={t("deals.closeFrom")} value={value.close_from} onChange={(e) => set("close_from", e.currentTarget.value)} />
      <TextInput size="xs" type="date" w={140} aria-label={t("deals.closeTo")} title={t("deals.closeTo")} value={value.close_to} onChange={(e) => set("close_to", e.currentTarget.value)} />
      <Switch size="sm" label={t("deals.overdueOnly")} checked={value.overdue} onChange={(e) => set("overdue", e.currentTarget.checked)} />
    </>
  );
}
