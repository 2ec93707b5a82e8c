import { Button, Group, MultiSelect, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FormError, useRecordSave } from "../../../components/RecordForm";
import { LANGUAGES, LANGUAGE_NAMES } from "../../../i18n";
import type { Locale, User } from "../../../lib/api/types";
import { roleOptionsQuery } from "../api/role-options";
import { fetchUser, updateUser } from "../api/user";

interface Values {
  email: string;
  name: string;
  roles: string[];
  locale: Locale;
}

const toValues = (u: User): Values => ({ email: u.email, name: u.name, roles: [...u.roles], locale: u.locale });

export function UserEditForm({ user, onRecord, canEdit }: { user: User; onRecord: (u: User) => void; canEdit: boolean }) {
  const { t } = useTranslation();
  const roles = useQuery(roleOptionsQuery);
  const form = useForm<Values>({ initialValues: toValues(user) });
  const { submit, saving, formError, conflictDialog } = useRecordSave<User, Values>({
    record: user,
    toValues,
    save: (changes, version) => updateUser(user, changes, version),
    fetchLatest: () => fetchUser(user.id),
    onRecord,
    setFieldErrors: form.setErrors,
    label: (f) => t(`fields.${f}`),
  });

  // A new version of the record (saved, reloaded) becomes the form's starting point.
  useEffect(() => {
    form.setValues(toValues(user));
    form.resetDirty(toValues(user));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user.version, user.id]);

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate aria-label={t("users.editTitle")}>
      <Stack>
        <FormError message={formError} />
        <TextInput label={t("fields.email")} type="email" required disabled={!canEdit} {...form.getInputProps("email")} />
        <TextInput label={t("fields.name")} required disabled={!canEdit} {...form.getInputProps("name")} />
        <MultiSelect label={t("fields.roles")} data={(roles.data ?? user.roles.map((r) => ({ value: r, label: r }))).map((o) => ({ ...o, label: t(`roles.builtIn.${o.value}`, { defaultValue: o.label }) }))} searchable disabled={!canEdit} {...form.getInputProps("roles")} />
        <Select
          label={t("fields.locale")}
          allowDeselect={false}
          disabled={!canEdit}
          data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          {...form.getInputProps("locale")}
        />
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
