import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AnnouncementStatus } from "../model/schedule";

const COLORS: Record<AnnouncementStatus, string> = { scheduled: "blue", current: "green", expired: "gray" };

export function AnnouncementStatusBadge({ status }: { status: AnnouncementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`announcements.statuses.${status}`)}
    </Badge>
  );
}
