import { Button, Group, Modal, MultiSelect, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from "../../../i18n";
import type { User } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { createUser, type NewUser } from "../api/create-user";
import { roleOptionsQuery } from "../api/role-options";

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (u: User) => void;
}

export function CreateUserModal({ opened, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const roles = useQuery({ ...roleOptionsQuery, enabled: opened });
  const [error, setError] = useState<string | null>(null);
  const form = useForm<NewUser>({
    initialValues: { email: "", name: "", password: "", roles: [], locale: isLanguage(i18n.language) ? i18n.language : "en" },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const user = await createUser(values);
      toastSuccess(t("users.created"));
      await qc.invalidateQueries({ queryKey: ["list", "users"] });
      form.reset();
      onClose();
      onCreated(user);
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("users.new")} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          <TextInput label={t("fields.email")} type="email" required data-autofocus {...form.getInputProps("email")} />
          <TextInput label={t("fields.name")} required {...form.getInputProps("name")} />
          <PasswordInput label={t("fields.password")} description={t("users.passwordHint")} required autoComplete="new-password" {...form.getInputProps("password")} />
          <MultiSelect label={t("fields.roles")} data={(roles.data ?? []).map((o) => ({ ...o, label: t(`roles.builtIn.${o.value}`, { defaultValue: o.label }) }))} searchable {...form.getInputProps("roles")} />
          <Select
            label={t("fields.locale")}
            allowDeselect={false}
            data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            {...form.getInputProps("locale")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
