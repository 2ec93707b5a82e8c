import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Partner } from "../../../lib/api/types";

const COLORS: Record<string, string> = { prospect: "blue", active: "green", inactive: "gray" };

export function PartnerStatusBadge({ partner }: { partner: Pick<Partner, "status" | "deleted_at"> }) {
  const { t } = useTranslation();
  if (partner.deleted_at) return <Badge color="gray">{t("partners.deleted")}</Badge>;
  return <Badge color={COLORS[partner.status] ?? "gray"}>{t(`partners.statuses.${partner.status}`, { defaultValue: partner.status })}</Badge>;
}
