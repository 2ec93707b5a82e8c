import type { ReactNode } from "react";

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** The API field to sort by when the header is clicked; no sorting without it. */
  sortField?: string;
}
