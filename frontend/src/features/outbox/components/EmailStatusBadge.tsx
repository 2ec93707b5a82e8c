import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { emailStatusColor } from "../model/status";

export function EmailStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={emailStatusColor(status)} variant="light" data-testid="email-status">
      {t(`outbox.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}
