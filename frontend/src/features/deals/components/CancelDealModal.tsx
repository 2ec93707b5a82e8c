import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";

/** Why the deal is cancelled (the API wants a reason with `status: cancelled`). */
export function CancelDealModal({ onClose, onSubmit }: { onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    initialValues: { close_reason: "" },
    validate: { close_reason: (v) => (v.trim() ? null : t("errors.fields.required")) },
  });
  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    try {
      await onSubmit(v.close_reason.trim());
    } catch (err) {
      const r = problemToForm(t, err, ["close_reason"]);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t("deals.cancelTitle")} centered>
      <form onSubmit={submit} noValidate aria-label={t("deals.cancelTitle")}>
        <Stack>
          <FormError message={general} />
          <Textarea label={t("deals.fields.close_reason")} required autosize minRows={2} maxLength={1000} data-autofocus {...form.getInputProps("close_reason")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={form.submitting}>
              {t("deals.cancelDeal")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
