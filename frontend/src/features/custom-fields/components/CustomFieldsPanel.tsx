import { Badge, Button, Group, Stack, Table } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { customFieldsKey, customFieldsQuery } from "../../../components/CustomFields";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import type { CustomEntity, CustomField } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { deleteCustomField } from "../api/custom-fields";
import { nextPosition } from "../model/definition-form";
import { CustomFieldModal } from "./CustomFieldModal";

const YesNo = ({ on }: { on: boolean }) => {
  const { t } = useTranslation();
  return <Badge color={on ? "green" : "gray"}>{on ? t("common.yes") : t("common.no")}</Badge>;
};

/** The custom fields of one entity: define, change, delete (which removes the values from every record). */
export function CustomFieldsPanel({ entity }: { entity: CustomEntity }) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const fields = useQuery(customFieldsQuery(entity));
  const [editing, setEditing] = useState<CustomField | "new" | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  // Forms, lists and filters of the entity read the definitions and field metadata: refresh them all.
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: customFieldsKey(entity) });
    await qc.invalidateQueries({ queryKey: ["meta", entity] });
  };

  if (fields.isPending) return <LoadingState />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  const list = fields.data;
  const remove = async (f: CustomField) => {
    const ok = await confirm({
      title: t("common.delete"),
      message: t("customFields.deleteConfirm", { label: f.label }),
      danger: true,
      confirmLabel: t("common.delete"),
    });
    if (!ok) return;
    try {
      await deleteCustomField(f);
      toastSuccess(t("customFields.deleted"));
      void qc.invalidateQueries({ queryKey: ["list", entity] });
    } catch (err) {
      toastError(errorMessage(t, err));
    } finally {
      await refresh();
    }
  };

  return (
    <Stack>
      {can(grants, "custom_fields", "create") && (
        <Group>
          <Button onClick={() => setEditing("new")} data-testid="new-custom-field">
            {t("customFields.new")}
          </Button>
        </Group>
      )}
      {list.length === 0 ? (
        <EmptyState>{t("customFields.empty")}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs">
            <caption className="visually-hidden">{t(`customFields.entities.${entity}`)}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("customFields.label")}</Table.Th>
                <Table.Th scope="col">{t("customFields.key")}</Table.Th>
                <Table.Th scope="col">{t("customFields.type")}</Table.Th>
                <Table.Th scope="col">{t("customFields.required")}</Table.Th>
                <Table.Th scope="col">{t("customFields.inList")}</Table.Th>
                <Table.Th scope="col">{t("customFields.filterable")}</Table.Th>
                <Table.Th scope="col">{t("customFields.position")}</Table.Th>
                <Table.Th scope="col">{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.label}</Table.Td>
                  <Table.Td>
                    <code>{f.key}</code>
                  </Table.Td>
                  <Table.Td>
                    {t(`customFields.types.${f.field_type}`)}
                    {f.options.length > 0 && ` (${f.options.join(", ")})`}
                  </Table.Td>
                  <Table.Td>
                    <YesNo on={f.required} />
                  </Table.Td>
                  <Table.Td>
                    <YesNo on={f.in_list} />
                  </Table.Td>
                  <Table.Td>
                    <YesNo on={f.filterable} />
                  </Table.Td>
                  <Table.Td>{f.position}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {can(grants, "custom_fields", "update") && (
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(f)} aria-label={t("customFields.editNamed", { label: f.label })}>
                          {t("customFields.edit")}
                        </Button>
                      )}
                      {can(grants, "custom_fields", "delete") && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          onClick={() => void remove(f)}
                          aria-label={t("customFields.deleteNamed", { label: f.label })}
                        >
                          {t("common.delete")}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <CustomFieldModal
          entity={entity}
          field={editing === "new" ? null : editing}
          defaultPosition={nextPosition(list)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
            void qc.invalidateQueries({ queryKey: ["list", entity] });
          }}
        />
      )}
      {confirmDialog}
    </Stack>
  );
}
