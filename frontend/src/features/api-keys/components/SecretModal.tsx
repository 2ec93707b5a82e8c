import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The new key's secret, shown exactly once, with a copy button. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={t("apiKeys.secretTitle")} centered size="lg">
      <Stack>
        <Alert color="yellow">{t("apiKeys.secretOnce")}</Alert>
        <Code block data-testid="api-key-secret" style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret ?? ""}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? "green" : undefined} onClick={copy}>
                {copied ? t("apiKeys.copied") : t("apiKeys.copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t("apiKeys.done")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
