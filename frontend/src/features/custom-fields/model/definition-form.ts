import type { CreateCustomField, CustomEntity, CustomField, CustomFieldType, UpdateCustomField } from "../../../lib/api/types";

export const CUSTOM_ENTITIES: readonly CustomEntity[] = ["partners", "persons", "leads"];
export const CUSTOM_FIELD_TYPES: readonly CustomFieldType[] = ["text", "number", "date", "boolean", "choice", "multi_choice"];

/** Only choice types have options (the server requires them there and refuses them elsewhere). */
export const hasOptions = (type: string) => type === "choice" || type === "multi_choice";

/** What the edit form changes; key, entity and type are fixed once a field exists. */
export interface DefinitionEditValues {
  label: string;
  options: string[];
  required: boolean;
  in_list: boolean;
  filterable: boolean;
  position: number | string;
}

export interface DefinitionNewValues extends DefinitionEditValues {
  key: string;
  field_type: CustomFieldType;
}

export const definitionToValues = (f: CustomField): DefinitionEditValues => ({
  label: f.label,
  options: [...f.options],
  required: f.required,
  in_list: f.in_list,
  filterable: f.filterable,
  position: f.position,
});

export const emptyDefinition = (position: number): DefinitionNewValues => ({
  key: "",
  field_type: "text",
  label: "",
  options: [],
  required: false,
  in_list: false,
  filterable: false,
  position,
});

/** Options trimmed, blanks and repeats dropped (the server refuses repeats). */
export function cleanOptions(options: readonly string[]): string[] {
  return [...new Set(options.map((o) => o.trim()).filter(Boolean))];
}

const toPosition = (p: number | string) => (typeof p === "number" ? p : Number(p) || 0);

export function toCreateBody(entity: CustomEntity, v: DefinitionNewValues): CreateCustomField {
  return {
    entity,
    key: v.key.trim(),
    label: v.label.trim(),
    field_type: v.field_type,
    ...(hasOptions(v.field_type) ? { options: cleanOptions(v.options) } : {}),
    required: v.required,
    in_list: v.in_list,
    filterable: v.filterable,
    position: toPosition(v.position),
  };
}

/** The PATCH body from the changed fields; options only for choice types. */
export function toUpdateBody(f: Pick<CustomField, "field_type">, changes: Partial<DefinitionEditValues>): UpdateCustomField {
  const body: UpdateCustomField = {};
  if (changes.label !== undefined) body.label = changes.label.trim();
  if (changes.options !== undefined && hasOptions(f.field_type)) body.options = cleanOptions(changes.options);
  if (changes.required !== undefined) body.required = changes.required;
  if (changes.in_list !== undefined) body.in_list = changes.in_list;
  if (changes.filterable !== undefined) body.filterable = changes.filterable;
  if (changes.position !== undefined) body.position = toPosition(changes.position);
  return body;
}

/** A new field goes after the last one, in steps of 10 so fields can be slotted in between. */
export const nextPosition = (fields: readonly Pick<CustomField, "position">[]) => fields.reduce((m, f) => Math.max(m, f.position), 0) + 10;
