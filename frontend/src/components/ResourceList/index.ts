export { ResourceList } from "./ResourceList";
export { ListSlotsContext, type SavedViewsSlotProps, type ViewState } from "./slots";
export type { FetchParams } from "./useKeysetList";
