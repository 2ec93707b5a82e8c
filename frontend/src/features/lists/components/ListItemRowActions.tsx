import { ActionIcon, Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ListItem } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";

interface Props {
  item: ListItem;
  busy: boolean;
  first: boolean;
  last: boolean;
  onMove: (dir: -1 | 1) => void;
  onEdit: () => void;
  onToggle: () => void;
  onDelete: () => void;
}

export function ListItemRowActions({ item, busy, first, last, onMove, onEdit, onToggle, onDelete }: Props) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const canUpdate = can(grants, "lists", "update");
  return (
    <Group gap={4} wrap="nowrap">
      {canUpdate && (
        <>
          <ActionIcon variant="default" size="sm" disabled={busy || first} onClick={() => onMove(-1)} aria-label={t("lists.moveUp", { name: item.name })}>
            ↑
          </ActionIcon>
          <ActionIcon variant="default" size="sm" disabled={busy || last} onClick={() => onMove(1)} aria-label={t("lists.moveDown", { name: item.name })}>
            ↓
          </ActionIcon>
          <Button size="compact-xs" variant="light" onClick={onEdit} aria-label={t("lists.editNamed", { name: item.name })}>
            {t("lists.edit")}
          </Button>
          <Button size="compact-xs" variant="light" color={item.active ? "orange" : "green"} disabled={busy} onClick={onToggle}>
            {item.active ? t("lists.deactivate") : t("lists.activate")}
          </Button>
        </>
      )}
      {can(grants, "lists", "delete") && (
        <Button size="compact-xs" variant="light" color="red" disabled={busy} onClick={onDelete} aria-label={t("lists.deleteNamed", { name: item.name })}>
          {t("common.delete")}
        </Button>
      )}
    </Group>
  );
}
