import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ListResult } from '../../../shared/schemas/list';
import { LIST_PAGE as PAGE } from './listPage';

/**
 * Serves a DataTable from a backend list in pages of 100 rows: the first page tells the total,
 * the pages on screen are fetched as the user scrolls, and every page is cached per query.
 */
export function useWindowedList<R>(queryKey: readonly unknown[], fetchPage: (offset: number, limit: number) => Promise<ListResult<R>>) {
  const queryClient = useQueryClient();
  const [range, setRange] = useState<[number, number]>([0, 40]);
  const keyOf = useCallback((page: number) => [...queryKey, 'page', page] as const, [queryKey]);

  const head = useQuery({
    queryKey: keyOf(0),
    queryFn: () => fetchPage(0, PAGE),
    placeholderData: keepPreviousData,
  });

  const pages = useMemo(() => {
    const out: number[] = [];
    for (let p = Math.floor(range[0] / PAGE); p <= Math.floor(range[1] / PAGE); p++) if (p > 0) out.push(p);
    return out;
  }, [range]);

  const windows = useQueries({
    queries: pages.map((p) => ({ queryKey: keyOf(p), queryFn: () => fetchPage(p * PAGE, PAGE), staleTime: 30_000 })),
  });

  const total = head.data?.total ?? 0;
  // Re-render when any window arrives; rows are read from the cache so older windows stay usable.
  const version = windows.map((w) => w.dataUpdatedAt).join(',') + head.dataUpdatedAt;

  const rowAt = useCallback(
    (index: number): R | undefined => {
      const page = Math.floor(index / PAGE);
      const data = page === 0 ? head.data : queryClient.getQueryData<ListResult<R>>(keyOf(page));
      return data?.rows[index - page * PAGE];
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` marks new windows in the cache
    [head.data, queryClient, keyOf, version],
  );

  const onRangeChange = useCallback((start: number, end: number) => {
    setRange((prev) => (prev[0] === start && prev[1] === end ? prev : [start, end]));
  }, []);

  return { total, rowAt, onRangeChange, isLoading: head.isPending, isFetching: head.isFetching, error: head.error, dataUpdatedAt: head.dataUpdatedAt };
}
