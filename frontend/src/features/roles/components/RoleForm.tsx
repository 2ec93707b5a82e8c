import { Button, Group, Input, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FormError, useRecordSave } from "../../../components/RecordForm";
import { ErrorState, LoadingState } from "../../../components/states";
import type { GrantInput as Grant, Role } from "../../../lib/api/types";
import { permissionsQuery } from "../api/permissions";
import { fetchRole, updateRole } from "../api/roles";
import { GrantMatrix } from "./GrantMatrix";
import { sortGrants } from "./grants";

interface Values {
  name: string;
  description: string;
  grants: Grant[];
}

const toValues = (r: Role): Values => ({ name: r.name, description: r.description ?? "", grants: sortGrants(r.grants) });
const formatGrants = (v: unknown) =>
  Array.isArray(v) ? (v as Grant[]).map((g) => `${g.resource}.${g.action}=${g.scope}`).join(", ") || "—" : String(v ?? "—");

export function RoleForm({ role, onRecord, canEdit }: { role: Role; onRecord: (r: Role) => void; canEdit: boolean }) {
  const { t } = useTranslation();
  const permissions = useQuery(permissionsQuery);
  const form = useForm<Values>({ initialValues: toValues(role) });
  const { submit, saving, formError, conflictDialog } = useRecordSave<Role, Values>({
    record: role,
    toValues,
    save: (changes, version) => updateRole(role, changes, version),
    fetchLatest: () => fetchRole(role.id),
    onRecord,
    setFieldErrors: form.setErrors,
    label: (f) => (f === "grants" ? t("roles.grants") : t(`fields.${f}`)),
    format: (f, v) => (f === "grants" ? formatGrants(v) : v ? String(v) : "—"),
  });
  useEffect(() => {
    form.setValues(toValues(role));
    form.resetDirty(toValues(role));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role.version, role.id]);

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack>
        <FormError message={formError} />
        <TextInput label={t("fields.key")} value={role.key} readOnly disabled />
        <TextInput label={t("fields.name")} required disabled={!canEdit} {...form.getInputProps("name")} />
        <Textarea label={t("fields.description")} autosize minRows={2} disabled={!canEdit} {...form.getInputProps("description")} />
        <Input.Wrapper label={t("roles.grants")} error={form.errors.grants}>
          {permissions.isPending ? (
            <LoadingState />
          ) : permissions.isError ? (
            <ErrorState error={permissions.error} onRetry={() => void permissions.refetch()} />
          ) : (
            <GrantMatrix
              permissions={permissions.data}
              value={form.values.grants}
              disabled={!canEdit}
              onChange={(g) => form.setFieldValue("grants", g)}
            />
          )}
        </Input.Wrapper>
        {canEdit && (
          <Group>
            <Button type="submit" loading={saving} disabled={!form.isDirty()}>
              {t("common.save")}
            </Button>
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              {t("form.discard")}
            </Button>
          </Group>
        )}
      </Stack>
      {conflictDialog}
    </form>
  );
}
