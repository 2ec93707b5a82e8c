import { Badge, Button, Table, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import type { Deadline } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { toastError, toastSuccess } from "../../../lib/toast";
import { PartnerName } from "../../persons/components/PartnerName";
import { clearDeadline, myDeadlinesQuery } from "../api/deadlines";
import { isOverdue } from "../model/due";

/** The caller's open deadlines, soonest first; overdue ones in red. "Done" clears one. */
export function DeadlineList() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  // Refetched each minute so a task turns red when its time passes, and escalations show up.
  const deadlines = useQuery({ ...myDeadlinesQuery, refetchInterval: 60_000 });
  if (deadlines.isPending) return <LoadingState />;
  if (deadlines.isError) return <ErrorState error={deadlines.error} onRetry={() => void deadlines.refetch()} />;
  if (deadlines.data.length === 0) return <EmptyState>{t("tasks.empty")}</EmptyState>;
  const done = async (d: Deadline) => {
    try {
      await clearDeadline(d.id);
      toastSuccess(t("tasks.cleared"));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await qc.invalidateQueries({ queryKey: ["deadlines"] });
  };
  return (
    <Table data-testid="task-list" highlightOnHover>
      <Table.Caption>{t("tasks.open")}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("tasks.taskTitle")}</Table.Th>
          <Table.Th>{t("tasks.dueAt")}</Table.Th>
          <Table.Th>{t("fields.partner_id")}</Table.Th>
          <Table.Th>{t("common.actions")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deadlines.data.map((d) => {
          const overdue = isOverdue(d);
          return (
            <Table.Tr key={d.id} data-overdue={overdue || undefined} bg={overdue ? "var(--mantine-color-red-light)" : undefined}>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>
                <Text size="sm" c={overdue ? "red" : undefined} fw={overdue ? 600 : undefined} span>
                  {formatDateTime(d.due_at, i18n.language)}
                </Text>
                {overdue && (
                  <Badge ml="xs" size="xs" color="red">
                    {t("tasks.overdue")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <PartnerName id={d.partner_id} link />
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="light" color="green" onClick={() => void done(d)}>
                  {t("tasks.done")}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
