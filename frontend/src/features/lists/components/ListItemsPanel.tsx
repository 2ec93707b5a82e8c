import { Badge, Button, Group, Stack, Table } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { listItemsKey, listItemsQuery } from "../../../components/ListItemSelect";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import type { ListItem } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { deleteListItem, updateListItem } from "../api/list-items";
import { inOrder, move, nextPosition } from "../model/reorder";
import { ListItemModal } from "./ListItemModal";
import { ListItemRowActions } from "./ListItemRowActions";

/** The items of one managed list: add, rename, reorder, (de)activate, delete. */
export function ListItemsPanel({ list }: { list: string }) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const items = useQuery(listItemsQuery(list));
  const [editing, setEditing] = useState<ListItem | "new" | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, confirmDialog] = useConfirm();
  const refresh = () => qc.invalidateQueries({ queryKey: listItemsKey(list) });

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      toastSuccess(done);
    } catch (err) {
      toastError(errorMessage(t, err));
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  if (items.isPending) return <LoadingState />;
  if (items.isError) return <ErrorState error={items.error} onRetry={() => void items.refetch()} />;
  const ordered = inOrder(items.data);
  const reorder = (index: number, dir: -1 | 1) =>
    run(async () => {
      for (const c of move(ordered, index, dir)) await updateListItem(c.item, { position: c.position });
    }, t("lists.reordered"));
  const remove = async (item: ListItem) => {
    if (await confirm({ title: t("common.delete"), message: t("lists.deleteConfirm", { name: item.name }), danger: true, confirmLabel: t("common.delete") }))
      await run(() => deleteListItem(item), t("lists.deleted"));
  };

  return (
    <Stack>
      {can(grants, "lists", "create") && (
        <Group>
          <Button onClick={() => setEditing("new")} data-testid="new-list-item">
            {t("lists.new")}
          </Button>
        </Group>
      )}
      {ordered.length === 0 ? (
        <EmptyState>{t("lists.empty")}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <caption className="visually-hidden">{t(`lists.names.${list}`, { defaultValue: list })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("fields.code")}</Table.Th>
                <Table.Th scope="col">{t("fields.name")}</Table.Th>
                <Table.Th scope="col">{t("lists.position")}</Table.Th>
                <Table.Th scope="col">{t("fields.active")}</Table.Th>
                <Table.Th scope="col">{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ordered.map((item, i) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.code}</Table.Td>
                  <Table.Td>{item.name}</Table.Td>
                  <Table.Td>{item.position}</Table.Td>
                  <Table.Td>
                    <Badge color={item.active ? "green" : "gray"}>{item.active ? t("common.yes") : t("common.no")}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <ListItemRowActions
                      item={item}
                      busy={busy}
                      first={i === 0}
                      last={i === ordered.length - 1}
                      onMove={(dir) => void reorder(i, dir)}
                      onEdit={() => setEditing(item)}
                      onToggle={() => void run(() => updateListItem(item, { active: !item.active }), item.active ? t("lists.deactivated") : t("lists.activated"))}
                      onDelete={() => void remove(item)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ListItemModal
          list={list}
          item={editing === "new" ? null : editing}
          defaultPosition={nextPosition(ordered)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
      {confirmDialog}
    </Stack>
  );
}
