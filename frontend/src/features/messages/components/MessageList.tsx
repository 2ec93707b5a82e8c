import { Anchor, Button, Group, Table, Text } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { formatDateTime } from "../../../lib/format";
import { userOptionsQuery } from "../../teams/api/user-options";
import { listMessages, MESSAGES_KEY } from "../api/messages";
import { isUnread, type MailboxName } from "../model/mailbox";

const PAGE = 30;

/** One box, newest first, a page at a time; unread messages in bold, each opening its thread. */
export function MessageList({ box }: { box: MailboxName }) {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const list = useInfiniteQuery({
    queryKey: [...MESSAGES_KEY, "list", box],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => listMessages({ box, limit: PAGE, before: pageParam }),
    getNextPageParam: (last) => last.next_before ?? undefined,
  });
  // Messages carry recipient ids only; the sent box names them from the users the caller may see.
  const users = useQuery({ ...userOptionsQuery, enabled: box === "sent" });
  const nameOf = (id: string) => users.data?.find((u) => u.value === id)?.label.replace(/ <.*>$/, "");
  const recipients = (ids: string[]) => {
    const names = ids.map(nameOf);
    return names.every(Boolean) ? names.join(", ") : t("messages.recipientCount", { count: ids.length });
  };
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <EmptyState>{t(box === "sent" ? "messages.emptySent" : "messages.emptyInbox")}</EmptyState>;
  const lang = i18n.language;
  return (
    <>
      <Table data-testid="message-list" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(box === "sent" ? "messages.to" : "messages.from")}</Table.Th>
            <Table.Th>{t("messages.subject")}</Table.Th>
            <Table.Th>{t("messages.date")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => {
            const unread = isUnread(m, user?.id);
            return (
              <Table.Tr key={m.id} data-unread={unread || undefined} fw={unread ? 700 : undefined}>
                <Table.Td>{box === "sent" ? recipients(m.recipient_ids) : (m.sender_name ?? "")}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/messages/${m.thread_id}`} fw={unread ? 700 : undefined}>
                    {m.subject}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1} fw={400}>
                    {m.body}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(m.created_at, lang)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {list.hasNextPage && (
        <Group>
          <Button size="xs" variant="light" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t("table.loadMore")}
          </Button>
        </Group>
      )}
    </>
  );
}
