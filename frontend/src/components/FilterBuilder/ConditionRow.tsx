import { ActionIcon, Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { operatorsFor, type FilterField, type FilterOp } from "./filter-node";
import { newCondition, type ConditionDraft } from "./model";
import { ValueInput } from "./ValueInput";

interface Props {
  condition: ConditionDraft;
  fields: readonly FilterField[];
  fieldLabel: (name: string) => string;
  onChange: (c: ConditionDraft) => void;
  onRemove: () => void;
}

export function ConditionRow({ condition, fields, fieldLabel, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.name === condition.field);
  const ops = operatorsFor(field?.type ?? "string");
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Select
        size="xs"
        aria-label={t("filter.field")}
        data={fields.map((f) => ({ value: f.name, label: fieldLabel(f.name) }))}
        value={condition.field || null}
        allowDeselect={false}
        searchable
        style={{ width: 170 }}
        onChange={(name) => {
          const next = fields.find((f) => f.name === name);
          onChange({ ...newCondition(next), id: condition.id });
        }}
      />
      <Select
        size="xs"
        aria-label={t("filter.operator")}
        data={ops.map((op) => ({ value: op, label: t(`filter.ops.${op}`) }))}
        value={ops.includes(condition.op) ? condition.op : null}
        allowDeselect={false}
        style={{ width: 150 }}
        onChange={(op) => onChange({ ...condition, op: (op ?? "eq") as FilterOp, value: op === "is_null" ? "true" : condition.value })}
      />
      <ValueInput
        field={field}
        op={condition.op}
        value={condition.value}
        label={t("filter.value")}
        onChange={(value) => onChange({ ...condition, value })}
      />
      <ActionIcon variant="subtle" color="red" aria-label={t("filter.removeCondition")} onClick={onRemove}>
        ×
      </ActionIcon>
    </Group>
  );
}
