import { fireEvent, screen } from "@testing-library/react";
import i18n from "../../i18n";
import { renderUi } from "../../test/render";
import { FilterBuilder } from "./FilterBuilder";
import type { FilterField } from "./filter-node";

const fields: FilterField[] = [
  { name: "name", type: "string", filterable: true, sortable: true },
  { name: "email", type: "string", filterable: true, sortable: true },
];

describe("<FilterBuilder>", () => {
  beforeAll(() => i18n.changeLanguage("en"));

  it("emits the JSON filter tree the user builds", () => {
    const onApply = vi.fn();
    renderUi(<FilterBuilder fields={fields} value={null} onApply={onApply} fieldLabel={(n) => n} />);
    fireEvent.click(screen.getByRole("button", { name: "Add condition" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Value" }), { target: { value: "Ana" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onApply).toHaveBeenLastCalledWith({ field: "name", op: "contains", value: "Ana" });

    fireEvent.click(screen.getByRole("checkbox", { name: "Negate (NOT)" }));
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onApply).toHaveBeenLastCalledWith({ not: { field: "name", op: "contains", value: "Ana" } });

    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(onApply).toHaveBeenLastCalledWith(null);
  });

  it("shows a stored filter for editing", () => {
    renderUi(
      <FilterBuilder fields={fields} value={{ field: "email", op: "starts_with", value: "ivan" }} onApply={() => {}} fieldLabel={(n) => n} />,
    );
    expect(screen.getByRole("textbox", { name: "Value" })).toHaveValue("ivan");
  });
});
