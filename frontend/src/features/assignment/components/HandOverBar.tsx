import { Button, Checkbox, Group, Paper } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RuleUserSelect } from "./RuleCells";

interface Props {
  count: number;
  busy: boolean;
  onSubmit: (ownerId: string, lock: boolean) => void;
}

/** Whom to hand the selected partners to, and whether to lock them against automatic reassignment. */
export function HandOverBar({ count, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [owner, setOwner] = useState<string | null>(null);
  const [lock, setLock] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group align="flex-end">
        <RuleUserSelect size="sm" w={260} label={t("assignment.reassign.newOwner")} value={owner} onChange={setOwner} />
        <Checkbox label={t("assignment.reassign.lock")} checked={lock} onChange={(e) => setLock(e.currentTarget.checked)} />
        <Button disabled={!owner || count === 0} loading={busy} onClick={() => owner && onSubmit(owner, lock)} data-testid="hand-over">
          {t("assignment.reassign.submit", { n: count })}
        </Button>
      </Group>
    </Paper>
  );
}
