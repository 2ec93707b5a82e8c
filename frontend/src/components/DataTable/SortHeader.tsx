import { UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { parseSort } from "../../lib/sort";

interface Props {
  label: string;
  field: string;
  sort: string;
  onToggle: (field: string, additive: boolean) => void;
}

/** A column header that sorts on click or Enter (shift adds a secondary sort key). */
export function SortHeader({ label, field, sort, onToggle }: Props) {
  const { t } = useTranslation();
  const keys = parseSort(sort);
  const index = keys.findIndex((k) => k.field === field);
  const key = keys[index];
  const arrow = key ? (key.desc ? "▼" : "▲") : "↕";
  return (
    <UnstyledButton
      onClick={(e) => onToggle(field, e.shiftKey)}
      title={t("table.sortHint")}
      style={{ font: "inherit", fontWeight: 600, display: "inline-flex", gap: 4, alignItems: "center" }}
    >
      {label}
      <span aria-hidden style={{ opacity: key ? 1 : 0.35, fontSize: 10 }}>
        {arrow}
        {key && keys.length > 1 ? index + 1 : ""}
      </span>
    </UnstyledButton>
  );
}

export function ariaSort(sort: string, field: string | undefined): "ascending" | "descending" | "none" | undefined {
  if (!field) return undefined;
  const key = parseSort(sort).find((k) => k.field === field);
  return key ? (key.desc ? "descending" : "ascending") : "none";
}
