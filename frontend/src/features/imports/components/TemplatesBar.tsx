import { Button, Group, Select, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { errorMessage } from "../../../lib/errors";
import { toastError, toastSuccess } from "../../../lib/toast";
import { createTemplate, deleteTemplate, templatesKey, templatesQuery } from "../api/imports";
import { applyTemplate, cleanMapping, type ImportEntity, type MappingState } from "../model/imports";

interface Props {
  entity: ImportEntity;
  headers: string[];
  fields: string[];
  mapping: MappingState;
  onApply: (m: MappingState) => void;
}

/** Saved mappings: pick one to apply to this file's columns, save the current one under a name. */
export function TemplatesBar({ entity, headers, fields, mapping, onApply }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [confirm, dialog] = useConfirm();
  const templates = useQuery(templatesQuery(entity));
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);
  const list = templates.data ?? [];

  const apply = (id: string | null) => {
    setSelected(id);
    const tpl = list.find((x) => x.id === id);
    if (tpl) onApply(applyTemplate(headers, tpl.mapping, fields));
  };
  const save = async () => {
    setSaving(true);
    try {
      const created = await createTemplate(name.trim(), entity, cleanMapping(mapping));
      toastSuccess(t("imports.templateSaved"));
      setName("");
      setSelected(created.id);
      await qc.invalidateQueries({ queryKey: templatesKey(entity) });
    } catch (err) {
      toastError(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    const tpl = list.find((x) => x.id === selected);
    if (!tpl) return;
    const ok = await confirm({
      title: t("imports.deleteTemplateTitle"),
      message: t("imports.deleteTemplateConfirm", { name: tpl.name }),
      confirmLabel: t("common.delete"),
      danger: true,
    });
    if (!ok) return;
    try {
      await deleteTemplate(tpl.id);
      setSelected(null);
      await qc.invalidateQueries({ queryKey: templatesKey(entity) });
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };

  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Select
        size="xs"
        label={t("imports.template")}
        placeholder={list.length ? t("imports.pickTemplate") : t("imports.noTemplates")}
        data={list.map((x) => ({ value: x.id, label: x.name }))}
        value={selected}
        onChange={apply}
        disabled={!list.length}
        clearable
        data-testid="import-template"
      />
      {selected && (
        <Button size="xs" variant="subtle" color="red" onClick={() => void remove()}>
          {t("imports.deleteTemplate")}
        </Button>
      )}
      <TextInput
        size="xs"
        label={t("imports.templateName")}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        data-testid="import-template-name"
      />
      <Button size="xs" variant="light" onClick={() => void save()} loading={saving} disabled={!name.trim()} data-testid="import-template-save">
        {t("imports.saveTemplate")}
      </Button>
      {dialog}
    </Group>
  );
}
