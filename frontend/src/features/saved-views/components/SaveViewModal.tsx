import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  opened: boolean;
  onClose: () => void;
  onSave: (name: string) => Promise<void>;
  error: string | null;
}

export function SaveViewModal({ opened, onClose, onSave, error }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={t("views.saveTitle")} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void onSave(name.trim()).finally(() => setBusy(false));
        }}
      >
        <Stack>
          <TextInput label={t("views.name")} required value={name} error={error} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} disabled={!name.trim()}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
