import { formatSort, parseSort, toggleSort } from "./sort";

describe("sort parameter", () => {
  it("parses and formats name,-created_at", () => {
    const keys = parseSort("name,-created_at");
    expect(keys).toEqual([
      { field: "name", desc: false },
      { field: "created_at", desc: true },
    ]);
    expect(formatSort(keys)).toBe("name,-created_at");
  });

  it("cycles a header click asc -> desc -> off", () => {
    expect(toggleSort("", "name")).toBe("name");
    expect(toggleSort("name", "name")).toBe("-name");
    expect(toggleSort("-name", "name")).toBe("");
    expect(toggleSort("-created_at", "name")).toBe("name");
  });

  it("adds secondary keys with shift", () => {
    expect(toggleSort("name", "created_at", true)).toBe("name,created_at");
    expect(toggleSort("name,created_at", "created_at", true)).toBe("name,-created_at");
    expect(toggleSort("name,-created_at", "created_at", true)).toBe("name");
  });
});
