import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import type { CustomField } from "../../lib/api/types";
import { inputValue, type CustomFormValue, type CustomFormValues } from "./model";

interface Props {
  defs: readonly CustomField[];
  values: CustomFormValues | undefined;
  onChange: (key: string, value: CustomFormValue) => void;
  /** Field errors by key (from `custom_fields.<key>` in a 422). */
  errors: Record<string, ReactNode>;
  disabled?: boolean;
}

/** One input per custom field definition, shaped by its type; marked required when the definition says so. */
export function CustomFieldInputs({ defs, values, onChange, errors, disabled }: Props) {
  if (defs.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="custom-field-inputs">
      {defs.map((def) => {
        const value = inputValue(def, values);
        const common = { label: def.label, required: def.required, disabled, error: errors[def.key] };
        switch (def.field_type) {
          case "number":
            return (
              <NumberInput
                key={def.key}
                {...common}
                value={typeof value === "number" || typeof value === "string" ? value : ""}
                onChange={(v) => onChange(def.key, v)}
              />
            );
          case "date":
            return (
              <TextInput
                key={def.key}
                type="date"
                {...common}
                value={typeof value === "string" ? value : ""}
                onChange={(e) => onChange(def.key, e.currentTarget.value)}
              />
            );
          case "boolean":
            return (
              <Checkbox
                key={def.key}
                {...common}
                mt="lg"
                checked={value === true}
                onChange={(e) => onChange(def.key, e.currentTarget.checked)}
              />
            );
          case "choice": {
            const current = typeof value === "string" ? value : null;
            // A value no longer among the options still shows rather than vanish.
            const data = current && !def.options.includes(current) ? [...def.options, current] : def.options;
            return <Select key={def.key} {...common} data={data} value={current} clearable onChange={(v) => onChange(def.key, v)} />;
          }
          case "multi_choice": {
            const current = Array.isArray(value) ? value : [];
            const data = [...def.options, ...current.filter((v) => !def.options.includes(v))];
            return <MultiSelect key={def.key} {...common} data={data} value={current} clearable onChange={(v) => onChange(def.key, v)} />;
          }
          default:
            return (
              <TextInput
                key={def.key}
                {...common}
                value={typeof value === "string" || typeof value === "number" ? String(value) : ""}
                onChange={(e) => onChange(def.key, e.currentTarget.value)}
              />
            );
        }
      })}
    </SimpleGrid>
  );
}
