// The editable model behind the filter builder, and its conversion to and from the API's FilterNode.
import type { FieldType, FilterField, FilterNode, FilterOp } from "./filter-node";

export interface ConditionDraft {
  kind: "condition";
  id: string;
  field: string;
  op: FilterOp;
  /** Raw text as typed (or "true"/"false" for booleans and is_null); converted on output. */
  value: string;
}

export interface GroupDraft {
  kind: "group";
  id: string;
  combinator: "and" | "or";
  negate: boolean;
  children: DraftNode[];
}

export type DraftNode = ConditionDraft | GroupDraft;

let seq = 0;
export const newId = (): string => `n${++seq}`;

export function emptyGroup(combinator: "and" | "or" = "and"): GroupDraft {
  return { kind: "group", id: newId(), combinator, negate: false, children: [] };
}

export function newCondition(field: FilterField | undefined): ConditionDraft {
  const op: FilterOp = field?.type === "string" ? "contains" : "eq";
  return { kind: "condition", id: newId(), field: field?.name ?? "", op, value: field?.type === "boolean" ? "true" : "" };
}

function convertScalar(raw: string, type: FieldType): unknown {
  const text = raw.trim();
  if (type === "number") {
    const n = Number(text);
    return text === "" || Number.isNaN(n) ? undefined : n;
  }
  if (type === "boolean") return text === "true";
  if (type === "datetime" && text !== "") {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  return text === "" ? undefined : text;
}

function conditionToNode(c: ConditionDraft, fields: readonly FilterField[]): FilterNode | null {
  const field = fields.find((f) => f.name === c.field);
  if (!field) return null;
  if (c.op === "is_null") return { field: field.name, op: "is_null", value: c.value !== "false" };
  if (c.op === "in") {
    const values = c.value
      .split(",")
      .map((v) => convertScalar(v, field.type))
      .filter((v) => v !== undefined);
    return values.length ? { field: field.name, op: "in", value: values } : null;
  }
  const value = convertScalar(c.value, field.type);
  return value === undefined ? null : { field: field.name, op: c.op, value };
}

/** The API filter for a draft tree; incomplete conditions and empty groups are left out. */
export function toFilterNode(node: DraftNode, fields: readonly FilterField[]): FilterNode | null {
  if (node.kind === "condition") return conditionToNode(node, fields);
  const children = node.children
    .map((c) => toFilterNode(c, fields))
    .filter((c): c is FilterNode => c !== null);
  if (children.length === 0) return null;
  const combined: FilterNode =
    children.length === 1 && children[0] ? children[0] : node.combinator === "and" ? { and: children } : { or: children };
  return node.negate ? { not: combined } : combined;
}

function valueToText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueToText).join(", ");
  if (value === null || value === undefined) return "";
  return String(value);
}

/** Rebuilds an editable tree from a stored filter (a saved view); the root is always a group. */
export function fromFilterNode(node: FilterNode | null | undefined): GroupDraft {
  const root = emptyGroup();
  if (!node) return root;
  const inner = toDraft(node);
  if (inner.kind === "group") return inner;
  root.children.push(inner);
  return root;
}

function toDraft(node: FilterNode): DraftNode {
  if ("and" in node) return { ...emptyGroup("and"), children: node.and.map(toDraft) };
  if ("or" in node) return { ...emptyGroup("or"), children: node.or.map(toDraft) };
  if ("not" in node) {
    const inner = toDraft(node.not);
    if (inner.kind === "group" && !inner.negate) return { ...inner, negate: true };
    return { ...emptyGroup("and"), negate: true, children: [inner] };
  }
  return { kind: "condition", id: newId(), field: node.field, op: node.op, value: valueToText(node.value) };
}

/** Immutable edits of the tree by node id. */
export function updateNode(root: GroupDraft, id: string, fn: (n: DraftNode) => DraftNode | null): GroupDraft {
  const visit = (n: DraftNode): DraftNode | null => {
    if (n.id === id) return fn(n);
    if (n.kind === "condition") return n;
    return { ...n, children: n.children.map(visit).filter((c): c is DraftNode => c !== null) };
  };
  const out = visit(root);
  return out && out.kind === "group" ? out : emptyGroup();
}

export function countConditions(node: DraftNode): number {
  return node.kind === "condition" ? 1 : node.children.reduce((n, c) => n + countConditions(c), 0);
}
