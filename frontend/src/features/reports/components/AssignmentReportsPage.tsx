import { Stack, Tabs, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { ConflictsReport } from "./ConflictsReport";
import { OwnersReport } from "./OwnersReport";
import { UnassignedReport } from "./UnassignedReport";

/** Assignment reports: partners per sales rep and territory, unassigned partners, rule conflicts. */
export default function AssignmentReportsPage() {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const [params, setParams] = useSearchParams();
  const tabs: { key: string; label: string; render: () => ReactNode; visible: boolean }[] = [
    { key: "owners", label: t("reports.assignment.owners"), render: () => <OwnersReport />, visible: true },
    { key: "unassigned", label: t("reports.assignment.unassigned"), render: () => <UnassignedReport />, visible: can(grants, "partners", "assign") },
    { key: "conflicts", label: t("reports.assignment.conflicts"), render: () => <ConflictsReport />, visible: can(grants, "territories", "update") },
  ];
  const shown = tabs.filter((tab) => tab.visible);
  const active = shown.find((tab) => tab.key === params.get("report"))?.key ?? shown[0]!.key;
  return (
    <Stack>
      <Title order={2}>{t("reports.assignment.title")}</Title>
      <Tabs value={active} onChange={(v) => v && setParams({ report: v }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {shown.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.key}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shown.map((tab) => (
          <Tabs.Panel key={tab.key} value={tab.key} pt="md">
            {tab.render()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
