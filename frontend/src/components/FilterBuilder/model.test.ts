import { andFilters, operatorsFor, type FilterField } from "./filter-node";
import { emptyGroup, fromFilterNode, newCondition, toFilterNode, type ConditionDraft, type GroupDraft } from "./model";

const fields: FilterField[] = [
  { name: "name", type: "string", filterable: true, sortable: true },
  { name: "status", type: "enum", filterable: true, sortable: false, values: ["active", "disabled"] },
  { name: "age", type: "number", filterable: true, sortable: true },
  { name: "built_in", type: "boolean", filterable: true, sortable: false },
  { name: "created_at", type: "datetime", filterable: true, sortable: true },
  { name: "custom.regions", type: "multi_enum", filterable: true, sortable: false, values: ["north", "south"], label: "Regions" },
];

const cond = (field: string, op: ConditionDraft["op"], value: string): ConditionDraft => ({ kind: "condition", id: field + op, field, op, value });
const group = (combinator: "and" | "or", children: GroupDraft["children"], negate = false): GroupDraft => ({
  ...emptyGroup(combinator),
  negate,
  children,
});

describe("filter builder model", () => {
  it("produces nothing for an empty or incomplete tree", () => {
    expect(toFilterNode(emptyGroup(), fields)).toBeNull();
    expect(toFilterNode(group("and", [cond("name", "contains", "  ")]), fields)).toBeNull();
    expect(toFilterNode(group("and", [cond("unknown", "eq", "x")]), fields)).toBeNull();
  });

  it("unwraps a single condition", () => {
    expect(toFilterNode(group("and", [cond("name", "contains", "Ana")]), fields)).toEqual({ field: "name", op: "contains", value: "Ana" });
  });

  it("builds nested and/or/not trees with typed values", () => {
    const tree = group("and", [
      cond("status", "in", "active, disabled"),
      group("or", [cond("age", "gte", "18"), cond("built_in", "eq", "false")], true),
      cond("created_at", "is_null", "false"),
    ]);
    expect(toFilterNode(tree, fields)).toEqual({
      and: [
        { field: "status", op: "in", value: ["active", "disabled"] },
        { not: { or: [{ field: "age", op: "gte", value: 18 }, { field: "built_in", op: "eq", value: false }] } },
        { field: "created_at", op: "is_null", value: false },
      ],
    });
  });

  it("converts datetime-local input to an ISO instant and drops non-numbers", () => {
    const node = toFilterNode(group("and", [cond("created_at", "gt", "2026-01-02T03:04"), cond("age", "lt", "abc")]), fields);
    expect(node).toEqual({ field: "created_at", op: "gt", value: new Date("2026-01-02T03:04").toISOString() });
  });

  it("round-trips a stored filter (saved views)", () => {
    const stored = {
      or: [{ field: "name", op: "starts_with" as const, value: "Iv" }, { not: { field: "status", op: "eq" as const, value: "disabled" } }],
    };
    expect(toFilterNode(fromFilterNode(stored), fields)).toEqual(stored);
  });

  it("filters a custom multiple choice field by one value, any of several, or emptiness", () => {
    expect(operatorsFor("multi_enum")).toEqual(["eq", "in", "is_null"]);
    expect(newCondition(fields.find((f) => f.name === "custom.regions")).op).toBe("eq");
    const tree = group("and", [cond("custom.regions", "eq", "north"), cond("custom.regions", "in", "north,south"), cond("custom.regions", "is_null", "true")]);
    expect(toFilterNode(tree, fields)).toEqual({
      and: [
        { field: "custom.regions", op: "eq", value: "north" },
        { field: "custom.regions", op: "in", value: ["north", "south"] },
        { field: "custom.regions", op: "is_null", value: true },
      ],
    });
  });

  it("combines filters with AND", () => {
    const a = { field: "name", op: "eq" as const, value: "x" };
    expect(andFilters(null, a)).toEqual(a);
    expect(andFilters(a, a)).toEqual({ and: [a, a] });
    expect(andFilters(null, undefined)).toBeNull();
  });
});
