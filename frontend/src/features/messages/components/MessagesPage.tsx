import { Button, Group, Stack, Tabs, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { MAILBOXES, parseMailbox } from "../model/mailbox";
import { ComposeMessageModal } from "./ComposeMessageModal";
import { MessageList } from "./MessageList";

/** Internal messages: the inbox and the sent box (?box= keeps the open one), and writing a new one. */
export default function MessagesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [composing, compose] = useDisclosure();
  const box = parseMailbox(params.get("box"));
  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Title order={2}>{t("messages.title")}</Title>
        <Button onClick={compose.open} data-testid="compose-message">
          {t("messages.compose")}
        </Button>
      </Group>
      <Tabs value={box} onChange={(v) => setParams({ box: parseMailbox(v) }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {MAILBOXES.map((b) => (
            <Tabs.Tab key={b} value={b}>
              {t(`messages.boxes.${b}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {MAILBOXES.map((b) => (
          <Tabs.Panel key={b} value={b} pt="md">
            <MessageList box={b} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <ComposeMessageModal opened={composing} onClose={compose.close} />
    </Stack>
  );
}
