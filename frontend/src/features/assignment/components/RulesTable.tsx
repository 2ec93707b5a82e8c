import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RuleRow } from "../model/rules";
import { RuleRowEditor } from "./RuleRowEditor";

const COLUMNS = ["territory", "group", "user", "role", "priority", "validFrom", "validTo"] as const;

interface Props {
  rows: RuleRow[];
  errors: Record<number, Record<string, string>>;
  disabled: boolean;
  onChange: (rows: RuleRow[]) => void;
}

/** The assignment table, edited as a whole. */
export function RulesTable({ rows, errors, disabled, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table aria-label={t("assignment.rulesTitle")} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            {COLUMNS.map((c) => (
              <Table.Th key={c}>{t(`assignment.columns.${c}`)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <RuleRowEditor
              key={row.key}
              row={row}
              index={i}
              errors={errors[i]}
              disabled={disabled}
              onChange={(next) => onChange(rows.map((r, j) => (j === i ? next : r)))}
              onRemove={() => onChange(rows.filter((_, j) => j !== i))}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
