export { ListItemMultiSelect, ListItemSelect } from "./ListItemSelect";
export { MANAGED_LISTS, listItemsKey, listItemsQuery, listOptions, type ManagedList } from "./list-items";
export { useListItemName } from "./useListItemName";
