import { Button, Group, Modal, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm, useRecordSave } from "../../../components/RecordForm";
import type { Branch } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { createBranch, fetchBranch, updateBranch } from "../api/branches";
import { branchBody, branchToValues, emptyBranchValues, type BranchValues } from "../model/values";
import { BranchFormFields } from "./BranchFormFields";

interface Props {
  partnerId: string;
  /** null: a new branch. */
  branch: Branch | null;
  canEdit: boolean;
  onClose: () => void;
  onSaved: () => void;
}

function Buttons({ onClose, saving, label, disabled }: { onClose: () => void; saving: boolean; label: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={saving} disabled={disabled}>
        {label}
      </Button>
    </Group>
  );
}

function NewBranch({ partnerId, onClose, onSaved }: Omit<Props, "branch" | "canEdit">) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<BranchValues>({ initialValues: emptyBranchValues });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await createBranch(partnerId, branchBody(values, true));
      toastSuccess(t("branches.created"));
      onSaved();
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={error} />
        <BranchFormFields form={form} />
        <Buttons onClose={onClose} saving={form.submitting} label={t("common.create")} />
      </Stack>
    </form>
  );
}

function EditBranch({ branch, canEdit, onClose, onSaved }: Omit<Props, "partnerId"> & { branch: Branch }) {
  const { t } = useTranslation();
  const form = useForm<BranchValues>({ initialValues: branchToValues(branch) });
  const save = useRecordSave<Branch, BranchValues>({
    record: branch,
    toValues: branchToValues,
    save: (changes, version) => updateBranch(branch, branchBody(changes, false), version),
    fetchLatest: () => fetchBranch(branch),
    onRecord: onSaved,
    setFieldErrors: form.setErrors,
    label: (f) => t(`fields.${f}`),
  });
  return (
    <form onSubmit={form.onSubmit((v) => void save.submit(v))} noValidate>
      <Stack>
        <FormError message={save.formError} />
        <BranchFormFields form={form} disabled={!canEdit} />
        {canEdit && <Buttons onClose={onClose} saving={save.saving} label={t("common.save")} disabled={!form.isDirty()} />}
      </Stack>
      {save.conflictDialog}
    </form>
  );
}

/** Add a branch, or view and change one (If-Match; a stale version opens the conflict dialog). */
export function BranchModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={props.onClose} title={props.branch ? props.branch.name : t("branches.new")} size="lg" centered>
      {props.branch ? <EditBranch {...props} branch={props.branch} /> : <NewBranch {...props} />}
    </Modal>
  );
}
