import { Button, Group, Select, Stack, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { customFieldColumns, useCustomFieldDefs, useDisplayWords } from "../../../components/CustomFields";
import { ListItemSelect, useListItemName } from "../../../components/ListItemSelect";
import { ResourceList } from "../../../components/ResourceList";
import type { Lead } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { formatDate } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { ExportMenu } from "../../exports/components/ExportMenu";
import { leadsExportQuery } from "../../exports/model/export";
import { searchLeads } from "../api/leads";
import { LEAD_STATUSES } from "../model/values";
import { CreateLeadModal } from "./CreateLeadModal";

export default function LeadsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { grants } = useAuth();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<string | null>(null);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const sourceName = useListItemName("lead_sources");
  const customDefs = useCustomFieldDefs("leads");
  const words = useDisplayWords();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("leads.title")}</Title>
        <Group gap="xs">
          <ExportMenu request={{ entity: "leads", query: leadsExportQuery({ q: debouncedQ, status, sourceId }) }} />
          {can(grants, "leads", "create") && (
            <Button onClick={() => setCreating(true)} data-testid="new-lead">
              {t("leads.new")}
            </Button>
          )}
        </Group>
      </Group>
      <ResourceList<Lead>
        resource="leads"
        queryKey={[debouncedQ, status, sourceId]}
        caption={t("leads.title")}
        defaultSort="-created_at"
        filterable
        getRowId={(l) => l.id}
        onRowOpen={(l) => navigate(`/leads/${l.id}`)}
        fetchPage={(p) => searchLeads(p, { q: debouncedQ, status, sourceId })}
        emptyText={t("leads.empty")}
        columns={[
          { key: "name", header: t("fields.name"), sortField: "last_name", render: (l) => `${l.first_name} ${l.last_name}` },
          { key: "company", header: t("leads.company"), render: (l) => l.company_name ?? "" },
          { key: "email", header: t("fields.email"), render: (l) => l.email ?? "" },
          { key: "city", header: t("fields.city"), render: (l) => l.city ?? "" },
          { key: "source", header: t("leads.source"), render: (l) => sourceName(l.source_id) },
          { key: "status", header: t("fields.status"), sortField: "status", render: (l) => t(`leads.statuses.${l.status}`, { defaultValue: l.status }) },
          { key: "created", header: t("fields.created_at"), sortField: "created_at", render: (l) => formatDate(l.created_at, i18n.language) },
          ...customFieldColumns<Lead>(customDefs, words),
        ]}
        toolbar={
          <>
            <TextInput size="xs" aria-label={t("common.search")} placeholder={t("common.search")} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
            <Select
              size="xs"
              aria-label={t("fields.status")}
              placeholder={t("fields.status")}
              clearable
              data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.statuses.${s}`) }))}
              value={status}
              onChange={setStatus}
            />
            <ListItemSelect size="xs" list="lead_sources" aria-label={t("leads.source")} placeholder={t("leads.source")} value={sourceId} onChange={setSourceId} />
          </>
        }
      />
      {creating && <CreateLeadModal onClose={() => setCreating(false)} onCreated={(l) => navigate(`/leads/${l.id}`)} />}
    </Stack>
  );
}
