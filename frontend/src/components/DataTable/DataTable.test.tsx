import { fireEvent, screen } from "@testing-library/react";
import { renderUi } from "../../test/render";
import { DataTable } from "./DataTable";

const rows = [
  { id: "1", name: "Ana" },
  { id: "2", name: "Ivan" },
];
const columns = [{ key: "name", header: "Name", sortField: "name", render: (r: (typeof rows)[number]) => r.name }];

describe("<DataTable>", () => {
  it("sorts from the header and reports aria-sort", () => {
    const onSort = vi.fn();
    renderUi(<DataTable columns={columns} rows={rows} getRowId={(r) => r.id} caption="People" sort="-name" onSortToggle={onSort} />);
    expect(screen.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");
    fireEvent.click(screen.getByRole("button", { name: /Name/ }), { shiftKey: true });
    expect(onSort).toHaveBeenCalledWith("name", true);
  });

  it("moves between rows with the arrow keys and opens one with Enter", () => {
    const onOpen = vi.fn();
    renderUi(<DataTable columns={columns} rows={rows} getRowId={(r) => r.id} caption="People" onRowOpen={onOpen} />);
    const [first, second] = screen.getAllByRole("row").slice(1);
    first!.focus();
    fireEvent.keyDown(first!, { key: "ArrowDown" });
    expect(second).toHaveFocus();
    fireEvent.keyDown(second!, { key: "Enter" });
    expect(onOpen).toHaveBeenCalledWith(rows[1]);
  });
});
