import { MultiSelect, Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FilterField, FilterOp } from "./filter-node";

interface Props {
  field: FilterField | undefined;
  op: FilterOp;
  value: string;
  onChange: (v: string) => void;
  label: string;
}

/** The value editor of one condition, shaped by the field type and the operator. */
export function ValueInput({ field, op, value, onChange, label }: Props) {
  const { t } = useTranslation();
  const common = { "aria-label": label, size: "xs" as const, style: { flex: 1, minWidth: 140 } };
  if (op === "is_null") {
    return (
      <Select
        {...common}
        allowDeselect={false}
        data={[
          { value: "true", label: t("filter.isEmpty") },
          { value: "false", label: t("filter.isNotEmpty") },
        ]}
        value={value === "false" ? "false" : "true"}
        onChange={(v) => onChange(v ?? "true")}
      />
    );
  }
  if (field?.type === "boolean") {
    return (
      <Select
        {...common}
        allowDeselect={false}
        data={[
          { value: "true", label: t("common.yes") },
          { value: "false", label: t("common.no") },
        ]}
        value={value === "false" ? "false" : "true"}
        onChange={(v) => onChange(v ?? "true")}
      />
    );
  }
  if ((field?.type === "enum" || field?.type === "multi_enum") && field.values) {
    // Custom choices are the administrator's own words; built-in enums are translated.
    const data = field.values.map((v) => ({ value: v, label: field.label ? v : t(`enums.${v}`, { defaultValue: v }) }));
    if (op === "in") {
      const selected = value ? value.split(",").map((s) => s.trim()).filter(Boolean) : [];
      return <MultiSelect {...common} data={data} value={selected} onChange={(vs) => onChange(vs.join(","))} />;
    }
    return <Select {...common} data={data} value={value || null} onChange={(v) => onChange(v ?? "")} />;
  }
  const type =
    op === "in" ? "text" : field?.type === "number" ? "number" : field?.type === "date" ? "date" : field?.type === "datetime" ? "datetime-local" : "text";
  return (
    <TextInput
      {...common}
      type={type}
      placeholder={op === "in" ? t("filter.commaSeparated") : undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
