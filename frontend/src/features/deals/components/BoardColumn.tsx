import { Badge, Group, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import { formatAmount } from "../model/money";
import type { BoardColumn as Column } from "../model/types";

interface Props {
  column: Column;
  currency: string;
  /** A card is being dragged: the column accepts the drop. */
  accepting: boolean;
  onDrop: (dealId: string | null) => void;
  children: ReactNode;
}

const OUTCOME_COLORS: Record<string, string> = { won: "green", lost: "red" };

/** One stage of the board: its totals and cards, and a drop target for cards from other columns. */
export function BoardColumnView({ column, currency, accepting, onDrop, children }: Props) {
  const { t, i18n } = useTranslation();
  const [over, setOver] = useState(false);
  const { stage } = column;
  return (
    <Paper
      withBorder
      p="xs"
      w={280}
      miw={280}
      bg={over ? "var(--mantine-color-blue-light)" : "var(--mantine-color-gray-light)"}
      data-testid={`board-column-${stage.id}`}
      aria-label={stage.name}
      role="region"
      onDragOver={(e) => {
        if (!accepting) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        if (!over) setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onDrop(e.dataTransfer.getData("text/plain") || null);
      }}
    >
      <Stack gap="xs">
        <Stack gap={2}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700} c={OUTCOME_COLORS[stage.outcome]}>
              {stage.name}
            </Text>
            <Badge variant="light" data-testid="column-count" aria-label={t("deals.board.count")}>
              {formatNumber(column.count, i18n.language)}
            </Badge>
          </Group>
          <Group justify="space-between" gap={4}>
            <Text size="xs" data-testid="column-amount" title={t("deals.board.amount")}>
              {formatAmount(column.amount, currency, i18n.language)}
            </Text>
            {column.overdue > 0 && (
              <Badge color="red" size="xs" data-testid="column-overdue">
                {t("deals.board.overdueCount", { count: column.overdue })}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t("deals.board.weighted", { amount: formatAmount(column.weighted_amount, currency, i18n.language), probability: stage.probability })}
          </Text>
        </Stack>
        <ScrollArea.Autosize mah="65vh" type="auto">
          <Stack gap="xs" mih={80}>
            {children}
          </Stack>
        </ScrollArea.Autosize>
        {column.count > column.deals.length && (
          <Text size="xs" c="dimmed">
            {t("deals.board.more", { count: column.count - column.deals.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
