import { Button, Group, Paper, Select, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../lib/auth/auth-context";
import { useDealUsers } from "../api/options";
import type { DealType } from "../model/types";

interface Props {
  count: number;
  busy: boolean;
  types: readonly DealType[];
  canAssign: boolean;
  onReassign: (ownerId: string) => void;
  onMove: (stageId: string) => void;
  onClear: () => void;
}

/** What to do with the selected deals: a new owner, or another (open) stage. */
export function BulkBar({ count, busy, types, canAssign, onReassign, onMove, onClear }: Props) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const users = useDealUsers();
  const [owner, setOwner] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const owners = users.data?.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })) ?? (user ? [{ value: user.id, label: user.name }] : []);
  const stages = types.map((ty) => ({
    group: ty.name,
    items: ty.stages.filter((s) => s.outcome === "open").map((s) => ({ value: s.id, label: s.name })),
  }));
  return (
    <Paper withBorder p="sm" data-testid="deals-bulk">
      <Group align="flex-end">
        <Text size="sm" fw={600}>
          {t("deals.bulk.selected", { count })}
        </Text>
        {canAssign && (
          <>
            <Select size="xs" w={200} label={t("deals.bulk.newOwner")} data={owners} value={owner} onChange={setOwner} searchable />
            <Button size="xs" disabled={!owner} loading={busy} onClick={() => owner && onReassign(owner)} data-testid="bulk-reassign">
              {t("deals.bulk.reassign")}
            </Button>
          </>
        )}
        <Select size="xs" w={220} label={t("deals.bulk.stage")} data={stages} value={stage} onChange={setStage} searchable />
        <Button size="xs" disabled={!stage} loading={busy} onClick={() => stage && onMove(stage)} data-testid="bulk-move">
          {t("deals.bulk.move")}
        </Button>
        <Button size="xs" variant="subtle" onClick={onClear}>
          {t("deals.bulk.clear")}
        </Button>
      </Group>
    </Paper>
  );
}
