import { Alert, Button, Group, List, Modal, NativeSelect, NumberInput, Stack, Switch, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api/problem";
import { toastSuccess } from "../../../lib/toast";
import { createDealType, fetchDealType, updateDealType } from "../api/deal-types";
import { adminError } from "../model/errors";
import { defaultStages, rowsToInputs, stagesToRows, validateStages, type StageProblem, type StageRow } from "../model/stages";
import { DEAL_KINDS, type DealKind, type DealType } from "../model/types";
import { StageRowsEditor } from "./StageRowsEditor";

export type DealTypeEdit = { kind: "new"; dealKind: DealKind; position: number } | { kind: "edit"; type: DealType };

interface Values {
  kind: DealKind;
  name: string;
  position: number;
  allowSkip: boolean;
  allowBack: boolean;
  active: boolean;
  stages: StageRow[];
}

const toValues = (type: DealType): Values => ({
  kind: type.kind === "supply" ? "supply" : "sale",
  name: type.name,
  position: type.position,
  allowSkip: type.allow_skip,
  allowBack: type.allow_back,
  active: type.active,
  stages: stagesToRows(type),
});

/** Create or change a deal type (pipeline): its name, rules and the whole list of stages. */
export function DealTypeEditor({ edit, onClose, onSaved }: { edit: DealTypeEdit; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<DealType | null>(edit.kind === "edit" ? edit.type : null);
  const [values, setValues] = useState<Values>(() =>
    edit.kind === "edit"
      ? toValues(edit.type)
      : {
          kind: edit.dealKind,
          name: "",
          position: edit.position,
          allowSkip: false,
          allowBack: true,
          active: true,
          stages: defaultStages({ open: t("dealAdmin.stages.defaultOpen"), won: t("dealAdmin.stages.defaultWon"), lost: t("dealAdmin.stages.defaultLost") }),
        },
  );
  const [problems, setProblems] = useState<StageProblem[]>([]);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const set = (changes: Partial<Values>) => setValues((v) => ({ ...v, ...changes }));

  const problemText = (p: StageProblem) =>
    "index" in p ? t(`dealAdmin.stageProblems.${p.code}`, { n: p.index + 1 }) : p.code === "missingOutcome" ? t("dealAdmin.stageProblems.missingOutcome", { outcome: t(`dealAdmin.outcomes.${p.outcome}`) }) : t(`dealAdmin.stageProblems.${p.code}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateStages(values.stages);
    setProblems(found);
    setNameError(values.name.trim() ? null : t("errors.fields.required"));
    if (found.length || !values.name.trim()) return;
    setSaving(true);
    setError(null);
    setStale(false);
    const body = {
      name: values.name.trim(),
      position: values.position,
      allow_skip: values.allowSkip,
      allow_back: values.allowBack,
      active: values.active,
      stages: rowsToInputs(values.stages),
    };
    try {
      if (record) await updateDealType(record, body);
      else await createDealType({ ...body, kind: values.kind });
      toastSuccess(record ? t("dealAdmin.types.saved") : t("dealAdmin.types.created"));
      onSaved();
    } catch (err) {
      setStale(isApiError(err) && (err.status === 412 || err.status === 428));
      setError(adminError(t, err));
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    if (!record) return;
    try {
      const latest = await fetchDealType(record.id);
      setRecord(latest);
      setValues(toValues(latest));
      setError(null);
      setStale(false);
      setProblems([]);
    } catch (err) {
      setError(adminError(t, err));
    }
  };

  const invalidRows = new Set(problems.flatMap((p) => ("index" in p ? [p.index] : [])));
  const title = record ? t("dealAdmin.types.editTitle") : t("dealAdmin.types.new");
  return (
    <Modal opened onClose={onClose} title={title} size="xl" centered>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack>
          {error && (
            <Alert color="red" role="alert" title={t("form.errorTitle")} style={{ whiteSpace: "pre-line" }} data-testid="deal-type-error">
              {error}
              {stale && (
                <Group mt="xs">
                  <Button size="xs" variant="light" color="red" onClick={() => void reload()}>
                    {t("dealAdmin.types.reload")}
                  </Button>
                </Group>
              )}
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput label={t("dealAdmin.types.name")} required data-autofocus value={values.name} error={nameError} onChange={(e) => set({ name: e.currentTarget.value })} />
            <NativeSelect
              label={t("dealAdmin.types.kind")}
              value={values.kind}
              disabled={record !== null}
              description={record ? t("dealAdmin.types.kindFixed") : undefined}
              data={DEAL_KINDS.map((k) => ({ value: k, label: t(`dealAdmin.kinds.${k}`) }))}
              onChange={(e) => set({ kind: e.currentTarget.value === "supply" ? "supply" : "sale" })}
            />
            <NumberInput label={t("dealAdmin.types.position")} value={values.position} allowDecimal={false} onChange={(v) => set({ position: typeof v === "number" ? v : 0 })} />
          </Group>
          <Group>
            <Switch label={t("dealAdmin.types.allowSkip")} checked={values.allowSkip} onChange={(e) => set({ allowSkip: e.currentTarget.checked })} />
            <Switch label={t("dealAdmin.types.allowBack")} checked={values.allowBack} onChange={(e) => set({ allowBack: e.currentTarget.checked })} />
            <Switch label={t("dealAdmin.types.active")} checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
          </Group>
          <StageRowsEditor rows={values.stages} invalid={invalidRows} onChange={(stages) => set({ stages })} />
          {problems.length > 0 && (
            <Alert color="orange" role="alert" data-testid="stage-problems">
              <List size="sm">
                {problems.map((p, i) => (
                  <List.Item key={i}>{problemText(p)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={saving}>
              {record ? t("common.save") : t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
