import { useInfiniteQuery } from "@tanstack/react-query";
import type { Page } from "../../lib/api/types";
import type { FilterNode } from "../FilterBuilder/filter-node";

export interface FetchParams {
  cursor?: string;
  sort: string;
  filter: FilterNode | null;
  limit: number;
  count: boolean;
}

/** Keyset pagination: each page's next_cursor fetches the next; the first page asks for the total. */
export function useKeysetList<T>(
  key: readonly unknown[],
  fetchPage: (p: FetchParams) => Promise<Page<T>>,
  sort: string,
  filter: FilterNode | null,
  limit = 50,
) {
  return useInfiniteQuery({
    queryKey: [...key, { sort, filter, limit }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage({ cursor: pageParam, sort, filter, limit, count: pageParam === undefined }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
