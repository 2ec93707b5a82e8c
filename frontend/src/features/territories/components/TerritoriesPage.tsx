import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { buildTree, pathLabel, territoriesKey, territoriesQuery, territoryPath } from "../../../components/TerritorySelect";
import type { Territory } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { deleteTerritory } from "../api/territories";
import { TerritoryModal, type TerritoryEdit } from "./TerritoryModal";
import { TerritoryTree } from "./TerritoryTree";

/** Administration of the territory tree that automatic assignment works from. */
export default function TerritoriesPage() {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const list = useQuery(territoriesQuery);
  const [edit, setEdit] = useState<TerritoryEdit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const canCreate = can(grants, "territories", "create");
  const reload = () => qc.invalidateQueries({ queryKey: territoriesKey });

  const remove = async (territory: Territory) => {
    const ok = await confirm({ title: t("common.delete"), message: t("territories.deleteConfirm", { name: territory.name }), danger: true, confirmLabel: t("common.delete") });
    if (!ok) return;
    setError(null);
    try {
      await deleteTerritory(territory);
      toastSuccess(t("territories.deleted"));
    } catch (err) {
      setError(errorMessage(t, err));
    }
    await reload();
  };

  const all = list.data ?? [];
  const parentOf = (e: TerritoryEdit) => (e.kind === "new" ? e.parent?.id : e.territory.parent_id);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("territories.title")}</Title>
        {canCreate && (
          <Button onClick={() => setEdit({ kind: "new", parent: null })} data-testid="new-territory">
            {t("territories.addRoot")}
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm">
        {t("territories.intro")}
      </Text>
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)} data-testid="territory-error">
          {error}
        </Alert>
      )}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState>{t("territories.empty")}</EmptyState>
      ) : (
        <TerritoryTree
          roots={buildTree(all)}
          canCreate={canCreate}
          canUpdate={can(grants, "territories", "update")}
          canDelete={can(grants, "territories", "delete")}
          onAddChild={(parent) => setEdit({ kind: "new", parent })}
          onEdit={(territory) => setEdit({ kind: "edit", territory })}
          onDelete={(territory) => void remove(territory)}
        />
      )}
      {edit && (
        <TerritoryModal
          edit={edit}
          parentPath={pathLabel(territoryPath(all, parentOf(edit)))}
          onClose={() => setEdit(null)}
          onSaved={() => {
            setEdit(null);
            void reload();
          }}
        />
      )}
      {confirmDialog}
    </Stack>
  );
}
