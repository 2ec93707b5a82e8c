import { useTranslation } from "react-i18next";
import { useTerritoryPath } from "../../../components/TerritorySelect";
import { ruleRowIndex, type RuleRow } from "../model/rules";
import { useUserNames } from "../api/users";

/** A rule as the preview names it: "Row 3: Ana Horvat · Croatia › Dalmatia". */
export function RuleRef({ ruleId, rows }: { ruleId: string | null | undefined; rows: readonly RuleRow[] }) {
  const { t } = useTranslation();
  const name = useUserNames();
  const path = useTerritoryPath();
  const i = ruleRowIndex(ruleId, rows);
  if (i === null) return <>{ruleId ? ruleId : "—"}</>;
  const row = rows[i]!;
  return <>{`${t("assignment.ruleRow", { n: i + 1 })}: ${name(row.user_id)} · ${path(row.territory_id) || t("assignment.anywhere")}`}</>;
}
