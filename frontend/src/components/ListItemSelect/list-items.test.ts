import type { ListItem } from "../../lib/api/types";
import { listOptions } from "./list-items";

const item = (id: string, code: string, name: string, active: boolean) =>
  ({ id, code, name, active, list: "legal_forms", position: 0, created_at: "", updated_at: "", version: 1 }) as ListItem;

describe("managed list options", () => {
  const items = [item("1", "doo", "d.o.o.", true), item("2", "jdoo", "j.d.o.o.", false)];

  it("offers active items only", () => {
    expect(listOptions(items, [])).toEqual([{ value: "1", label: "d.o.o." }]);
  });

  it("keeps a deactivated item that is already chosen, by id or by code", () => {
    expect(listOptions(items, ["2"]).map((o) => o.value)).toEqual(["1", "2"]);
    expect(listOptions(items, ["jdoo"], "code")).toEqual([
      { value: "doo", label: "d.o.o." },
      { value: "jdoo", label: "j.d.o.o. (jdoo)" },
    ]);
  });
});
