import { Badge, Button, Group, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ResourceList } from "../../../components/ResourceList";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { listRoles } from "../api/roles";

export default function RolesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { grants } = useAuth();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("roles.title")}</Title>
        {can(grants, "roles", "create") && (
          <Button component={Link} to="/roles/new">
            {t("roles.new")}
          </Button>
        )}
      </Group>
      <ResourceList
        resource="roles"
        queryKey={[]}
        caption={t("roles.title")}
        defaultSort="name"
        getRowId={(r) => r.id}
        onRowOpen={(r) => navigate(`/roles/${r.id}`)}
        fetchPage={listRoles}
        columns={[
          {
            key: "name",
            header: t("fields.name"),
            sortField: "name",
            render: (r) => (r.built_in ? t(`roles.builtIn.${r.key}`, { defaultValue: r.name }) : r.name),
          },
          { key: "key", header: t("fields.key"), sortField: "key", render: (r) => <code>{r.key}</code> },
          { key: "description", header: t("fields.description"), render: (r) => r.description },
          {
            key: "built_in",
            header: t("fields.built_in"),
            render: (r) => (r.built_in ? <Badge variant="light">{t("roles.builtInBadge")}</Badge> : null),
          },
          { key: "grants", header: t("roles.grants"), render: (r) => r.grants.length },
        ]}
      />
    </Stack>
  );
}
