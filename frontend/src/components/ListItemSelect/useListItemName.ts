import { useQuery } from "@tanstack/react-query";
import { listItemsQuery } from "./list-items";

/** id -> name of a managed list's items, for showing them in tables and headers. */
export function useListItemName(list: string, enabled = true) {
  const items = useQuery({ ...listItemsQuery(list), enabled });
  return (id: string | null | undefined) => (id ? (items.data?.find((i) => i.id === id)?.name ?? "") : "");
}
