import { ActionIcon, Anchor, Group, Menu, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatCalendarDate } from "../../../lib/format";
import { formatAmount } from "../model/money";
import type { Deal, Stage } from "../model/types";
import { OverdueBadge } from "./badges";

interface Props {
  deal: Deal;
  /** The other stages it can be moved to from the card's menu (the keyboard's way to drag). */
  stages: readonly Stage[];
  canMove: boolean;
  dragging: boolean;
  onDragStart: (id: string) => void;
  onDragEnd: () => void;
  onMove: (deal: Deal, stage: Stage) => void;
}

/** One deal on the board; dragged with native HTML5 drag events onto another column. */
export function DealCard({ deal, stages, canMove, dragging, onDragStart, onDragEnd, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const amount = deal.status === "won" ? deal.realised_amount : deal.expected_amount;
  return (
    <Paper
      withBorder
      p="xs"
      shadow="xs"
      data-testid={`deal-card-${deal.id}`}
      draggable={canMove}
      aria-grabbed={canMove ? dragging : undefined}
      style={{ cursor: canMove ? "grab" : undefined, opacity: dragging ? 0.5 : 1 }}
      onDragStart={(e) => {
        e.dataTransfer.setData("text/plain", deal.id);
        e.dataTransfer.effectAllowed = "move";
        onDragStart(deal.id);
      }}
      onDragEnd={onDragEnd}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
          <Anchor component={Link} to={`/deals/${deal.id}`} size="sm" fw={600} draggable={false}>
            {deal.title}
          </Anchor>
          {canMove && stages.length > 0 && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" size="sm" aria-label={t("deals.board.moveMenu", { title: deal.title })}>
                  ⋯
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t("deals.board.moveTo")}</Menu.Label>
                {stages.map((s) => (
                  <Menu.Item key={s.id} onClick={() => onMove(deal, s)}>
                    {s.name}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {deal.partner_name}
        </Text>
        <Group justify="space-between" gap={4}>
          <Text size="sm" data-testid="card-amount">
            {formatAmount(amount, deal.currency, i18n.language)}
          </Text>
          {deal.overdue && <OverdueBadge />}
        </Group>
        {deal.expected_close_on && (
          <Text size="xs" c="dimmed">
            {t("deals.board.closes", { date: formatCalendarDate(deal.expected_close_on, i18n.language) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
