import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm, useRecordSave } from "../../../components/RecordForm";
import { isApiError } from "../../../lib/api/problem";
import type { CustomEntity, CustomField } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { createCustomField, fetchCustomField, updateCustomField } from "../api/custom-fields";
import {
  CUSTOM_FIELD_TYPES,
  definitionToValues,
  emptyDefinition,
  toCreateBody,
  toUpdateBody,
  type DefinitionEditValues,
  type DefinitionNewValues,
} from "../model/definition-form";
import { DefinitionFields } from "./DefinitionFields";

interface Props {
  entity: CustomEntity;
  /** null: a new field. */
  field: CustomField | null;
  defaultPosition: number;
  onClose: () => void;
  onSaved: () => void;
}

function Buttons({ onClose, submitLabel, loading, disabled }: { onClose: () => void; submitLabel: string; loading: boolean; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}

function NewFieldForm({ entity, defaultPosition, onClose, onSaved }: Omit<Props, "field">) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<DefinitionNewValues>({ initialValues: emptyDefinition(defaultPosition) });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await createCustomField(toCreateBody(entity, values));
      toastSuccess(t("customFields.created"));
      onSaved();
    } catch (err) {
      // 409 key_taken has no field errors of its own: it belongs beside the key.
      if (isApiError(err) && err.code === "key_taken") {
        form.setFieldError("key", t("customFields.keyTaken"));
        return;
      }
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t("customFields.new")}>
      <Stack>
        <FormError message={error} />
        <TextInput label={t("customFields.key")} description={t("customFields.keyHint")} required data-autofocus {...form.getInputProps("key")} />
        <Select
          label={t("customFields.type")}
          allowDeselect={false}
          data={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`customFields.types.${type}`) }))}
          {...form.getInputProps("field_type")}
        />
        <DefinitionFields form={form} fieldType={form.values.field_type} />
        <Buttons onClose={onClose} submitLabel={t("common.create")} loading={form.submitting} />
      </Stack>
    </form>
  );
}

function EditFieldForm({ field, onClose, onSaved }: { field: CustomField; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm<DefinitionEditValues>({ initialValues: definitionToValues(field) });
  const labels: Record<string, string> = {
    label: t("customFields.label"),
    options: t("customFields.options"),
    required: t("customFields.required"),
    in_list: t("customFields.inList"),
    filterable: t("customFields.filterable"),
    position: t("customFields.position"),
  };
  const save = useRecordSave<CustomField, DefinitionEditValues>({
    record: field,
    toValues: definitionToValues,
    save: (changes, version) => updateCustomField(field, toUpdateBody(field, changes), version),
    fetchLatest: () => fetchCustomField(field.id),
    // Saved, or reloaded after a conflict: either way the table shows the latest and the dialog closes.
    onRecord: onSaved,
    setFieldErrors: form.setErrors,
    label: (f) => labels[f] ?? f,
  });
  return (
    <form onSubmit={form.onSubmit((v) => void save.submit(v))} noValidate aria-label={t("customFields.editTitle")}>
      <Stack>
        <FormError message={save.formError} />
        <Group grow>
          <TextInput label={t("customFields.key")} value={field.key} disabled readOnly />
          <TextInput label={t("customFields.type")} value={t(`customFields.types.${field.field_type}`)} disabled readOnly />
        </Group>
        <DefinitionFields form={form} fieldType={field.field_type} />
        <Buttons onClose={onClose} submitLabel={t("common.save")} loading={save.saving} disabled={!form.isDirty()} />
      </Stack>
      {save.conflictDialog}
    </form>
  );
}

/** Define a custom field (key, type, ...) or change one (everything but key, entity and type). */
export function CustomFieldModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={props.onClose} title={props.field ? t("customFields.editTitle") : t("customFields.new")} size="lg" centered>
      {props.field ? (
        <EditFieldForm field={props.field} onClose={props.onClose} onSaved={props.onSaved} />
      ) : (
        <NewFieldForm entity={props.entity} defaultPosition={props.defaultPosition} onClose={props.onClose} onSaved={props.onSaved} />
      )}
    </Modal>
  );
}
