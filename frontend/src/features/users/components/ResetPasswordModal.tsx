import { Button, Group, Modal, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import type { User } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { resetPassword } from "../api/user-actions";

export function ResetPasswordModal({ user, opened, onClose }: { user: User; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: "" } });
  const submit = form.onSubmit(async ({ password }) => {
    setError(null);
    try {
      await resetPassword(user, password);
      toastSuccess(t("users.passwordReset"));
      form.reset();
      onClose();
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, ["password"]);
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("users.resetPasswordFor", { name: user.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          <PasswordInput label={t("account.newPassword")} description={t("users.passwordHint")} autoComplete="new-password" required data-autofocus {...form.getInputProps("password")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("users.resetPassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
