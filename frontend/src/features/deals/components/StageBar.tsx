import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Deal, DealType, Stage } from "../model/types";

const OUTCOME_COLORS: Record<string, string> = { open: "blue", won: "green", lost: "red" };

interface Props {
  deal: Deal;
  type: DealType;
  canMove: boolean;
  onMove: (stage: Stage) => void;
}

/** The type's stages in order: the current one filled, the ones behind light; a click moves the deal there. */
export function StageBar({ deal, type, canMove, onMove }: Props) {
  const { t } = useTranslation();
  const current = type.stages.find((s) => s.id === deal.stage_id);
  const movable = canMove && deal.status !== "cancelled";
  return (
    <Group gap={4} role="list" aria-label={t("deals.stages")} data-testid="stage-bar">
      {type.stages.map((s) => {
        const here = s.id === deal.stage_id;
        const behind = current !== undefined && s.outcome === "open" && s.position < current.position;
        return (
          <div role="listitem" key={s.id}>
            <Button
              size="xs"
              radius="xl"
              color={OUTCOME_COLORS[s.outcome] ?? "blue"}
              variant={here ? "filled" : behind ? "light" : "default"}
              aria-current={here ? "step" : undefined}
              disabled={!here && !movable}
              onClick={() => !here && onMove(s)}
              title={here ? t("deals.currentStage") : t("deals.moveHere", { stage: s.name })}
              data-testid={`stage-${s.id}`}
            >
              {s.name}
              {s.outcome === "open" ? ` · ${s.probability} %` : ""}
            </Button>
          </div>
        );
      })}
    </Group>
  );
}
