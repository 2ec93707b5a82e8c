import { Button, Group, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ResourceList } from "../../../components/ResourceList";
import { useAuth } from "../../../lib/auth/auth-context";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { listTeams } from "../api/teams";
import { userOptionsQuery } from "../api/user-options";

export default function TeamsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { grants } = useAuth();
  const users = useQuery(userOptionsQuery);
  const userName = (id: string | null | undefined) => (id ? (users.data?.find((u) => u.value === id)?.label ?? id) : "—");
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("teams.title")}</Title>
        {can(grants, "teams", "create") && (
          <Button component={Link} to="/teams/new">
            {t("teams.new")}
          </Button>
        )}
      </Group>
      <ResourceList
        resource="teams"
        queryKey={[]}
        caption={t("teams.title")}
        defaultSort="name"
        getRowId={(r) => r.id}
        onRowOpen={(r) => navigate(`/teams/${r.id}`)}
        fetchPage={listTeams}
        columns={[
          { key: "name", header: t("fields.name"), sortField: "name", render: (r) => r.name },
          { key: "manager", header: t("fields.manager_id"), render: (r) => userName(r.manager_id) },
          { key: "members", header: t("teams.members"), render: (r) => formatNumber(r.member_ids.length, i18n.language) },
          { key: "updated_at", header: t("fields.updated_at"), sortField: "updated_at", render: (r) => formatDateTime(r.updated_at, i18n.language) },
        ]}
      />
    </Stack>
  );
}
