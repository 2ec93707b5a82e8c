import { Button, Group, Stack, Switch, TextInput, Title } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ResourceList } from "../../../components/ResourceList";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { searchUsers } from "../api/search-users";
import { userColumns } from "./columns";
import { CreateUserModal } from "./CreateUserModal";

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { grants } = useAuth();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [trashed, setTrashed] = useState(false);
  const [creating, { open, close }] = useDisclosure();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("users.title")}</Title>
        {can(grants, "users", "create") && (
          <Button onClick={open} data-testid="new-user">
            {t("users.new")}
          </Button>
        )}
      </Group>
      <ResourceList
        resource="users"
        queryKey={[debouncedQ, trashed]}
        caption={t("users.title")}
        columns={userColumns(t, i18n.language)}
        defaultSort="name"
        filterable
        getRowId={(u) => u.id}
        onRowOpen={(u) => navigate(`/users/${u.id}`)}
        fetchPage={(p) => searchUsers(p, { q: debouncedQ, trashed })}
        toolbar={
          <>
            <TextInput
              size="xs"
              aria-label={t("common.search")}
              placeholder={t("users.searchPlaceholder")}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
            />
            <Switch size="sm" label={t("common.showTrashed")} checked={trashed} onChange={(e) => setTrashed(e.currentTarget.checked)} />
          </>
        }
      />
      <CreateUserModal opened={creating} onClose={close} onCreated={(u) => navigate(`/users/${u.id}`)} />
    </Stack>
  );
}
