import { Anchor, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ChangeList } from "../../../components/HistoryPanel";
import { ResourceList } from "../../../components/ResourceList";
import type { HistoryEntry } from "../../../lib/api/types";
import { formatDateTime } from "../../../lib/format";
import { emptyHistoryFilters, listHistory } from "../api/history";
import { HistoryFiltersForm } from "./HistoryFiltersForm";

const ROUTES: Record<string, string> = { user: "/users", role: "/roles", team: "/teams" };

function EntityLink({ e }: { e: HistoryEntry }) {
  const base = ROUTES[e.entity_type];
  const short = e.entity_id.slice(-8);
  return base ? (
    <Anchor component={Link} to={`${base}/${e.entity_id}`} size="sm" title={e.entity_id}>
      …{short}
    </Anchor>
  ) : (
    <span title={e.entity_id}>…{short}</span>
  );
}

export default function HistoryPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState(emptyHistoryFilters);
  return (
    <Stack>
      <Title order={2}>{t("history.title")}</Title>
      <HistoryFiltersForm onApply={setFilters} />
      <ResourceList<HistoryEntry>
        resource="history"
        queryKey={[filters]}
        caption={t("history.title")}
        getRowId={(e) => e.id}
        fetchPage={(p) => listHistory(p, filters)}
        emptyText={t("history.empty")}
        columns={[
          { key: "at", header: t("fields.at"), render: (e) => formatDateTime(e.at, i18n.language) },
          { key: "actor", header: t("fields.actor_id"), render: (e) => e.actor_name ?? t("history.system") },
          { key: "action", header: t("fields.action"), render: (e) => t(`history.actions.${e.action}`, { defaultValue: e.action }) },
          { key: "entity_type", header: t("fields.entity_type"), render: (e) => t(`history.entities.${e.entity_type}`, { defaultValue: e.entity_type }) },
          { key: "entity_id", header: t("fields.entity_id"), render: (e) => <EntityLink e={e} /> },
          { key: "changes", header: t("history.changes"), render: (e) => <ChangeList changes={e.changes} /> },
        ]}
      />
    </Stack>
  );
}
