import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { createApiKey } from "../api/api-keys";

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (secret: string) => void;
}

export function CreateApiKeyModal({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: "", expires_at: "" } });
  const submit = form.onSubmit(async ({ name, expires_at }) => {
    setError(null);
    try {
      // A calendar date means "valid through that day" (end of the day, UTC).
      const expires = expires_at ? new Date(`${expires_at}T23:59:59Z`).toISOString() : null;
      const created = await createApiKey(name.trim(), expires);
      form.reset();
      onClose();
      onCreated(created.secret);
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, ["name", "expires_at"]);
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("apiKeys.new")} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          <TextInput label={t("fields.name")} required data-autofocus {...form.getInputProps("name")} />
          <TextInput label={t("fields.expires_at")} type="date" description={t("apiKeys.expiresHint")} {...form.getInputProps("expires_at")} />
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
