import { Button, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/RecordForm";
import type { AssignmentPreview, AssignmentRule } from "../../../lib/api/types";
import { previewRules } from "../api/rules";
import { canApply, canPreview, previewStale } from "../model/gating";
import { noRowErrors, problemToRowErrors, type RowErrors } from "../model/row-errors";
import { emptyRow, ruleToRow, rowsToInput, tableSignature, type RuleRow } from "../model/rules";
import { PreviewPanel } from "./PreviewPanel";
import { RulesTable } from "./RulesTable";

interface Props {
  rules: AssignmentRule[];
  jobActive: boolean;
  /** Saves the table; resolves when the server accepted it (errors come back as a rejection). */
  onApply: (rows: RuleRow[]) => Promise<void>;
}

/** The table being edited, its preview, and apply (only after a preview of exactly these edits). */
export function RulesEditor({ rules, jobActive, onApply }: Props) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<RuleRow[]>(() => rules.map(ruleToRow));
  const [errors, setErrors] = useState<RowErrors>(noRowErrors);
  const [preview, setPreview] = useState<{ data: AssignmentPreview; rows: RuleRow[]; signature: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = tableSignature(rows);
  const gate = { previewedFor: preview?.signature ?? null, current, busy, jobActive };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setErrors(noRowErrors);
    try {
      await work();
    } catch (err) {
      setErrors(problemToRowErrors(t, err));
    } finally {
      setBusy(false);
    }
  };
  const doPreview = () =>
    run(async () => {
      const snapshot = rows;
      const data = await previewRules(rowsToInput(snapshot));
      setPreview({ data, rows: snapshot, signature: tableSignature(snapshot) });
    });
  const doApply = () => run(() => onApply(rows));

  return (
    <Stack>
      <FormError message={errors.general} />
      <RulesTable rows={rows} errors={errors.rows} disabled={busy || jobActive} onChange={setRows} />
      <Group>
        <Button variant="default" onClick={() => setRows([...rows, emptyRow()])} disabled={busy || jobActive} data-testid="add-rule">
          {t("assignment.addRow")}
        </Button>
        <Button variant="light" onClick={() => void doPreview()} loading={busy && !preview} disabled={!canPreview(gate)} data-testid="preview-rules">
          {t("assignment.preview")}
        </Button>
        <Button onClick={() => void doApply()} disabled={!canApply(gate)} data-testid="apply-rules">
          {t("assignment.apply")}
        </Button>
      </Group>
      {preview && <PreviewPanel preview={preview.data} rows={preview.rows} stale={previewStale(gate)} />}
    </Stack>
  );
}
