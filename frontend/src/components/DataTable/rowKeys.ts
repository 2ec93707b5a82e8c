import type { KeyboardEvent } from "react";

/** Arrow keys move between rows, Home/End jump, Enter opens the focused row. */
export function handleRowKeyDown(e: KeyboardEvent<HTMLTableRowElement>, open?: () => void): void {
  const row = e.currentTarget;
  const rows = Array.from(row.parentElement?.querySelectorAll<HTMLTableRowElement>("tr[tabindex]") ?? []);
  const i = rows.indexOf(row);
  const focus = (r: HTMLTableRowElement | undefined) => {
    if (r) {
      e.preventDefault();
      r.focus();
    }
  };
  switch (e.key) {
    case "ArrowDown":
      return focus(rows[i + 1]);
    case "ArrowUp":
      return focus(rows[i - 1]);
    case "Home":
      return focus(rows[0]);
    case "End":
      return focus(rows[rows.length - 1]);
    case "Enter":
      if (open && e.target === row) {
        e.preventDefault();
        open();
      }
      return;
  }
}
