import { Anchor, Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ConflictItem } from "../../../lib/api/types";
import type { RuleRow } from "../model/rules";
import { RuleRef } from "./RuleRef";

/** Partners two primary rules tie on (they keep their primary owner until the tie is resolved). */
export function ConflictList({ items, rows }: { items: readonly ConflictItem[]; rows?: readonly RuleRow[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <Title order={4}>{t("assignment.conflictsTitle")}</Title>
      <Table aria-label={t("assignment.conflictsTitle")} data-testid="conflict-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("assignment.partner")}</Table.Th>
            <Table.Th>{t("assignment.tiedRules")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.partner_id}>
              <Table.Td>
                <Anchor component={Link} to={`/partners/${c.partner_id}`}>
                  {c.partner_name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {rows
                  ? c.rule_ids.map((id) => (
                      <div key={id}>
                        <RuleRef ruleId={id} rows={rows} />
                      </div>
                    ))
                  : c.rule_ids.join(", ")}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
