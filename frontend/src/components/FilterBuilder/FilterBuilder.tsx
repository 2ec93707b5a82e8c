import { Button, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FilterField, FilterNode } from "./filter-node";
import { GroupEditor } from "./GroupEditor";
import { fromFilterNode, toFilterNode, type GroupDraft } from "./model";

interface Props {
  fields: readonly FilterField[];
  value: FilterNode | null;
  onApply: (filter: FilterNode | null) => void;
  fieldLabel: (name: string) => string;
}

/** Builds the JSON filter tree for POST /<resource>/search. */
export function FilterBuilder({ fields, value, onApply, fieldLabel }: Props) {
  const { t } = useTranslation();
  const filterable = fields.filter((f) => f.filterable);
  const [draft, setDraft] = useState<GroupDraft>(() => fromFilterNode(value));
  return (
    <Stack gap="xs">
      <GroupEditor group={draft} fields={filterable} fieldLabel={fieldLabel} depth={0} onChange={setDraft} />
      <Group gap="xs">
        <Button size="xs" onClick={() => onApply(toFilterNode(draft, filterable))}>
          {t("filter.apply")}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            setDraft(fromFilterNode(null));
            onApply(null);
          }}
        >
          {t("filter.clear")}
        </Button>
      </Group>
    </Stack>
  );
}
