import { Button, Checkbox, Group, Paper, SegmentedControl, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FilterField } from "./filter-node";
import { ConditionRow } from "./ConditionRow";
import { emptyGroup, newCondition, type DraftNode, type GroupDraft } from "./model";

interface Props {
  group: GroupDraft;
  fields: readonly FilterField[];
  fieldLabel: (name: string) => string;
  depth: number;
  onChange: (g: GroupDraft) => void;
  onRemove?: () => void;
}

/** One AND/OR group (optionally negated) with its conditions and nested groups. */
export function GroupEditor({ group, fields, fieldLabel, depth, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const setChild = (id: string, next: DraftNode | null) =>
    onChange({
      ...group,
      children: group.children.flatMap((c) => (c.id === id ? (next ? [next] : []) : [c])),
    });
  return (
    <Paper withBorder p="xs" radius="sm" role="group" aria-label={t("filter.group")}>
      <Stack gap="xs">
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            aria-label={t("filter.combinator")}
            value={group.combinator}
            onChange={(v) => onChange({ ...group, combinator: v === "or" ? "or" : "and" })}
            data={[
              { value: "and", label: t("filter.and") },
              { value: "or", label: t("filter.or") },
            ]}
          />
          <Checkbox
            size="xs"
            label={t("filter.not")}
            checked={group.negate}
            onChange={(e) => onChange({ ...group, negate: e.currentTarget.checked })}
          />
          {onRemove && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
              {t("filter.removeGroup")}
            </Button>
          )}
        </Group>
        {group.children.map((child) =>
          child.kind === "condition" ? (
            <ConditionRow
              key={child.id}
              condition={child}
              fields={fields}
              fieldLabel={fieldLabel}
              onChange={(c) => setChild(child.id, c)}
              onRemove={() => setChild(child.id, null)}
            />
          ) : (
            <GroupEditor
              key={child.id}
              group={child}
              fields={fields}
              fieldLabel={fieldLabel}
              depth={depth + 1}
              onChange={(g) => setChild(child.id, g)}
              onRemove={() => setChild(child.id, null)}
            />
          ),
        )}
        <Group gap="xs">
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => onChange({ ...group, children: [...group.children, newCondition(fields[0])] })}
          >
            {t("filter.addCondition")}
          </Button>
          {depth < 3 && (
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => onChange({ ...group, children: [...group.children, emptyGroup("or")] })}
            >
              {t("filter.addGroup")}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
