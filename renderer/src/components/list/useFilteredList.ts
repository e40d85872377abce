import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useListAsOpened } from '../../app/firstScreen';
import { MAX_FILTER_VALUES, type ListResult } from '../../../../shared/schemas/list';
import { useWindowedList } from '../../lib/windowed';
import { useSelection } from './useSelection';
import type { SortState } from '../DataTable';

type ListQuery<F, K extends string> = F & { sort: K; direction: 'asc' | 'desc' };

/** What a saved view restores: the filters, and the sort when the view has one. */
export interface RestoredView<F, K extends string> {
  filter: F;
  sort?: SortState<K>;
}

interface Options<F extends { text: string }, K extends string, R> {
  /** The query-key root, so saving a record of this kind refreshes the list. */
  name: string;
  noFilter: F;
  initialSort: SortState<K>;
  fetchPage: (query: ListQuery<F, K> & { offset: number; limit: number }) => Promise<ListResult<R>>;
  /** Reads a saved view's query; without it, the view's keys are laid over `noFilter` as they are. */
  readView?: (query: Record<string, unknown>) => RestoredView<F, K>;
  /**
   * Filters a link puts in the address (`/contacts?group=…`, from the group screen): laid over
   * `noFilter` when the list opens and whenever a link changes them.
   */
  fromAddress?: (params: URLSearchParams) => Partial<F>;
}

/** The group filter as a link gives it: `?group=<id>` (repeatable). */
export function groupFromAddress(params: URLSearchParams): { groups?: string[] } {
  const groups = params.getAll('group').slice(0, MAX_FILTER_VALUES);
  return groups.length ? { groups } : {};
}

/** The address of a list filtered by one group, as `groupFromAddress` reads it. */
export const groupListPath = (list: string, groupId: string) => `/${list}?${new URLSearchParams({ group: groupId }).toString()}`;

/**
 * The state of a backend list screen: its filters and sort, and the rows they select, fetched in
 * windows. The search text is debounced, so typing does not query the backend at every key.
 */
export function useFilteredList<F extends { text: string }, K extends string, R>({ name, noFilter, initialSort, fetchPage, readView, fromAddress }: Options<F, K, R>) {
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<F>(() => ({ ...noFilter, ...fromAddress?.(params) }));
  // A link with filters to the list already open (another group's) replaces its filters; opening a record keeps them.
  const search = params.toString();
  const applied = useRef(search);
  const read = useRef(fromAddress);
  read.current = fromAddress;
  useEffect(() => {
    if (applied.current === search) return;
    applied.current = search;
    const linked = read.current?.(new URLSearchParams(search));
    if (linked && Object.keys(linked).length) setFilter({ ...noFilter, ...linked });
  }, [search, noFilter]);
  const [sort, setSort] = useState<SortState<K>>(initialSort);
  const [debouncedText] = useDebouncedValue(filter.text, 120);
  const set = useCallback(<Key extends keyof F>(key: Key) => (value: F[Key]) => setFilter((f) => ({ ...f, [key]: value })), []);

  const query = useMemo(() => ({ ...filter, text: debouncedText, sort: sort.key, direction: sort.direction }), [filter, debouncedText, sort]);
  const queryKey = useMemo(() => [name, 'list', query] as const, [name, query]);
  const rows = useWindowedList<R>(queryKey, (offset, limit) => fetchPage({ ...query, offset, limit }));
  // The shown rows' ids for a selection (useSelection): the same query, any window of it.
  const selection = useSelection({
    query,
    total: rows.total,
    rowAt: rows.rowAt as (index: number) => { id: string } | undefined,
    fetchPage: fetchPage as unknown as (q: Record<string, unknown> & { offset: number; limit: number }) => Promise<ListResult<{ id: string }>>,
    dataVersion: rows.dataUpdatedAt,
  });
  const filtered = JSON.stringify(filter) !== JSON.stringify(noFilter);
  // Filtered, sorted otherwise or with rows selected, the list is not what a new page draws first.
  useListAsOpened(!filtered && sort.key === initialSort.key && sort.direction === initialSort.direction && selection.state === 'none');

  const restore = (viewQuery: Record<string, unknown>) => {
    const view = readView ? readView(viewQuery) : laxView(noFilter, viewQuery as Partial<ListQuery<F, K>>);
    setFilter(view.filter);
    if (view.sort) setSort(view.sort);
  };

  /** Filters and sort as a saved view stores them (the text as typed, not as debounced). */
  const current: Record<string, unknown> = { ...filter, sort: sort.key, direction: sort.direction };

  return {
    filter,
    set,
    reset: () => setFilter(noFilter),
    filtered,
    sort,
    setSort,
    current,
    restore,
    rows,
    query,
    selection,
  };
}

/** A view laid over the empty filter as stored; a list that must not trust what is on disk passes `readView`. */
function laxView<F extends { text: string }, K extends string>(noFilter: F, q: Partial<ListQuery<F, K>>): RestoredView<F, K> {
  return {
    filter: { ...noFilter, ...q, text: q.text ?? '' },
    sort: q.sort ? { key: q.sort, direction: q.direction ?? 'asc' } : undefined,
  };
}
