import { Button, Group, Input, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { LoadingState } from "../../../components/states";
import type { GrantInput as Grant, Role } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { permissionsQuery } from "../api/permissions";
import { createRole } from "../api/roles";
import { GrantMatrix } from "./GrantMatrix";

export function NewRoleForm({ onCreated }: { onCreated: (r: Role) => void }) {
  const { t } = useTranslation();
  const permissions = useQuery(permissionsQuery);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { key: "", name: "", description: "", grants: [] as Grant[] } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const role = await createRole(values);
      toastSuccess(t("roles.created"));
      onCreated(role);
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={error} />
        <TextInput label={t("fields.key")} description={t("roles.keyHint")} required data-autofocus {...form.getInputProps("key")} />
        <TextInput label={t("fields.name")} required {...form.getInputProps("name")} />
        <Textarea label={t("fields.description")} autosize minRows={2} {...form.getInputProps("description")} />
        <Input.Wrapper label={t("roles.grants")} error={form.errors.grants}>
          {permissions.data ? (
            <GrantMatrix permissions={permissions.data} value={form.values.grants} onChange={(g) => form.setFieldValue("grants", g)} />
          ) : (
            <LoadingState />
          )}
        </Input.Wrapper>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
