import { Anchor, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { HistoryPanel } from "../../../components/HistoryPanel";
import { ErrorState, LoadingState } from "../../../components/states";
import type { User } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { formatDateTime } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { userQuery, userQueryKey } from "../api/user";
import { StatusBadge } from "./columns";
import { UserActions } from "./UserActions";
import { UserEditForm } from "./UserEditForm";

export default function UserDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const user = useQuery(userQuery(id));
  const onRecord = (u: User) => {
    qc.setQueryData(userQueryKey(id), u);
    void qc.invalidateQueries({ queryKey: ["list", "users"] });
    void qc.invalidateQueries({ queryKey: ["history", "user", id] });
  };
  if (user.isPending) return <LoadingState />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  const u = user.data;
  return (
    <Stack>
      <Anchor component={Link} to="/users" size="sm">
        ← {t("users.title")}
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{u.name}</Title>
          <StatusBadge user={u} t={t} />
        </Group>
        <UserActions
          user={u}
          canUpdate={can(grants, "users", "update")}
          canDelete={can(grants, "users", "delete")}
          onRecord={onRecord}
          onDeleted={() => {
            void qc.invalidateQueries({ queryKey: ["list", "users"] });
            navigate("/users", { replace: true });
          }}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t("fields.created_at")}: {formatDateTime(u.created_at, i18n.language)} · {t("fields.updated_at")}:{" "}
        {formatDateTime(u.updated_at, i18n.language)}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <UserEditForm user={u} onRecord={onRecord} canEdit={can(grants, "users", "update") && !u.deleted_at} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <HistoryPanel entityType="user" entityId={u.id} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
