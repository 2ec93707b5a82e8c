import { Button, Group, Stack, Switch, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ResourceList } from "../../../components/ResourceList";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { errorMessage } from "../../../lib/errors";
import { toastError, toastSuccess } from "../../../lib/toast";
import type { User } from "../../../lib/api/types";
import { restoreUser } from "../api/user-actions";
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
  const qc = useQueryClient();
  const restore = async (u: User) => {
    try {
      await restoreUser(u);
      toastSuccess(t("users.restored"));
      await qc.invalidateQueries({ queryKey: ["list", "users"] });
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  const columns = userColumns(t, i18n.language);
  // Deleted users cannot be opened (the API hides them); in the trash they can only be restored.
  if (trashed && can(grants, "users", "delete")) {
    columns.push({
      key: "restore",
      header: t("common.actions"),
      render: (u) =>
        u.deleted_at ? (
          <Button size="compact-xs" variant="light" color="green" onClick={() => void restore(u)}>
            {t("common.restore")}
          </Button>
        ) : null,
    });
  }
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
        columns={columns}
        defaultSort="name"
        filterable
        getRowId={(u) => u.id}
        onRowOpen={trashed ? undefined : (u) => navigate(`/users/${u.id}`)}
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
