import { Badge, Group, Stack, Text, Timeline } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../../components/states";
import { formatDateTime } from "../../../lib/format";
import { timelineQuery } from "../api/deals";
import { useOwnerName } from "../api/options";
import type { DealType } from "../model/types";

const ICONS: Record<string, string> = { activity: "📞", email: "✉️", attachment: "📎", stage: "➜" };

/** Everything that happened on the deal, newest first: activities, emails, attachments and stage moves. */
export function DealTimeline({ dealId, type }: { dealId: string; type: DealType | null }) {
  const { t, i18n } = useTranslation();
  const q = useQuery(timelineQuery(dealId));
  const userName = useOwnerName();
  const stage = (id: string | null | undefined) => (id ? (type?.stages.find((s) => s.id === id)?.name ?? "") : "");
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.length === 0) return <Text c="dimmed">{t("deals.timeline.empty")}</Text>;
  return (
    <Timeline bulletSize={24} lineWidth={2} data-testid="deal-timeline">
      {q.data.map((e) => (
        <Timeline.Item key={`${e.kind}-${e.id}`} bullet={<span aria-hidden>{ICONS[e.kind] ?? "•"}</span>}>
          <Stack gap={2}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {e.kind === "stage" ? t("deals.timeline.moved", { from: stage(e.from_stage_id) || "—", to: stage(e.to_stage_id) }) : e.title}
              </Text>
              <Badge size="xs" variant="light">
                {t(`deals.timeline.kinds.${e.kind}`, { defaultValue: e.kind })}
              </Badge>
              {e.status && (
                <Badge size="xs" variant="outline">
                  {t(`deals.timeline.emailStatuses.${e.status}`, { defaultValue: e.status })}
                </Badge>
              )}
            </Group>
            {e.detail && (
              <Text size="xs" c="dimmed" lineClamp={3}>
                {e.detail}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {[formatDateTime(e.at, i18n.language), userName(e.user_id)].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
