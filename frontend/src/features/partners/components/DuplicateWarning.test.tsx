import { fireEvent, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import i18n from "../../../i18n";
import type { Partner } from "../../../lib/api/types";
import { renderUi } from "../../../test/render";
import { DuplicateWarning } from "./DuplicateWarning";

const partner = { id: "p1", name: "Kraš d.d.", city: "Zagreb" } as Partner;
const duplicates = { matches: [{ partner, reasons: ["tax_id", "name_city"] }], hidden_matches: 2 };

describe("<DuplicateWarning>", () => {
  beforeAll(() => i18n.changeLanguage("en"));

  it("links each match, says why it matched, counts the hidden ones and lets the user go on", () => {
    const onContinue = vi.fn();
    renderUi(
      <MemoryRouter>
        <DuplicateWarning duplicates={duplicates} onContinue={onContinue} />
      </MemoryRouter>,
    );
    expect(screen.getByText("Kraš d.d.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Open" })).toHaveAttribute("href", "/partners/p1");
    expect(screen.getByText("same tax ID")).toBeInTheDocument();
    expect(screen.getByText("same name and city")).toBeInTheDocument();
    expect(screen.getByText("Similar partners you cannot see: 2. Ask a manager.")).toBeInTheDocument();
    // Nothing to merge before the partner exists.
    expect(screen.queryByRole("button", { name: "Merge into this one" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Create anyway" }));
    expect(onContinue).toHaveBeenCalled();
  });

  it("offers merging into a match once the partner exists", () => {
    const onMerge = vi.fn();
    renderUi(
      <MemoryRouter>
        <DuplicateWarning duplicates={duplicates} onMerge={onMerge} />
      </MemoryRouter>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Merge into this one" }));
    expect(onMerge).toHaveBeenCalledWith(duplicates.matches[0]);
    expect(screen.queryByRole("button", { name: "Create anyway" })).toBeNull();
  });
});
