import { useInfiniteQuery } from "@tanstack/react-query";
import type { Page } from "../../lib/api/types";

/**
 * Keyset pages that refresh themselves every `intervalMs` while any loaded row is still moving
 * (queued, sending, running...), and stop once everything has settled.
 */
export function useLiveKeysetList<T>(
  key: readonly unknown[],
  fetchPage: (p: { cursor?: string; limit: number; count: boolean }) => Promise<Page<T>>,
  isActive: (row: T) => boolean,
  intervalMs = 3_000,
  limit = 50,
) {
  return useInfiniteQuery({
    queryKey: [...key, { limit }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage({ cursor: pageParam, limit, count: pageParam === undefined }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(isActive)) ? intervalMs : false),
  });
}
