import { useQuery } from "@tanstack/react-query";
import { territoriesQuery } from "./territories-query";
import { pathLabel, territoryPath } from "./tree";

/** id -> "Croatia › Dalmatia › Split", for tables and headers ("" while unknown). */
export function useTerritoryPath(enabled = true) {
  const territories = useQuery({ ...territoriesQuery, enabled });
  return (id: string | null | undefined) => pathLabel(territoryPath(territories.data ?? [], id));
}
