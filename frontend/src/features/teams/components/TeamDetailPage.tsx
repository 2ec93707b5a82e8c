import { Anchor, Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useConfirm } from "../../../components/ConfirmDialog";
import { HistoryPanel } from "../../../components/HistoryPanel";
import { FormError, problemToForm, useRecordSave } from "../../../components/RecordForm";
import { ErrorState, LoadingState } from "../../../components/states";
import type { Team } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { createTeam, deleteTeam, fetchTeam, teamQuery, teamQueryKey, updateTeam, type TeamValues } from "../api/teams";
import { TeamFields } from "./TeamFields";

const toValues = (t: Team): TeamValues => ({ name: t.name, manager_id: t.manager_id ?? null, member_ids: [...t.member_ids].sort() });

function Back() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/teams" size="sm">
      ← {t("teams.title")}
    </Anchor>
  );
}

function NewTeam() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TeamValues>({ initialValues: { name: "", manager_id: null, member_ids: [] } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const team = await createTeam(values);
      toastSuccess(t("teams.created"));
      void qc.invalidateQueries({ queryKey: ["list", "teams"] });
      navigate(`/teams/${team.id}`, { replace: true });
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <Stack maw={560}>
      <Back />
      <Title order={2}>{t("teams.new")}</Title>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError message={error} />
            <TeamFields form={form} />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t("common.create")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

function EditTeamForm({ team, onRecord, canEdit }: { team: Team; onRecord: (t: Team) => void; canEdit: boolean }) {
  const { t } = useTranslation();
  const form = useForm<TeamValues>({ initialValues: toValues(team) });
  const save = useRecordSave<Team, TeamValues>({
    record: team,
    toValues,
    save: (changes, version) => updateTeam(team, changes, version),
    fetchLatest: () => fetchTeam(team.id),
    onRecord,
    setFieldErrors: form.setErrors,
    label: (f) => (f === "member_ids" ? t("teams.members") : t(`fields.${f}`)),
  });
  useEffect(() => {
    form.setValues(toValues(team));
    form.resetDirty(toValues(team));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [team.version, team.id]);
  return (
    <form onSubmit={form.onSubmit((v) => void save.submit(v))} noValidate>
      <Stack>
        <FormError message={save.formError} />
        <TeamFields form={form} disabled={!canEdit} />
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.saving} disabled={!form.isDirty()}>
              {t("common.save")}
            </Button>
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              {t("form.discard")}
            </Button>
          </Group>
        )}
      </Stack>
      {save.conflictDialog}
    </form>
  );
}

function EditTeam({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { grants } = useAuth();
  const team = useQuery(teamQuery(id));
  const [confirm, confirmDialog] = useConfirm();
  if (team.isPending) return <LoadingState />;
  if (team.isError) return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  const tm = team.data;
  const onRecord = (next: Team) => {
    qc.setQueryData(teamQueryKey(id), next);
    void qc.invalidateQueries({ queryKey: ["list", "teams"] });
    void qc.invalidateQueries({ queryKey: ["history", "team", id] });
  };
  const remove = async () => {
    if (!(await confirm({ title: t("common.delete"), message: t("teams.deleteConfirm", { name: tm.name }), danger: true, confirmLabel: t("common.delete") }))) return;
    try {
      await deleteTeam(tm);
      toastSuccess(t("teams.deleted"));
      void qc.invalidateQueries({ queryKey: ["list", "teams"] });
      navigate("/teams", { replace: true });
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  return (
    <Stack>
      <Back />
      <Group justify="space-between">
        <Title order={2}>{tm.name}</Title>
        {can(grants, "teams", "delete") && (
          <Button color="red" variant="light" onClick={() => void remove()}>
            {t("common.delete")}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md" maw={560}>
        <EditTeamForm team={tm} onRecord={onRecord} canEdit={can(grants, "teams", "update")} />
      </Paper>
      <HistoryPanel entityType="team" entityId={tm.id} />
      {confirmDialog}
    </Stack>
  );
}

export default function TeamDetailPage() {
  const { id = "" } = useParams();
  return id === "new" ? <NewTeam /> : <EditTeam id={id} />;
}
