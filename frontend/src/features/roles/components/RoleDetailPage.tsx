import { Anchor, Badge, Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useConfirm } from "../../../components/ConfirmDialog";
import { HistoryPanel } from "../../../components/HistoryPanel";
import { ErrorState, LoadingState } from "../../../components/states";
import type { Role } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { deleteRole, roleQuery, roleQueryKey } from "../api/roles";
import { NewRoleForm } from "./NewRoleForm";
import { RoleForm } from "./RoleForm";

function Back() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/roles" size="sm">
      ← {t("roles.title")}
    </Anchor>
  );
}

function NewRolePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <Stack>
      <Back />
      <Title order={2}>{t("roles.new")}</Title>
      <Paper withBorder p="md">
        <NewRoleForm
          onCreated={(r) => {
            void qc.invalidateQueries({ queryKey: ["list", "roles"] });
            void qc.invalidateQueries({ queryKey: ["roles", "options"] });
            navigate(`/roles/${r.id}`, { replace: true });
          }}
        />
      </Paper>
    </Stack>
  );
}

function EditRolePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { grants } = useAuth();
  const role = useQuery(roleQuery(id));
  const [confirm, confirmDialog] = useConfirm();
  if (role.isPending) return <LoadingState />;
  if (role.isError) return <ErrorState error={role.error} onRetry={() => void role.refetch()} />;
  const r = role.data;
  const onRecord = (next: Role) => {
    qc.setQueryData(roleQueryKey(id), next);
    void qc.invalidateQueries({ queryKey: ["list", "roles"] });
    void qc.invalidateQueries({ queryKey: ["history", "role", id] });
  };
  const remove = async () => {
    if (!(await confirm({ title: t("common.delete"), message: t("roles.deleteConfirm", { name: r.name }), danger: true, confirmLabel: t("common.delete") }))) return;
    try {
      await deleteRole(r);
      toastSuccess(t("roles.deleted"));
      void qc.invalidateQueries({ queryKey: ["list", "roles"] });
      navigate("/roles", { replace: true });
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  return (
    <Stack>
      <Back />
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{r.built_in ? t(`roles.builtIn.${r.key}`, { defaultValue: r.name }) : r.name}</Title>
          {r.built_in && <Badge variant="light">{t("roles.builtInBadge")}</Badge>}
        </Group>
        {can(grants, "roles", "delete") && !r.built_in && (
          <Button color="red" variant="light" onClick={() => void remove()}>
            {t("common.delete")}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <RoleForm role={r} onRecord={onRecord} canEdit={can(grants, "roles", "update")} />
      </Paper>
      <HistoryPanel entityType="role" entityId={r.id} />
      {confirmDialog}
    </Stack>
  );
}

export default function RoleDetailPage() {
  const { id = "" } = useParams();
  return id === "new" ? <NewRolePage /> : <EditRolePage id={id} />;
}
