import { ActionIcon, Badge, Button, Group, NativeSelect, NumberInput, Table, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { addStage, moveStage, newStage, removeStage, updateStage, type StageRow } from "../model/stages";
import { OUTCOMES, type Outcome } from "../model/types";

export const OUTCOME_COLORS: Record<Outcome, string> = { open: "blue", won: "green", lost: "red" };

interface Props {
  rows: StageRow[];
  onChange: (rows: StageRow[]) => void;
  /** Row indexes with a problem, outlined. */
  invalid?: ReadonlySet<number>;
}

const toInt = (v: number | string): number | "" => (typeof v === "number" ? Math.trunc(v) : v.trim() === "" ? "" : Number.isNaN(Number(v)) ? "" : Math.trunc(Number(v)));

/** The pipeline's stages in order: name, planned days, probability and outcome, with add, remove and move. */
export function StageRowsEditor({ rows, onChange, invalid }: Props) {
  const { t } = useTranslation();
  const set = (i: number, changes: Partial<Omit<StageRow, "key" | "id">>) => onChange(updateStage(rows, i, changes));
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={4} aria-label={t("dealAdmin.stages.title")} data-testid="stage-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">{t("dealAdmin.stages.name")}</Table.Th>
              <Table.Th scope="col">{t("dealAdmin.stages.plannedDays")}</Table.Th>
              <Table.Th scope="col">{t("dealAdmin.stages.probability")}</Table.Th>
              <Table.Th scope="col">{t("dealAdmin.stages.outcome")}</Table.Th>
              <Table.Th scope="col">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => {
              const n = i + 1;
              const bad = invalid?.has(i) ?? false;
              return (
                <Table.Tr key={r.key} data-testid={`stage-row-${i}`}>
                  <Table.Td>
                    <Badge variant="light" color={OUTCOME_COLORS[r.outcome]}>
                      {n}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t("dealAdmin.stages.nameOf", { n })}
                      value={r.name}
                      error={bad && !r.name.trim()}
                      onChange={(e) => set(i, { name: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t("dealAdmin.stages.plannedDaysOf", { n })}
                      value={r.plannedDays}
                      min={0}
                      allowDecimal={false}
                      allowNegative={false}
                      placeholder={t("dealAdmin.stages.noDeadline")}
                      w={120}
                      onChange={(v) => set(i, { plannedDays: toInt(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t("dealAdmin.stages.probabilityOf", { n })}
                      value={r.probability}
                      min={0}
                      max={100}
                      clampBehavior="strict"
                      allowDecimal={false}
                      allowNegative={false}
                      suffix=" %"
                      w={100}
                      onChange={(v) => {
                        const p = toInt(v);
                        set(i, { probability: p === "" ? 0 : p });
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t("dealAdmin.stages.outcomeOf", { n })}
                      value={r.outcome}
                      data={OUTCOMES.map((o) => ({ value: o, label: t(`dealAdmin.outcomes.${o}`) }))}
                      onChange={(e) => {
                        const outcome = e.currentTarget.value as Outcome;
                        set(i, { outcome, probability: outcome === "won" ? 100 : outcome === "lost" ? 0 : r.probability });
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="default" disabled={i === 0} aria-label={t("dealAdmin.stages.moveUp", { n })} onClick={() => onChange(moveStage(rows, i, -1))}>
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        disabled={i === rows.length - 1}
                        aria-label={t("dealAdmin.stages.moveDown", { n })}
                        onClick={() => onChange(moveStage(rows, i, 1))}
                      >
                        ↓
                      </ActionIcon>
                      <ActionIcon variant="light" color="red" disabled={rows.length <= 1} aria-label={t("dealAdmin.stages.remove", { n })} onClick={() => onChange(removeStage(rows, i))}>
                        ✕
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange(addStage(rows, newStage("open")))} data-testid="add-stage">
          {t("dealAdmin.stages.add")}
        </Button>
      </Group>
    </>
  );
}
