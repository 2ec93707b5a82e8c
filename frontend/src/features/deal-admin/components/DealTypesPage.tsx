import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { dealTypesKey, dealTypesQuery, deleteDealType } from "../api/deal-types";
import { adminError } from "../model/errors";
import { DEAL_KINDS, type DealKind, type DealType, type Outcome } from "../model/types";
import { DealTypeEditor, type DealTypeEdit } from "./DealTypeEditor";
import { OUTCOME_COLORS } from "./StageRowsEditor";

const byPosition = (a: DealType, b: DealType) => a.position - b.position || a.name.localeCompare(b.name);

/** Administration of the deal types (pipelines) of each kind and their stages. */
export default function DealTypesPage() {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const list = useQuery(dealTypesQuery);
  const [kind, setKind] = useState<DealKind>("sale");
  const [edit, setEdit] = useState<DealTypeEdit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const reload = () => qc.invalidateQueries({ queryKey: dealTypesKey });
  const canCreate = can(grants, "deal_types", "create");
  const canUpdate = can(grants, "deal_types", "update");
  const canDelete = can(grants, "deal_types", "delete");

  const remove = async (type: DealType) => {
    const ok = await confirm({ title: t("common.delete"), message: t("dealAdmin.types.deleteConfirm", { name: type.name }), danger: true, confirmLabel: t("common.delete") });
    if (!ok) return;
    setError(null);
    try {
      await deleteDealType(type);
      toastSuccess(t("dealAdmin.types.deleted"));
    } catch (err) {
      setError(adminError(t, err));
    }
    await reload();
  };

  const shown = (list.data ?? []).filter((d) => d.kind === kind).sort(byPosition);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("dealAdmin.types.title")}</Title>
        {canCreate && (
          <Button onClick={() => setEdit({ kind: "new", dealKind: kind, position: (shown.at(-1)?.position ?? 0) + 10 })} data-testid="new-deal-type">
            {t("dealAdmin.types.new")}
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm">
        {t("dealAdmin.types.intro")}
      </Text>
      <SegmentedControl
        aria-label={t("dealAdmin.types.kind")}
        value={kind}
        onChange={(v) => setKind(v === "supply" ? "supply" : "sale")}
        data={DEAL_KINDS.map((k) => ({ value: k, label: t(`dealAdmin.kinds.${k}`) }))}
        style={{ alignSelf: "flex-start" }}
      />
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)} style={{ whiteSpace: "pre-line" }} data-testid="deal-types-error">
          {error}
        </Alert>
      )}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState>{t("dealAdmin.types.empty")}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t("dealAdmin.types.listLabel", { kind: t(`dealAdmin.kinds.${kind}`) })} data-testid="deal-types-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("dealAdmin.types.name")}</Table.Th>
                <Table.Th scope="col">{t("dealAdmin.stages.title")}</Table.Th>
                <Table.Th scope="col">{t("dealAdmin.types.rules")}</Table.Th>
                <Table.Th scope="col">{t("dealAdmin.types.active")}</Table.Th>
                <Table.Th scope="col">{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((type) => (
                <Table.Tr key={type.id} data-testid={`deal-type-${type.id}`}>
                  <Table.Td fw={600}>{type.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {[...type.stages]
                        .sort((a, b) => a.position - b.position)
                        .map((s) => (
                          <Badge key={s.id} variant="light" color={OUTCOME_COLORS[s.outcome as Outcome] ?? "gray"} tt="none">
                            {s.name} · {s.probability} %
                          </Badge>
                        ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {[type.allow_skip ? t("dealAdmin.types.allowSkip") : null, type.allow_back ? t("dealAdmin.types.allowBack") : null].filter(Boolean).join(" · ") || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={type.active ? "green" : "gray"}>{type.active ? t("common.yes") : t("common.no")}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {canUpdate && (
                        <Button size="compact-xs" variant="default" onClick={() => setEdit({ kind: "edit", type })}>
                          {t("dealAdmin.edit")}
                        </Button>
                      )}
                      {canDelete && (
                        <Button size="compact-xs" variant="light" color="red" onClick={() => void remove(type)}>
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
      {edit && (
        <DealTypeEditor
          edit={edit}
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
