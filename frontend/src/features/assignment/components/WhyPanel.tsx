import { Alert, Badge, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useListItemName } from "../../../components/ListItemSelect";
import { ErrorState, LoadingState } from "../../../components/states";
import { useTerritoryPath } from "../../../components/TerritorySelect";
import { explanationQuery } from "../api/explain";
import { useUserNames } from "../api/users";

const OUTCOME_COLORS: Record<string, string> = { won: "green", tied: "orange", beaten: "gray" };

/** "Why is this partner mine?": every rule that applies today, how specific it is, and whether it won. */
export function WhyPanel({ partnerId, version }: { partnerId: string; version: number }) {
  const { t } = useTranslation();
  const q = useQuery(explanationQuery(partnerId, version));
  const name = useUserNames();
  const path = useTerritoryPath();
  const group = useListItemName("partner_groups");
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const e = q.data;
  return (
    <Paper withBorder p="md" data-testid="why-panel">
      <Stack>
        <Title order={4}>{t("assignment.why.title")}</Title>
        <Text size="sm" data-testid="why-territory">
          {t("assignment.why.territory")}: {e.territory_path.length ? e.territory_path.join(" › ") : t("assignment.why.noTerritory")}
        </Text>
        {e.owners_locked && <Alert color="blue">{t("assignment.why.locked")}</Alert>}
        {e.conflict && <Alert color="orange">{t("assignment.why.conflict")}</Alert>}
        {e.candidates.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("assignment.why.noRules")}
          </Text>
        ) : (
          <Table aria-label={t("assignment.why.title")} data-testid="why-candidates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assignment.columns.user")}</Table.Th>
                <Table.Th>{t("assignment.columns.role")}</Table.Th>
                <Table.Th>{t("assignment.columns.territory")}</Table.Th>
                <Table.Th>{t("assignment.columns.group")}</Table.Th>
                <Table.Th>{t("assignment.why.rank")}</Table.Th>
                <Table.Th>{t("assignment.why.outcome")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.candidates.map(({ rule, rank, outcome }) => (
                <Table.Tr key={rule.id} data-testid={`why-rule-${rule.id}`}>
                  <Table.Td>{name(rule.user_id)}</Table.Td>
                  <Table.Td>{t(`assignment.roles.${rule.role}`, { defaultValue: rule.role })}</Table.Td>
                  <Table.Td>{path(rule.territory_id) || t("assignment.anywhere")}</Table.Td>
                  <Table.Td>{rule.group_id ? group(rule.group_id) : t("assignment.anyGroup")}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {t("assignment.why.rankText", {
                        depth: rank.territory_depth,
                        group: rank.exact_group ? t("common.yes") : t("common.no"),
                        priority: rank.priority,
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLORS[outcome] ?? "gray"} variant="light">
                      {t(`assignment.why.outcomes.${outcome}`, { defaultValue: outcome })}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
