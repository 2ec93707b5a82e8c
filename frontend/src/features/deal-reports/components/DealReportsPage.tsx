import { Group, SegmentedControl, Select, Stack, Tabs, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { dealTypesQuery } from "../../deal-admin/api/deal-types";
import { ownerOptionsQuery } from "../api/deal-reports";
import { emptyFilters, forecastQuery, overdueQuery, stagesQuery, withKind, type ReportFilters } from "../model/filters";
import type { DealGroupBy } from "../model/types";
import { ForecastView } from "./ForecastView";
import { OverdueView } from "./OverdueView";
import { StagesView } from "./StagesView";

const TABS = ["forecast", "stages", "overdue"] as const;
type Tab = (typeof TABS)[number];
const GROUPS: DealGroupBy[] = ["owner", "type", "source"];

/** Deal reports: forecast against realised, conversion per stage, overdue deals; each with its download. */
export default function DealReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get("report")) ?? "forecast";
  const [filters, setFilters] = useState<ReportFilters>(emptyFilters);
  const types = useQuery(dealTypesQuery);
  const owners = useQuery(ownerOptionsQuery);
  const set = (changes: Partial<ReportFilters>) => setFilters((f) => ({ ...f, ...changes }));
  const typeKind = (id: string) => types.data?.find((d) => d.id === id)?.kind;
  const typeOptions = (types.data ?? [])
    .filter((d) => d.kind === filters.kind)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name} (${t("dealReports.inactive")})` }));

  return (
    <Stack>
      <Title order={2}>{t("dealReports.title")}</Title>
      <Group align="flex-end" gap="sm" role="group" aria-label={t("dealReports.filters")}>
        <SegmentedControl
          aria-label={t("dealReports.kind")}
          value={filters.kind}
          onChange={(v) => setFilters((f) => withKind(f, v === "supply" ? "supply" : "sale", typeKind))}
          data={[
            { value: "sale", label: t("dealReports.kinds.sale") },
            { value: "supply", label: t("dealReports.kinds.supply") },
          ]}
        />
        <Select
          label={t("dealReports.dealType")}
          placeholder={t("dealReports.allTypes")}
          data={typeOptions}
          value={filters.typeId}
          onChange={(v) => set({ typeId: v })}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t("dealReports.owner")}
          placeholder={t("dealReports.allOwners")}
          data={owners.data ?? []}
          value={filters.ownerId}
          onChange={(v) => set({ ownerId: v })}
          searchable
          clearable
          w={200}
        />
        <TextInput type="date" label={t("dealReports.from")} value={filters.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput type="date" label={t("dealReports.to")} value={filters.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        {tab === "forecast" && (
          <Select
            label={t("dealReports.groupBy")}
            placeholder={t("dealReports.groupNone")}
            data={GROUPS.map((g) => ({ value: g, label: t(`dealReports.groups.${g}`) }))}
            value={filters.groupBy}
            onChange={(v) => set({ groupBy: GROUPS.find((g) => g === v) ?? null })}
            clearable
            w={170}
          />
        )}
      </Group>
      <Tabs value={tab} onChange={(v) => v && setParams({ report: v }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="forecast">{t("dealReports.forecastTitle")}</Tabs.Tab>
          <Tabs.Tab value="stages">{t("dealReports.stagesTitle")}</Tabs.Tab>
          <Tabs.Tab value="overdue">{t("dealReports.overdueTitle")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="forecast" pt="md">
          <ForecastView query={forecastQuery(filters)} />
        </Tabs.Panel>
        <Tabs.Panel value="stages" pt="md">
          <StagesView query={stagesQuery(filters)} />
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="md">
          <OverdueView query={overdueQuery(filters)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
