import {
  customFieldsForCreate,
  customFieldsPatch,
  customFieldsToForm,
  formatCustomValue,
  inFormOrder,
  inputValue,
  toApiValue,
  type CustomFieldDef,
} from "./model";

const def = (key: string, field_type: CustomFieldDef["field_type"], options: string[] = []): CustomFieldDef => ({
  key,
  label: key,
  field_type,
  options,
  required: false,
});

const defs = [
  def("note", "text"),
  def("revenue", "number"),
  def("since", "date"),
  def("vip", "boolean"),
  def("tier", "choice", ["gold", "silver"]),
  def("regions", "multi_choice", ["north", "south"]),
];

const words = { yes: "Yes", no: "No", formatDate: (d: string) => `D(${d})`, formatNumber: (n: number) => `N(${n})` };

describe("custom field values", () => {
  it("converts each input to the API's form, empty inputs to null", () => {
    expect(toApiValue(def("a", "text"), "  hi ")).toBe("hi");
    expect(toApiValue(def("a", "text"), "  ")).toBeNull();
    expect(toApiValue(def("a", "number"), 12.5)).toBe(12.5);
    expect(toApiValue(def("a", "number"), "3,5")).toBe(3.5);
    expect(toApiValue(def("a", "number"), "")).toBeNull();
    expect(toApiValue(def("a", "number"), "abc")).toBe("abc");
    expect(toApiValue(def("a", "date"), "2026-03-01")).toBe("2026-03-01");
    expect(toApiValue(def("a", "boolean"), undefined)).toBe(false);
    expect(toApiValue(def("a", "choice"), null)).toBeNull();
    expect(toApiValue(def("a", "multi_choice"), [])).toBeNull();
    expect(toApiValue(def("a", "multi_choice"), ["north"])).toEqual(["north"]);
  });

  it("reads a record's values into the form and shows missing ones empty", () => {
    const form = customFieldsToForm({ note: "x", revenue: 5, vip: true, regions: ["south"], junk: { a: 1 } });
    expect(form).toEqual({ note: "x", revenue: 5, vip: true, regions: ["south"] });
    expect(inputValue(def("tier", "choice"), form)).toBeNull();
    expect(inputValue(def("since", "date"), form)).toBe("");
  });

  it("creates with every field that has a value (an unticked box is 'no')", () => {
    expect(customFieldsForCreate(defs, { note: " n ", revenue: "", tier: "gold", regions: ["north"] })).toEqual({
      note: "n",
      vip: false,
      tier: "gold",
      regions: ["north"],
    });
  });

  it("patches only changed keys, a cleared input as null", () => {
    const recorded = { note: "n", revenue: 5, tier: "gold", regions: ["north"] };
    const form = { ...customFieldsToForm(recorded), note: "", revenue: 5, tier: "silver", vip: false };
    expect(customFieldsPatch(defs, recorded, form)).toEqual({ note: null, tier: "silver" });
    expect(customFieldsPatch(defs, recorded, customFieldsToForm(recorded))).toBeNull();
  });

  it("formats values for reading", () => {
    expect(formatCustomValue(def("a", "boolean"), true, words)).toBe("Yes");
    expect(formatCustomValue(def("a", "boolean"), false, words)).toBe("No");
    expect(formatCustomValue(def("a", "date"), "2026-03-01", words)).toBe("D(2026-03-01)");
    expect(formatCustomValue(def("a", "number"), 7, words)).toBe("N(7)");
    expect(formatCustomValue(def("a", "multi_choice"), ["a", "b"], words)).toBe("a, b");
    expect(formatCustomValue(def("a", "text"), undefined, words)).toBe("");
  });

  it("orders definitions by position, then label", () => {
    const list = [
      { position: 20, label: "B" },
      { position: 10, label: "Z" },
      { position: 20, label: "A" },
    ];
    expect(inFormOrder(list).map((d) => d.label)).toEqual(["Z", "A", "B"]);
  });
});
