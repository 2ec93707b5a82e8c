import { MultiSelect, Select, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TeamValues } from "../api/teams";
import { userOptionsQuery } from "../api/user-options";

/** Name, manager and members: shared by the create and edit forms. */
export function TeamFields({ form, disabled }: { form: UseFormReturnType<TeamValues>; disabled?: boolean }) {
  const { t } = useTranslation();
  const users = useQuery(userOptionsQuery);
  const known = users.data ?? [];
  // Ids the caller cannot see still show (as ids) rather than vanish from the selection.
  const ids = [form.values.manager_id, ...form.values.member_ids].filter((x): x is string => Boolean(x));
  const data = [...known, ...ids.filter((id) => !known.some((u) => u.value === id)).map((id) => ({ value: id, label: id }))];
  return (
    <>
      <TextInput label={t("fields.name")} required disabled={disabled} data-autofocus {...form.getInputProps("name")} />
      <Select label={t("fields.manager_id")} data={data} searchable clearable disabled={disabled} {...form.getInputProps("manager_id")} />
      <MultiSelect label={t("teams.members")} data={data} searchable disabled={disabled} {...form.getInputProps("member_ids")} />
    </>
  );
}
