import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Whether an owner came from an assignment rule or was set by hand. */
export function OwnerSource({ ruleId }: { ruleId?: string | null }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="light" color={ruleId ? "teal" : "gray"} mr={4}>
      {ruleId ? t("partners.owners.byRule") : t("partners.owners.byHand")}
    </Badge>
  );
}
