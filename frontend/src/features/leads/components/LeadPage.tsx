import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { CustomFieldValues, useCustomFieldDefs } from "../../../components/CustomFields";
import { HistoryPanel } from "../../../components/HistoryPanel";
import { ErrorState, LoadingState } from "../../../components/states";
import type { Lead } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { leadQuery, leadQueryKey } from "../api/leads";
import { leadName } from "../model/values";
import { ConvertLeadModal } from "./ConvertLeadModal";
import { LeadEditForm } from "./LeadEditForm";

/** One lead; `extra` lets the app add sections from other modules (activities). */
export default function LeadPage({ extra }: { extra?: (l: Lead) => ReactNode }) {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [converting, setConverting] = useState(false);
  const lead = useQuery(leadQuery(id));
  const customDefs = useCustomFieldDefs("leads");
  if (lead.isPending) return <LoadingState />;
  if (lead.isError) return <ErrorState error={lead.error} onRetry={() => void lead.refetch()} />;
  const l = lead.data;
  const converted = l.status === "converted" || Boolean(l.converted_at);
  const onRecord = (next: Lead) => {
    qc.setQueryData(leadQueryKey(id), next);
    void qc.invalidateQueries({ queryKey: ["list", "leads"] });
    void qc.invalidateQueries({ queryKey: ["history", "lead", id] });
  };
  return (
    <Stack>
      <Anchor component={Link} to="/leads" size="sm">
        ← {t("leads.title")}
      </Anchor>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{leadName(l)}</Title>
          <Badge variant="light">{t(`leads.statuses.${l.status}`, { defaultValue: l.status })}</Badge>
        </Group>
        {!converted && can(grants, "leads", "update") && (
          <Button onClick={() => setConverting(true)} data-testid="convert-lead">
            {t("leads.convert")}
          </Button>
        )}
      </Group>
      {converted && (
        <Alert color="green" title={t("leads.convertedTitle")}>
          <Group gap="md">
            {l.partner_id && (
              <Anchor component={Link} to={`/partners/${l.partner_id}`}>
                {t("leads.openPartner")}
              </Anchor>
            )}
            {l.person_id && (
              <Anchor component={Link} to={`/persons/${l.person_id}`}>
                {t("leads.openPerson")}
              </Anchor>
            )}
          </Group>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <LeadEditForm lead={l} onRecord={onRecord} canEdit={!converted && can(grants, "leads", "update")} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <CustomFieldValues defs={customDefs} values={l.custom_fields} />
            {can(grants, "history", "read") && <HistoryPanel entityType="lead" entityId={l.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {extra?.(l)}
      {converting && (
        <ConvertLeadModal
          lead={l}
          onClose={() => setConverting(false)}
          onConverted={(c) => {
            qc.setQueryData(leadQueryKey(id), c.lead);
            void qc.invalidateQueries({ queryKey: ["list"] });
            void qc.invalidateQueries({ queryKey: ["activities"] });
            toastSuccess(t("leads.convertedToast", { count: c.moved_activities }));
            navigate(`/partners/${c.partner_id}`);
          }}
        />
      )}
    </Stack>
  );
}
