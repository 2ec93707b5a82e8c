import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/RecordForm";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { PartnerSelect } from "../../persons/components/PartnerSelect";
import { sendFax } from "../api/emails";
import { useQueueSubmit } from "./useQueueSubmit";

const FIELDS = ["number", "subject", "text", "partner_id"] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  partnerId?: string | null;
  number?: string;
}

/** A fax through the email-to-fax gateway; it appears in the outbox like an email. */
export function SendFaxModal({ opened, onClose, partnerId = null, number = "" }: Props) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const form = useForm({
    initialValues: { number, subject: "", text: "", partner_id: partnerId },
    validate: {
      number: (v) => (v.trim() ? null : t("errors.fields.required")),
      subject: (v) => (v.trim() ? null : t("errors.fields.required")),
      text: (v) => (v.trim() ? null : t("errors.fields.required")),
    },
  });
  const { general, submit } = useQueueSubmit(
    form,
    FIELDS,
    (v) => sendFax({ number: v.number.trim(), subject: v.subject.trim(), text: v.text, ...(v.partner_id ? { partner_id: v.partner_id } : {}) }),
    t("outbox.faxQueued"),
    onClose,
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t("outbox.sendFax")} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label={t("outbox.sendFax")}>
        <Stack>
          <FormError message={general} />
          <TextInput label={t("outbox.faxNumber")} required maxLength={40} data-autofocus {...form.getInputProps("number")} />
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
