import { useQuery } from "@tanstack/react-query";
import { dealTypesQuery } from "../api/options";
import type { DealType, Stage } from "../model/types";

/** All pipelines, with look-ups of a type and a stage by id (for lists and headers). */
export function useDealTypes() {
  const types = useQuery(dealTypesQuery());
  const all: DealType[] = types.data ?? [];
  const typeOf = (id: string | null | undefined) => all.find((ty) => ty.id === id) ?? null;
  const stageOf = (id: string | null | undefined): Stage | null => {
    for (const ty of all) {
      const s = ty.stages.find((st) => st.id === id);
      if (s) return s;
    }
    return null;
  };
  return { types, all, typeOf, stageOf };
}
