import { describe, expect, it } from "vitest";
import { buildTree, flattenTree, pathLabel, territoryOptions, territoryPath } from "./tree";

const list = [
  { id: "split", name: "Split", parent_id: "dalm" },
  { id: "hr", name: "Croatia", parent_id: null },
  { id: "dalm", name: "Dalmatia", parent_id: "hr" },
  { id: "zg", name: "Zagreb", parent_id: "hr" },
  { id: "pl", name: "Poland" },
  { id: "lost", name: "Orphan", parent_id: "gone" },
];

describe("buildTree", () => {
  it("nests children under parents, sorted by name, with depths", () => {
    const roots = buildTree(list);
    expect(roots.map((n) => n.territory.id)).toEqual(["hr", "lost", "pl"]);
    const hr = roots[0]!;
    expect(hr.children.map((n) => n.territory.id)).toEqual(["dalm", "zg"]);
    expect(hr.children[0]!.children[0]!.territory.id).toBe("split");
    expect(hr.children[0]!.children[0]!.depth).toBe(2);
  });

  it("flattens parents before children", () => {
    expect(flattenTree(buildTree(list)).map((n) => n.territory.id)).toEqual(["hr", "dalm", "split", "zg", "lost", "pl"]);
  });

  it("survives a cycle", () => {
    const roots = buildTree([
      { id: "a", name: "A", parent_id: "b" },
      { id: "b", name: "B", parent_id: "a" },
    ]);
    expect(flattenTree(roots).length).toBeLessThanOrEqual(2);
  });
});

describe("territoryPath", () => {
  it("lists names outermost first", () => {
    expect(territoryPath(list, "split")).toEqual(["Croatia", "Dalmatia", "Split"]);
    expect(pathLabel(territoryPath(list, "split"))).toBe("Croatia › Dalmatia › Split");
  });

  it("is empty for unknown or missing ids", () => {
    expect(territoryPath(list, "nope")).toEqual([]);
    expect(territoryPath(list, null)).toEqual([]);
  });

  it("labels picker options with the path, in tree order", () => {
    expect(territoryOptions(list).slice(0, 3)).toEqual([
      { value: "hr", label: "Croatia" },
      { value: "dalm", label: "Croatia › Dalmatia" },
      { value: "split", label: "Croatia › Dalmatia › Split" },
    ]);
  });
});
