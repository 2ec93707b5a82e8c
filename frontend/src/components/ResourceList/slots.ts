import { createContext, type ComponentType } from "react";
import type { FilterNode } from "../FilterBuilder/filter-node";

/** What a list shows: the part a saved view stores. */
export interface ViewState {
  filter: FilterNode | null;
  sort: string;
  columns: string[] | null;
}

export interface SavedViewsSlotProps {
  resource: string;
  current: ViewState;
  onApply: (view: ViewState) => void;
}

/**
 * Features do not import each other: the app injects the saved-views menu (features/saved-views) into every
 * ResourceList through this context.
 */
export const ListSlotsContext = createContext<{ SavedViews?: ComponentType<SavedViewsSlotProps> }>({});
