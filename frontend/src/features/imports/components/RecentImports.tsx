import { Button, Paper, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../../components/states";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { importsListQuery } from "../api/imports";
import { ImportStatusBadge } from "./ImportResult";

/** The caller's latest imports; one can be opened to see its result, undo or resume it. */
export function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(importsListQuery(null));
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t("imports.recent")}
      </Title>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <LoadingState />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t("imports.noRecent")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={4} data-testid="import-recent">
            <caption className="visually-hidden">{t("imports.recent")}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("imports.file")}</Table.Th>
                <Table.Th scope="col">{t("imports.entity")}</Table.Th>
                <Table.Th scope="col">{t("fields.status")}</Table.Th>
                <Table.Th scope="col">{t("imports.created")}</Table.Th>
                <Table.Th scope="col">{t("imports.updated")}</Table.Th>
                <Table.Th scope="col">{t("imports.skipped")}</Table.Th>
                <Table.Th scope="col">{t("imports.failed")}</Table.Th>
                <Table.Th scope="col">{t("fields.created_at")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => onOpen(i.id)}>
                      {i.file_name}
                    </Button>
                    {i.dry_run && (
                      <Text span size="xs" c="dimmed" ml={4}>
                        ({t("imports.dryRunShort")})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`imports.entities.${i.entity}`, { defaultValue: i.entity })}</Table.Td>
                  <Table.Td>
                    <ImportStatusBadge status={i.status} />
                  </Table.Td>
                  <Table.Td>{n(i.created)}</Table.Td>
                  <Table.Td>{n(i.updated)}</Table.Td>
                  <Table.Td>{n(i.skipped)}</Table.Td>
                  <Table.Td>{n(i.failed)}</Table.Td>
                  <Table.Td>{formatDateTime(i.created_at, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
