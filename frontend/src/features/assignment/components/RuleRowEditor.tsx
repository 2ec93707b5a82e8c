import { CloseButton, NumberInput, Select, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RULE_ROLES, type RuleRow } from "../model/rules";
import { RuleGroupSelect, RuleTerritorySelect, RuleUserSelect } from "./RuleCells";

interface Props {
  row: RuleRow;
  index: number;
  errors?: Record<string, string>;
  disabled: boolean;
  onChange: (next: RuleRow) => void;
  onRemove: () => void;
}

/** One editable rule; the server's field errors show on their cell. */
export function RuleRowEditor({ row, index, errors = {}, disabled, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof RuleRow>(key: K, v: RuleRow[K]) => onChange({ ...row, [key]: v });
  const label = (key: string) => `${t(`assignment.columns.${key}`)} ${index + 1}`;
  return (
    <>
      <Table.Tr data-testid={`rule-row-${index}`}>
        <Table.Td>
          <Text size="xs" c="dimmed">
            {index + 1}
          </Text>
        </Table.Td>
        <Table.Td miw={200}>
          <RuleTerritorySelect aria-label={label("territory")} value={row.territory_id} onChange={(v) => set("territory_id", v)} error={errors.territory_id} disabled={disabled} />
        </Table.Td>
        <Table.Td miw={150}>
          <RuleGroupSelect aria-label={label("group")} value={row.group_id} onChange={(v) => set("group_id", v)} error={errors.group_id} disabled={disabled} />
        </Table.Td>
        <Table.Td miw={170}>
          <RuleUserSelect aria-label={label("user")} value={row.user_id} onChange={(v) => set("user_id", v)} error={errors.user_id} disabled={disabled} />
        </Table.Td>
        <Table.Td miw={120}>
          <Select
            size="xs"
            aria-label={label("role")}
            allowDeselect={false}
            data={RULE_ROLES.map((r) => ({ value: r, label: t(`assignment.roles.${r}`) }))}
            value={row.role}
            onChange={(v) => set("role", v ?? "primary")}
            error={errors.role}
            disabled={disabled}
          />
        </Table.Td>
        <Table.Td w={90}>
          <NumberInput size="xs" aria-label={label("priority")} value={row.priority} onChange={(v) => set("priority", typeof v === "number" ? v : 0)} error={errors.priority} disabled={disabled} />
        </Table.Td>
        <Table.Td w={150}>
          <TextInput size="xs" type="date" aria-label={label("validFrom")} value={row.valid_from} onChange={(e) => set("valid_from", e.currentTarget.value)} error={errors.valid_from} disabled={disabled} />
        </Table.Td>
        <Table.Td w={150}>
          <TextInput size="xs" type="date" aria-label={label("validTo")} value={row.valid_to} onChange={(e) => set("valid_to", e.currentTarget.value)} error={errors.valid_to} disabled={disabled} />
        </Table.Td>
        <Table.Td>
          <CloseButton aria-label={t("assignment.removeRow", { n: index + 1 })} onClick={onRemove} disabled={disabled} />
        </Table.Td>
      </Table.Tr>
      {(errors.row || errors.id) && (
        <Table.Tr>
          <Table.Td colSpan={9}>
            <Text size="xs" c="red" role="alert">
              {[errors.row, errors.id].filter(Boolean).join("; ")}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
