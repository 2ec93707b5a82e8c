// The API's JSON filter tree (POST /<resource>/search, saved views).
export type FilterOp = "eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "contains" | "starts_with" | "in" | "is_null";

export type FilterNode =
  | { and: FilterNode[] }
  | { or: FilterNode[] }
  | { not: FilterNode }
  | { field: string; op: FilterOp; value: unknown };

/** `multi_enum`: a custom multiple choice field (the record holds several of `values`). */
export type FieldType = "string" | "number" | "boolean" | "date" | "datetime" | "enum" | "multi_enum";

export interface FilterField {
  name: string;
  type: FieldType;
  filterable: boolean;
  sortable: boolean;
  values?: string[] | null;
  /** The administrator's label of a custom field (named `custom.<key>`); built-in fields are translated instead. */
  label?: string | null;
}

const COMPARE: FilterOp[] = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "is_null"];

/** The operators that make sense for a field type. */
export function operatorsFor(type: FieldType): FilterOp[] {
  switch (type) {
    case "string":
      return ["eq", "ne", "contains", "starts_with", "in", "is_null"];
    case "boolean":
      return ["eq", "ne", "is_null"];
    case "enum":
      return ["eq", "ne", "in", "is_null"];
    // "eq": has the value, "in": has any of them; the server offers nothing else on a set of values.
    case "multi_enum":
      return ["eq", "in", "is_null"];
    default:
      return COMPARE;
  }
}

/** Combines filters with AND, skipping empty ones. */
export function andFilters(...nodes: (FilterNode | null | undefined)[]): FilterNode | null {
  const present = nodes.filter((n): n is FilterNode => Boolean(n));
  if (present.length === 0) return null;
  if (present.length === 1) return present[0] ?? null;
  return { and: present };
}
