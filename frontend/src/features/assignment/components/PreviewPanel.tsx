import { Alert, Anchor, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useTerritoryPath } from "../../../components/TerritorySelect";
import type { AssignmentPreview } from "../../../lib/api/types";
import type { RuleRow } from "../model/rules";
import { ConflictList } from "./ConflictList";
import { OwnerRefs } from "./OwnerRefs";
import { PreviewCounts } from "./PreviewCounts";
import { RuleRef } from "./RuleRef";

interface Props {
  preview: AssignmentPreview;
  /** The rows the preview was made for (it names new rows by their index). */
  rows: readonly RuleRow[];
  stale: boolean;
}

/** What applying the table would change: counts, the changed partners, the conflicts. */
export function PreviewPanel({ preview, rows, stale }: Props) {
  const { t } = useTranslation();
  const path = useTerritoryPath();
  const territory = (id?: string | null) => path(id) || "—";
  return (
    <Paper withBorder p="md" data-testid="assignment-preview">
      <Stack>
        <Title order={3}>{t("assignment.previewTitle")}</Title>
        {stale && <Alert color="yellow">{t("assignment.previewStale")}</Alert>}
        <PreviewCounts preview={preview} />
        {preview.items.length === 0 ? (
          <Text c="dimmed">{t("assignment.noChanges")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label={t("assignment.changedPartners")} data-testid="preview-items">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("assignment.partner")}</Table.Th>
                  <Table.Th>{t("assignment.from")}</Table.Th>
                  <Table.Th>{t("assignment.to")}</Table.Th>
                  <Table.Th>{t("assignment.territoryChange")}</Table.Th>
                  <Table.Th>{t("assignment.rule")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.items.map((item) => (
                  <Table.Tr key={item.partner_id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/partners/${item.partner_id}`}>
                        {item.partner_name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <OwnerRefs owners={item.from} />
                    </Table.Td>
                    <Table.Td>
                      <OwnerRefs owners={item.to} />
                    </Table.Td>
                    <Table.Td>
                      {item.territory_from === item.territory_to ? territory(item.territory_to) : `${territory(item.territory_from)} → ${territory(item.territory_to)}`}
                    </Table.Td>
                    <Table.Td>
                      <RuleRef ruleId={item.rule_id} rows={rows} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {preview.changed > preview.items.length && (
          <Text size="sm" c="dimmed">
            {t("assignment.moreChanged", { n: preview.changed - preview.items.length })}
          </Text>
        )}
        <ConflictList items={preview.conflict_items} rows={rows} />
      </Stack>
    </Paper>
  );
}
