import { Alert, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { ErrorState, LoadingState } from "../../../components/states";
import type { Import } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { formatNumber } from "../../../lib/format";
import { toastError } from "../../../lib/toast";
import { downloadImportErrors, IMPORTS_KEY, importKey, importQuery, resumeImport, undoImport } from "../api/imports";
import { canResumeImport, canUndoImport, importProgress, isImportActive, PREVIEW_COLUMNS, previewCell, type ImportEntity } from "../model/imports";

const STATUS_COLOR: Record<string, string> = {
  queued: "gray",
  running: "blue",
  done: "green",
  failed: "red",
  undoing: "orange",
  undone: "gray",
};

export function ImportStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? "gray"} variant="light">
      {t(`imports.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

interface Props {
  id: string;
  /** Shown after a finished dry run whose file is still at hand. */
  onRunForReal?: () => void;
  runBusy?: boolean;
  onNew: () => void;
}

/** Steps 3 and 4: progress while the server works, then the counts, the preview and what can be done next. */
export function ImportResult({ id, onRunForReal, runBusy, onNew }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [confirm, dialog] = useConfirm();
  const query = useQuery(importQuery(id));
  const [busy, setBusy] = useState(false);
  const imp = query.data;
  const active = imp ? isImportActive(imp) : true;
  const status = imp?.status;

  // Each change of status may change the records and the recent imports: load them again.
  useEffect(() => {
    if (!status || isImportActive({ status })) return;
    void qc.invalidateQueries({ queryKey: [...IMPORTS_KEY, "list"] });
    void qc.invalidateQueries({ queryKey: ["list"] });
  }, [status, qc]);

  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!imp) return <LoadingState />;

  const act = async (fn: () => Promise<Import>) => {
    setBusy(true);
    try {
      qc.setQueryData(importKey(id), await fn());
    } catch (err) {
      toastError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    const ok = await confirm({
      title: t("imports.undoTitle"),
      message: t("imports.undoConfirm", { n: imp.created + imp.updated }),
      confirmLabel: t("imports.undo"),
      danger: true,
    });
    if (ok) await act(() => undoImport(id));
  };
  const download = async () => {
    try {
      await downloadImportErrors(id);
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  const n = (v: number) => formatNumber(v, i18n.language);
  const counts: [string, string, number][] = [
    ["import-created", t("imports.created"), imp.created],
    ["import-updated", t("imports.updated"), imp.updated],
    ["import-skipped", t("imports.skipped"), imp.skipped],
    ["import-failed", t("imports.failed"), imp.failed],
  ];
  const columns = PREVIEW_COLUMNS[imp.entity as ImportEntity] ?? PREVIEW_COLUMNS.partners;
  const preview = imp.preview as Record<string, unknown>[];

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Group gap="xs">
              <Title order={4}>{imp.dry_run ? t("imports.dryRunTitle") : t("imports.importTitle")}</Title>
              <Text c="dimmed" size="sm">
                {imp.file_name} · {t(`imports.entities.${imp.entity}`, { defaultValue: imp.entity })}
              </Text>
            </Group>
            <span data-testid="import-status" data-status={imp.status}>
              <ImportStatusBadge status={imp.status} />
            </span>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Progress
              flex={1}
              value={importProgress(imp)}
              animated={active}
              color={imp.status === "failed" ? "red" : imp.status === "done" ? "green" : undefined}
              aria-label={t("imports.progress")}
              data-testid="import-progress"
            />
            <Text size="sm" miw={90} ta="right">
              {imp.rows_total > 0 ? `${n(imp.rows_done)} / ${n(imp.rows_total)}` : "—"}
            </Text>
          </Group>
          {imp.error && (
            <Alert color="red" role="alert">
              {imp.error}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {counts.map(([testId, label, value]) => (
              <Paper key={testId} withBorder p="xs">
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text fw={700} size="xl" data-testid={testId}>
                  {n(value)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          {imp.dry_run && imp.status === "done" && <Text size="sm">{t("imports.dryRunNote")}</Text>}
          {imp.status === "undone" && <Text size="sm">{t("imports.undoneNote")}</Text>}
          <Group gap="xs">
            {imp.failed > 0 && !active && (
              <Button variant="default" onClick={() => void download()} data-testid="import-errors-download">
                {t("imports.downloadErrors")}
              </Button>
            )}
            {onRunForReal && imp.dry_run && imp.status === "done" && (
              <Button onClick={onRunForReal} loading={runBusy} data-testid="import-run-real">
                {t("imports.runForReal")}
              </Button>
            )}
            {canUndoImport(imp) && (imp.created > 0 || imp.updated > 0) && (
              <Button color="red" variant="light" onClick={() => void undo()} loading={busy} data-testid="import-undo">
                {t("imports.undo")}
              </Button>
            )}
            {canResumeImport(imp) && (
              <Button variant="light" onClick={() => void act(() => resumeImport(id))} loading={busy} data-testid="import-resume">
                {t("imports.resume")}
              </Button>
            )}
            <Button variant="subtle" onClick={onNew} data-testid="import-new">
              {t("imports.newImport")}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {preview.length > 0 && (
        <Paper withBorder p="md">
          <Title order={5} mb="xs">
            {imp.dry_run ? t("imports.previewDry") : t("imports.preview")}
          </Title>
          <Table.ScrollContainer minWidth={500}>
            <Table data-testid="import-preview" striped verticalSpacing={4}>
              <caption className="visually-hidden">{t("imports.preview")}</caption>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c} scope="col">
                      {c === "company_name" ? t("leads.company") : t(`fields.${c}`, { defaultValue: c })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.map((row, i) => (
                  <Table.Tr key={String(row.id ?? i)}>
                    {columns.map((c) => (
                      <Table.Td key={c}>{previewCell(row, c)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {dialog}
    </Stack>
  );
}
