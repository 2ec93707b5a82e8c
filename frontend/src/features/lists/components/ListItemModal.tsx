import { Button, Checkbox, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { listItemsQuery } from "../../../components/ListItemSelect";
import { FormError, problemToForm, useRecordSave } from "../../../components/RecordForm";
import type { ListItem } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { createListItem, updateListItem } from "../api/list-items";

interface Props {
  list: string;
  /** null: a new item. */
  item: ListItem | null;
  defaultPosition: number;
  onClose: () => void;
  onSaved: () => void;
}

interface EditValues {
  name: string;
  position: number;
  active: boolean;
}

const toValues = (i: ListItem): EditValues => ({ name: i.name, position: i.position, active: i.active });

function NewItemForm({ list, defaultPosition, onClose, onSaved }: Omit<Props, "item">) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { code: "", name: "", position: defaultPosition } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await createListItem(list, { code: values.code.trim(), name: values.name.trim(), position: Number(values.position) || 0 });
      toastSuccess(t("lists.created"));
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
        <TextInput label={t("fields.code")} description={t("lists.codeHint")} required data-autofocus {...form.getInputProps("code")} />
        <TextInput label={t("fields.name")} required {...form.getInputProps("name")} />
        <NumberInput label={t("lists.position")} min={0} max={100000} allowDecimal={false} {...form.getInputProps("position")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditItemForm({ item, onClose, onSaved }: { item: ListItem; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<EditValues>({ initialValues: toValues(item) });
  const save = useRecordSave<ListItem, EditValues>({
    record: item,
    toValues,
    save: (changes, version) => updateListItem(item, changes, version),
    fetchLatest: async () => {
      const items = await qc.fetchQuery({ ...listItemsQuery(item.list), staleTime: 0 });
      const latest = items.find((i) => i.id === item.id);
      if (!latest) throw new Error("gone");
      return latest;
    },
    // Saved, or reloaded after a conflict: either way the list shows the latest and the dialog closes.
    onRecord: onSaved,
    setFieldErrors: form.setErrors,
    label: (f) => (f === "position" ? t("lists.position") : t(`fields.${f}`)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => void save.submit(v))} noValidate>
      <Stack>
        <FormError message={save.formError} />
        <TextInput label={t("fields.code")} value={item.code} disabled readOnly />
        <TextInput label={t("fields.name")} required data-autofocus {...form.getInputProps("name")} />
        <NumberInput label={t("lists.position")} min={0} max={100000} allowDecimal={false} {...form.getInputProps("position")} />
        <Checkbox label={t("fields.active")} {...form.getInputProps("active", { type: "checkbox" })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.saving} disabled={!form.isDirty()}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
      {save.conflictDialog}
    </form>
  );
}

/** Add an item (code, name, position) or change one (name, position, active; the code never changes). */
export function ListItemModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={props.onClose} title={props.item ? t("lists.editTitle") : t("lists.new")} centered>
      {props.item ? (
        <EditItemForm item={props.item} onClose={props.onClose} onSaved={props.onSaved} />
      ) : (
        <NewItemForm list={props.list} defaultPosition={props.defaultPosition} onClose={props.onClose} onSaved={props.onSaved} />
      )}
    </Modal>
  );
}
