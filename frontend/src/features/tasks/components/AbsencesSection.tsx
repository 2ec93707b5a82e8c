import { Button, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { ErrorState, LoadingState } from "../../../components/states";
import type { Absence } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { formatCalendarDate } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { absencesQuery, deleteAbsence } from "../api/absences";
import { deputyOptionsQuery } from "../api/deputy-options";
import { AddAbsenceForm } from "./AddAbsenceForm";

/** The caller's absences (while away, their alarms go to the deputy), with add and remove. */
export function AbsencesSection() {
  const { t, i18n } = useTranslation();
  const { grants, user } = useAuth();
  const qc = useQueryClient();
  const [confirm, confirmDialog] = useConfirm();
  const absences = useQuery(absencesQuery(user?.id ?? ""));
  const deputies = useQuery({ ...deputyOptionsQuery, enabled: can(grants, "users", "read") });
  const deputyName = (id: string | null | undefined) =>
    id ? (deputies.data?.find((o) => o.value === id)?.label ?? id) : t("tasks.absences.partnerDeputies");
  const remove = async (a: Absence) => {
    const range = `${formatCalendarDate(a.starts_on, i18n.language)} – ${formatCalendarDate(a.ends_on, i18n.language)}`;
    if (!(await confirm({ title: t("common.delete"), message: t("tasks.absences.removeConfirm", { range }), danger: true, confirmLabel: t("common.delete") }))) return;
    try {
      await deleteAbsence(a.id);
      toastSuccess(t("tasks.absences.removed"));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await qc.invalidateQueries({ queryKey: ["absences"] });
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t("tasks.absences.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("tasks.absences.explain")}
        </Text>
        {absences.isPending ? (
          <LoadingState />
        ) : absences.isError ? (
          <ErrorState error={absences.error} onRetry={() => void absences.refetch()} />
        ) : absences.data.length === 0 ? (
          <Text size="sm">{t("tasks.absences.empty")}</Text>
        ) : (
          <Table data-testid="absence-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("tasks.absences.from")}</Table.Th>
                <Table.Th>{t("tasks.absences.to")}</Table.Th>
                <Table.Th>{t("tasks.absences.deputy")}</Table.Th>
                <Table.Th>{t("fields.notes")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {absences.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatCalendarDate(a.starts_on, i18n.language)}</Table.Td>
                  <Table.Td>{formatCalendarDate(a.ends_on, i18n.language)}</Table.Td>
                  <Table.Td>{deputyName(a.deputy_id)}</Table.Td>
                  <Table.Td>{a.note}</Table.Td>
                  <Table.Td>
                    {can(grants, "absences", "delete") && (
                    <Button size="compact-xs" variant="light" color="red" onClick={() => void remove(a)}>
                      {t("common.delete")}
                    </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {can(grants, "absences", "create") && <AddAbsenceForm />}
      </Stack>
      {confirmDialog}
    </Paper>
  );
}
