import { Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { toastSuccess } from "../../../lib/toast";
import { changePassword } from "../api/change-password";

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { current_password: "", new_password: "", confirm: "" },
    validate: {
      new_password: (v) => (v.length >= 12 ? null : t("users.passwordTooShort")),
      confirm: (v, all) => (v === all.new_password ? null : t("account.passwordsDiffer")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await changePassword(v.current_password, v.new_password);
      toastSuccess(t("account.passwordChanged"));
      form.reset();
      onDone?.();
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, ["current_password", "new_password"]);
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={error} />
        <PasswordInput label={t("account.currentPassword")} autoComplete="current-password" required {...form.getInputProps("current_password")} />
        <PasswordInput label={t("account.newPassword")} autoComplete="new-password" required {...form.getInputProps("new_password")} />
        <PasswordInput label={t("account.confirmPassword")} autoComplete="new-password" required {...form.getInputProps("confirm")} />
        <Button type="submit" loading={form.submitting}>
          {t("account.changePassword")}
        </Button>
      </Stack>
    </form>
  );
}
