import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm, useRecordSave } from "../../../components/RecordForm";
import type { Territory } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { createTerritory, fetchTerritory, updateTerritory } from "../api/territories";
import { emptyTerritory, territoryToValues, toCreateBody, toUpdateBody, type TerritoryValues } from "../model/territory-form";
import { TerritoryFields } from "./TerritoryFields";

export type TerritoryEdit = { kind: "new"; parent: Territory | null } | { kind: "edit"; territory: Territory };

interface Props {
  edit: TerritoryEdit;
  /** The parent's path, for the dialog's subtitle. */
  parentPath: string;
  onClose: () => void;
  onSaved: () => void;
}

function Buttons({ onClose, label, loading, disabled }: { onClose: () => void; label: string; loading: boolean; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {label}
      </Button>
    </Group>
  );
}

function NewTerritoryForm({ parent, onClose, onSaved }: { parent: Territory | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TerritoryValues>({ initialValues: emptyTerritory });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await createTerritory(toCreateBody(values, parent?.id ?? null));
      toastSuccess(t("territories.created"));
      onSaved();
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t("territories.new")}>
      <Stack>
        <FormError message={error} />
        <TerritoryFields form={form} />
        <Buttons onClose={onClose} label={t("common.create")} loading={form.submitting} />
      </Stack>
    </form>
  );
}

function EditTerritoryForm({ territory, onClose, onSaved }: { territory: Territory; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm<TerritoryValues>({ initialValues: territoryToValues(territory) });
  const labels: Record<string, string> = {
    name: t("territories.name"),
    countries: t("territories.countries"),
    regions: t("territories.regions"),
    postal_codes: t("territories.postalCodes"),
  };
  const save = useRecordSave<Territory, TerritoryValues>({
    record: territory,
    toValues: territoryToValues,
    save: (changes, version) => updateTerritory(territory, toUpdateBody(changes), version),
    fetchLatest: () => fetchTerritory(territory.id),
    onRecord: onSaved,
    setFieldErrors: form.setErrors,
    label: (f) => labels[f] ?? f,
  });
  return (
    <form onSubmit={form.onSubmit((v) => void save.submit(v))} noValidate aria-label={t("territories.editTitle")}>
      <Stack>
        <FormError message={save.formError} />
        <TerritoryFields form={form} />
        <Buttons onClose={onClose} label={t("common.save")} loading={save.saving} disabled={!form.isDirty()} />
      </Stack>
      {save.conflictDialog}
    </form>
  );
}

/** Add a territory (at the root or under another) or change one. */
export function TerritoryModal({ edit, parentPath, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const title = edit.kind === "edit" ? t("territories.editTitle") : t("territories.new");
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <Stack>
        {parentPath && (
          <Text size="sm" c="dimmed">
            {t("territories.under", { path: parentPath })}
          </Text>
        )}
        {edit.kind === "edit" ? (
          <EditTerritoryForm territory={edit.territory} onClose={onClose} onSaved={onSaved} />
        ) : (
          <NewTerritoryForm parent={edit.parent} onClose={onClose} onSaved={onSaved} />
        )}
      </Stack>
    </Modal>
  );
}
