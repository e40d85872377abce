/**
 * The selection of a windowed list: a set of record ids, never DOM state, since only the rows on
 * screen exist. Ranges and "all" reach rows that are not loaded by asking the list operation itself
 * (the same query, paged), so Ctrl/Cmd+A selects every row the filter matches. The selection
 * survives scrolling and sorting; when the filter changes (or the data does) it is pruned to the rows
 * still shown, asked with the list query narrowed to the selected ids: what a bar action works on is
 * always what the list shows. Any list screen can adopt it (useFilteredList gives what it needs).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ListResult } from '../../../../shared/schemas/list';
import { MAX_ID_FILTER } from '../../../../shared/schemas/list';

/** Rows per request when ids are fetched (the list operation's largest window). */
const FETCH = 1000;
const PARALLEL = 4;

type Query = Record<string, unknown>;

interface Options {
  /** The list's query as the table shows it (filter and sort, the text debounced). */
  query: Query;
  total: number;
  rowAt: (index: number) => { id: string } | undefined;
  fetchPage: (query: Query & { offset: number; limit: number }) => Promise<ListResult<{ id: string }>>;
  /** Changes when the list's data was fetched again (after a save, a merge, an undo). */
  dataVersion: number;
}

export type SelectionState = 'none' | 'some' | 'all';

/** What the table and the selection bar use. */
export interface ListSelection {
  selected: ReadonlySet<string>;
  size: number;
  /** The header checkbox: nothing, some or every shown row selected. */
  state: SelectionState;
  /** A range or "all" is being fetched. */
  busy: boolean;
  toggle: (index: number, id: string) => void;
  /** Adds the rows from the anchor (the last row toggled) to `index`. */
  extendTo: (index: number) => void;
  selectAll: () => void;
  /** Clears; with `focus`, puts focus on the list once the bar has gone. */
  clear: (options?: { focus?: boolean }) => void;
  /** The table's grid element, for focus. */
  gridRef: React.RefObject<HTMLDivElement | null>;
  /** The query for an action on the selection: the list's own when every shown row is selected, else narrowed to the ids. */
  actionQuery: () => Query;
  /** The ids in the order they were selected. */
  ids: () => string[];
}

export class TooManySelected extends Error {
  constructor(readonly max: number) {
    super(`At most ${max} selected rows`);
  }
}

async function fetchIds(fetchPage: Options['fetchPage'], query: Query, offset: number, count: number): Promise<string[]> {
  const starts: number[] = [];
  for (let o = offset; o < offset + count; o += FETCH) starts.push(o);
  const ids: string[] = [];
  // A few windows at a time: 50,000 rows are 50 requests, not 50 at once.
  for (let i = 0; i < starts.length; i += PARALLEL) {
    const pages = await Promise.all(starts.slice(i, i + PARALLEL).map((o) => fetchPage({ ...query, offset: o, limit: Math.min(FETCH, offset + count - o) })));
    for (const p of pages) for (const r of p.rows) ids.push(r.id);
  }
  return ids;
}

export function useSelection({ query, total, rowAt, fetchPage, dataVersion }: Options): ListSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const anchor = useRef<number | null>(null);
  const gridRef = useRef<HTMLDivElement | null>(null);
  const focusPending = useRef(false);
  const latest = useRef({ query, total, rowAt, fetchPage, selected });
  useLayoutEffect(() => {
    latest.current = { query, total, rowAt, fetchPage, selected };
  });

  // Once the bar has gone (its button held focus), focus goes to the list: in the same commit, before
  // a closing dialog's return-focus would look for its opener.
  useLayoutEffect(() => {
    if (focusPending.current && selected.size === 0) {
      focusPending.current = false;
      gridRef.current?.focus({ preventScroll: true });
    }
  });

  const add = useCallback((ids: Iterable<string>) => {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) next.add(id);
      return next;
    });
  }, []);

  const toggle = useCallback((index: number, id: string) => {
    anchor.current = index;
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const extendTo = useCallback(
    (index: number) => {
      const from = anchor.current;
      const { rowAt: at, fetchPage: fetch, query: q } = latest.current;
      if (from === null) {
        const row = at(index);
        if (row) toggle(index, row.id);
        return;
      }
      const [lo, hi] = from < index ? [from, index] : [index, from];
      const loaded: string[] = [];
      for (let i = lo; i <= hi; i++) {
        const row = at(i);
        if (!row) break;
        loaded.push(row.id);
      }
      if (loaded.length === hi - lo + 1) return add(loaded);
      // Some rows of the range are not loaded: the list operation names them.
      setBusy(true);
      void fetchIds(fetch, q, lo, hi - lo + 1)
        .then(add)
        .finally(() => setBusy(false));
    },
    [add, toggle],
  );

  const selectAll = useCallback(() => {
    const { fetchPage: fetch, query: q, total: count } = latest.current;
    if (count === 0) return;
    setBusy(true);
    void fetchIds(fetch, q, 0, count)
      .then((ids) => setSelected(new Set(ids)))
      .finally(() => setBusy(false));
  }, []);

  const clear = useCallback((options?: { focus?: boolean }) => {
    anchor.current = null;
    if (options?.focus) focusPending.current = true;
    setSelected(new Set());
  }, []);

  // A new query (filter or sort) moves rows: a range starts afresh.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    anchor.current = null;
  }, [queryKey]);

  // Pruning: when the filter or the data changes, keep only the selected rows the list still shows.
  // Only the ids asked about are dropped, so a row selected meanwhile stays.
  const { sort: _sort, direction: _direction, ...filterOnly } = query;
  const filterKey = JSON.stringify(filterOnly);
  useEffect(() => {
    const { selected: now, fetchPage: fetch, query: q } = latest.current;
    if (now.size === 0) return;
    const asked = [...now];
    let stale = false;
    const chunks: string[][] = [];
    for (let i = 0; i < asked.length; i += MAX_ID_FILTER) chunks.push(asked.slice(i, i + MAX_ID_FILTER));
    void Promise.all(chunks.map((ids) => fetchIds(fetch, { ...q, ids }, 0, ids.length)))
      .then((found) => {
        if (stale) return;
        const shown = new Set(found.flat());
        if (asked.every((id) => shown.has(id))) return;
        const checked = new Set(asked);
        setSelected((prev) => new Set([...prev].filter((id) => shown.has(id) || !checked.has(id))));
      })
      .catch(() => undefined); // the list itself shows a failing backend
    return () => {
      stale = true;
    };
  }, [filterKey, dataVersion]);

  const size = selected.size;
  const state: SelectionState = size === 0 ? 'none' : size >= total && total > 0 ? 'all' : 'some';

  const actionQuery = useCallback((): Query => {
    const { selected: now, query: q, total: count } = latest.current;
    if (now.size >= count) return q;
    if (now.size > MAX_ID_FILTER) throw new TooManySelected(MAX_ID_FILTER);
    return { ...q, ids: [...now] };
  }, []);
  const ids = useCallback(() => [...latest.current.selected], []);

  return useMemo(
    () => ({ selected, size, state, busy, toggle, extendTo, selectAll, clear, gridRef, actionQuery, ids }),
    [selected, size, state, busy, toggle, extendTo, selectAll, clear, actionQuery, ids],
  );
}
