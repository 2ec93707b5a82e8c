import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OwnerRef } from "../../../lib/api/types";
import { useUserNames } from "../api/users";

/** Owners as "Ana Horvat (primary), Ivo Kovač (deputy)"; a dash when there are none. */
export function OwnerRefs({ owners }: { owners: readonly OwnerRef[] }) {
  const { t } = useTranslation();
  const name = useUserNames();
  if (owners.length === 0) return <Text c="dimmed" span size="sm">—</Text>;
  return <>{owners.map((o) => `${name(o.user_id)} (${t(`assignment.roles.${o.role}`, { defaultValue: o.role })})`).join(", ")}</>;
}
