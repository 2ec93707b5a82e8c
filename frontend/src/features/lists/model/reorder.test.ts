import { inOrder, move, nextPosition } from "./reorder";

const item = (id: string, position: number) => ({ id, position });

describe("list item order", () => {
  it("orders by position and keeps the server's order on ties", () => {
    expect(inOrder([item("b", 20), item("a", 10), item("c", 20)]).map((i) => i.id)).toEqual(["a", "b", "c"]);
  });

  it("puts a new item after the last one", () => {
    expect(nextPosition([])).toBe(10);
    expect(nextPosition([item("a", 10), item("b", 35)])).toBe(45);
  });

  it("swaps two positions when every position is distinct", () => {
    const list = [item("a", 10), item("b", 20), item("c", 30)];
    expect(move(list, 1, -1)).toEqual([
      { item: list[1], position: 10 },
      { item: list[0], position: 20 },
    ]);
  });

  it("renumbers the list when positions tie, changing only what moves", () => {
    const list = [item("a", 0), item("b", 0), item("c", 30)];
    expect(move(list, 0, 1).map((c) => [c.item.id, c.position])).toEqual([
      ["b", 10],
      ["a", 20],
    ]);
  });

  it("does nothing past either end", () => {
    const list = [item("a", 10), item("b", 20)];
    expect(move(list, 0, -1)).toEqual([]);
    expect(move(list, 1, 1)).toEqual([]);
  });
});
