import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/RecordForm";
import { errorMessage } from "../../../lib/errors";
import { createMailing } from "../api/mailings";
import { MailingProgress } from "./MailingProgress";
import { PersonMultiSelect } from "./PersonMultiSelect";

/** Choose persons and send them the template (in each one's language where it exists), then watch it go. */
export function SendMailingModal({ templateKey, opened, onClose }: { templateKey: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [persons, setPersons] = useState<{ value: string; label: string }[]>([]);
  const [mailingId, setMailingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const send = async () => {
    setError(null);
    setSending(true);
    try {
      const m = await createMailing(templateKey, persons.map((p) => p.value));
      setMailingId(m.id);
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setSending(false);
    }
  };
  const close = () => {
    setPersons([]);
    setMailingId(null);
    setError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t("mailings.send")} size="lg" centered>
      <Stack>
        <Text size="sm">{t("mailings.explain", { key: templateKey })}</Text>
        {mailingId ? (
          <MailingProgress id={mailingId} />
        ) : (
          <>
            <FormError message={error} />
            <PersonMultiSelect label={t("mailings.recipients")} placeholder={t("mailings.searchPersons")} value={persons} onChange={setPersons} data-autofocus />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.close")}
          </Button>
          {!mailingId && (
            <Button onClick={() => void send()} loading={sending} disabled={persons.length === 0}>
              {t("mailings.sendCount", { count: persons.length })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
