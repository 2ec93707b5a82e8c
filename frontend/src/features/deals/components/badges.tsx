import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const STATUS_COLORS: Record<string, string> = { open: "blue", won: "green", lost: "red", cancelled: "gray" };
const PRIORITY_COLORS: Record<string, string> = { low: "gray", normal: "blue", high: "orange", urgent: "red" };

export function DealStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? "gray"} data-testid="deal-status">
      {t(`deals.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={PRIORITY_COLORS[priority] ?? "gray"}>
      {t(`deals.priorities.${priority}`, { defaultValue: priority })}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" size="sm" data-testid="overdue-badge">
      {t("deals.overdue")}
    </Badge>
  );
}
