import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/RecordForm";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { PartnerSelect } from "../../persons/components/PartnerSelect";
import { sendEmail } from "../api/emails";
import { splitRecipients } from "../model/status";
import { useQueueSubmit } from "./useQueueSubmit";

const FIELDS = ["to", "subject", "text", "partner_id"] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Prefilled (from the partner page): the email is logged on that partner's timeline. */
  partnerId?: string | null;
  /** Prefilled addresses, e.g. the partner's emails. */
  to?: string[];
}

/** Write one plain-text email; the worker sends it and the outbox shows how it went. */
export function SendEmailModal({ opened, onClose, partnerId = null, to = [] }: Props) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const form = useForm({
    initialValues: { to: to.join(", "), subject: "", text: "", partner_id: partnerId },
    validate: {
      to: (v) => (splitRecipients(v).length ? null : t("errors.fields.required")),
      subject: (v) => (v.trim() ? null : t("errors.fields.required")),
      text: (v) => (v.trim() ? null : t("errors.fields.required")),
    },
  });
  const { general, submit } = useQueueSubmit(
    form,
    FIELDS,
    (v) => sendEmail({ to: splitRecipients(v.to), subject: v.subject.trim(), text: v.text, ...(v.partner_id ? { partner_id: v.partner_id } : {}) }),
    t("outbox.queued"),
    onClose,
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t("outbox.sendEmail")} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label={t("outbox.sendEmail")}>
        <Stack>
          <FormError message={general} />
          <TextInput label={t("outbox.to")} description={t("outbox.toHint")} required data-autofocus {...form.getInputProps("to")} />
          <TextInput label={t("outbox.subject")} required maxLength={300} {...form.getInputProps("subject")} />
          <Textarea label={t("outbox.text")} required autosize minRows={6} {...form.getInputProps("text")} />
          {can(grants, "partners", "read") && <PartnerSelect label={t("fields.partner_id")} {...form.getInputProps("partner_id")} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("outbox.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
