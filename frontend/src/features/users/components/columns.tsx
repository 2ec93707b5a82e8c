import { Badge, Group } from "@mantine/core";
import type { TFunction } from "i18next";
import type { Column } from "../../../components/DataTable";
import type { User } from "../../../lib/api/types";
import { formatDateTime } from "../../../lib/format";

export function StatusBadge({ user, t }: { user: User; t: TFunction }) {
  if (user.deleted_at) return <Badge color="gray">{t("users.deleted")}</Badge>;
  return <Badge color={user.status === "active" ? "green" : "orange"}>{t(`enums.${user.status}`)}</Badge>;
}

export function userColumns(t: TFunction, lang: string): Column<User>[] {
  return [
    { key: "name", header: t("fields.name"), sortField: "name", render: (u) => u.name },
    { key: "email", header: t("fields.email"), sortField: "email", render: (u) => u.email },
    { key: "status", header: t("fields.status"), sortField: "status", render: (u) => <StatusBadge user={u} t={t} /> },
    {
      key: "roles",
      header: t("fields.roles"),
      render: (u) => (
        <Group gap={4}>
          {u.roles.map((r) => (
            <Badge key={r} variant="light" size="sm">
              {t(`roles.builtIn.${r}`, { defaultValue: r })}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: "created_at", header: t("fields.created_at"), sortField: "created_at", render: (u) => formatDateTime(u.created_at, lang) },
  ];
}
