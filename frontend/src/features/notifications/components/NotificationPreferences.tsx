import { Switch, Table } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../../components/states";
import type { NotificationPreference } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { toastError, toastSuccess } from "../../../lib/toast";
import { notificationPreferencesQuery, saveNotificationPreferences } from "../api/notifications";
import { sortByKind } from "../model/kinds";

type Channel = "in_app" | "email";

/** A kinds × channels table of switches; each change is saved at once (the whole set, as PUT expects). */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const prefs = useQuery(notificationPreferencesQuery);
  if (prefs.isPending) return <LoadingState />;
  if (prefs.isError) return <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />;
  const rows = sortByKind(prefs.data);
  const toggle = async (kind: string, channel: Channel, on: boolean) => {
    const next: NotificationPreference[] = rows.map((r) => (r.kind === kind ? { ...r, [channel]: on } : r));
    // Optimistic: the switch moves at once and moves back if the server refuses.
    qc.setQueryData(notificationPreferencesQuery.queryKey, next);
    try {
      qc.setQueryData(notificationPreferencesQuery.queryKey, await saveNotificationPreferences(next));
      toastSuccess(t("notifications.preferencesSaved"));
    } catch (err) {
      toastError(errorMessage(t, err));
      await qc.invalidateQueries({ queryKey: notificationPreferencesQuery.queryKey });
    }
  };
  return (
    <Table data-testid="notification-preferences">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("notifications.kind")}</Table.Th>
          <Table.Th>{t("notifications.inApp")}</Table.Th>
          <Table.Th>{t("notifications.byEmail")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const label = t(`notifications.kinds.${r.kind}`, { defaultValue: r.kind });
          return (
            <Table.Tr key={r.kind}>
              <Table.Td>{label}</Table.Td>
              {(["in_app", "email"] as const).map((c) => (
                <Table.Td key={c}>
                  <Switch
                    checked={r[c]}
                    onChange={(e) => void toggle(r.kind, c, e.currentTarget.checked)}
                    aria-label={`${label}: ${c === "in_app" ? t("notifications.inApp") : t("notifications.byEmail")}`}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
