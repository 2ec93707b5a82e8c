import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorState, LoadingState } from "../../../components/states";
import { formatDateTime } from "../../../lib/format";
import { MESSAGES_KEY, threadQuery } from "../api/messages";
import { ReplyForm } from "./ReplyForm";

/** One conversation, oldest first, with a reply box at the bottom. Opening it marks it read. */
export default function ThreadPage() {
  const { t, i18n } = useTranslation();
  const { threadId = "" } = useParams();
  const qc = useQueryClient();
  const thread = useQuery(threadQuery(threadId));
  // The server marked the thread read while answering: the boxes and the menu's count are now stale.
  // The thread itself is left out, or refreshing it would mark it read again, round and round.
  const loadedAt = thread.dataUpdatedAt;
  useEffect(() => {
    if (!loadedAt) return;
    void qc.invalidateQueries({ queryKey: MESSAGES_KEY, predicate: (q) => q.queryKey[1] !== "thread" });
  }, [loadedAt, qc]);
  if (thread.isPending) return <LoadingState />;
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;
  const messages = thread.data;
  const lang = i18n.language;
  return (
    <Stack maw={820}>
      <Anchor component={Link} to="/messages" size="sm">
        {t("messages.back")}
      </Anchor>
      <Title order={2}>{messages[0]?.subject ?? t("messages.title")}</Title>
      <Stack gap="sm" data-testid="message-thread">
        {messages.map((m) => (
          <Paper key={m.id} withBorder p="sm" data-testid="thread-message">
            <Text size="sm" fw={600}>
              {m.sender_name ?? ""}
              <Text span size="xs" c="dimmed" fw={400} ml="xs">
                {formatDateTime(m.created_at, lang)}
              </Text>
            </Text>
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {m.body}
            </Text>
          </Paper>
        ))}
      </Stack>
      <ReplyForm thread={messages} />
    </Stack>
  );
}
