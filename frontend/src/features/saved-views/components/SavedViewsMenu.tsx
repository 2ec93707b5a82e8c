import { ActionIcon, Button, Group, Menu, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SavedViewsSlotProps } from "../../../components/ResourceList";
import type { FilterNode } from "../../../components/FilterBuilder";
import { useConfirm } from "../../../components/ConfirmDialog";
import type { SavedView } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { toastError, toastSuccess } from "../../../lib/toast";
import { createSavedView, deleteSavedView, savedViewsQuery, updateSavedView } from "../api/saved-views";
import { SaveViewModal } from "./SaveViewModal";

/** Saved views of one list, per user: apply, save the current view, update or delete one. */
export function SavedViewsMenu({ resource, current, onApply }: SavedViewsSlotProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const views = useQuery(savedViewsQuery(resource));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const refresh = () => qc.invalidateQueries({ queryKey: ["saved-views", resource] });
  const body = { filter: current.filter as SavedView["filter"], sort: current.sort || null, columns: current.columns };

  const apply = (v: SavedView) => {
    setActiveId(v.id);
    onApply({ filter: (v.filter ?? null) as FilterNode | null, sort: v.sort ?? "", columns: v.columns ?? null });
  };
  const remove = async (v: SavedView) => {
    if (!(await confirm({ title: t("views.deleteTitle"), message: t("views.deleteMessage", { name: v.name }), danger: true, confirmLabel: t("common.delete") }))) return;
    try {
      await deleteSavedView(v);
      if (activeId === v.id) setActiveId(null);
      toastSuccess(t("views.deleted"));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await refresh();
  };
  const update = async (v: SavedView) => {
    try {
      await updateSavedView(v, body);
      toastSuccess(t("views.updated"));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await refresh();
  };
  const active = views.data?.items.find((v) => v.id === activeId);

  return (
    <>
      <Menu position="bottom-end" width={260}>
        <Menu.Target>
          <Button size="xs" variant="default">
            {active ? t("views.current", { name: active.name }) : t("views.title")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {views.data?.items.length === 0 && <Menu.Label>{t("views.none")}</Menu.Label>}
          {views.data?.items.map((v) => (
            <Group key={v.id} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => apply(v)} style={{ flex: 1 }}>
                <Text size="sm" fw={v.id === activeId ? 700 : undefined}>
                  {v.name}
                </Text>
              </Menu.Item>
              <ActionIcon variant="subtle" aria-label={t("views.deleteNamed", { name: v.name })} color="red" onClick={() => void remove(v)}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Menu.Divider />
          {active && <Menu.Item onClick={() => void update(active)}>{t("views.updateCurrent", { name: active.name })}</Menu.Item>}
          <Menu.Item onClick={() => setSaving(true)}>{t("views.saveCurrent")}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal
        opened={saving}
        error={saveError}
        onClose={() => {
          setSaving(false);
          setSaveError(null);
        }}
        onSave={async (name) => {
          try {
            const v = await createSavedView(resource, { name, ...body });
            setActiveId(v.id);
            setSaving(false);
            setSaveError(null);
            toastSuccess(t("views.saved"));
            await refresh();
          } catch (err) {
            setSaveError(errorMessage(t, err));
          }
        }}
      />
      {confirmDialog}
    </>
  );
}
