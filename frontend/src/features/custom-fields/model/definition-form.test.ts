import { cleanOptions, emptyDefinition, nextPosition, toCreateBody, toUpdateBody } from "./definition-form";

describe("custom field definition form", () => {
  it("builds the create body; options only for choice types", () => {
    const v = { ...emptyDefinition(10), key: " tier ", label: " Tier ", field_type: "choice" as const, options: [" gold", "silver", "gold", ""] };
    expect(toCreateBody("partners", v)).toEqual({
      entity: "partners",
      key: "tier",
      label: "Tier",
      field_type: "choice",
      options: ["gold", "silver"],
      required: false,
      in_list: false,
      filterable: false,
      position: 10,
    });
    expect(toCreateBody("leads", { ...v, field_type: "text" })).not.toHaveProperty("options");
  });

  it("sends only the changed fields on update, never options of a non-choice field", () => {
    expect(toUpdateBody({ field_type: "text" }, { label: " New ", options: ["x"], position: "30" })).toEqual({ label: "New", position: 30 });
    expect(toUpdateBody({ field_type: "multi_choice" }, { options: ["a", "a", "b"] })).toEqual({ options: ["a", "b"] });
  });

  it("cleans options and places new fields last", () => {
    expect(cleanOptions([" a", "a", " ", "b"])).toEqual(["a", "b"]);
    expect(nextPosition([])).toBe(10);
    expect(nextPosition([{ position: 25 }, { position: 5 }])).toBe(35);
  });
});
