import type { Rows } from '../../../shared/schemas/collection';
import { foldText, matchesTerms, searchTerms } from '../../../shared/domain/text';
import { byId } from './indexes';
import type { ListResult } from '../../../shared/schemas/list';

/** Folded text of an object, computed once per (immutable) object. */
export function foldedCache<T extends object>(build: (item: T) => string) {
  const cache = new WeakMap<T, string>();
  return (item: T): string => {
    let s = cache.get(item);
    if (s === undefined) {
      s = foldText(build(item));
      cache.set(item, s);
    }
    return s;
  };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export const compareText = (a: string, b: string) => collator.compare(a, b);

/** Missing values sort after every present one, whichever the direction. */
export function compareValues(a: string | number | null, b: string | number | null, direction: 'asc' | 'desc'): number {
  if (a === b) return 0;
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  const sign = direction === 'asc' ? 1 : -1;
  return sign * (typeof a === 'number' && typeof b === 'number' ? a - b : compareText(String(a), String(b)));
}

/**
 * Filtered and sorted rows are cached per source table and query, so scrolling through a long
 * list (many windows of the same query) filters and sorts once.
 */
export function listCache<R>() {
  const cache = new WeakMap<object, Map<string, R[]>>();
  return (source: Rows<R>, key: string, compute: () => R[]): R[] => {
    let perSource = cache.get(source);
    if (!perSource) cache.set(source, (perSource = new Map()));
    let rows = perSource.get(key);
    if (!rows) {
      rows = compute();
      if (perSource.size >= 16) perSource.delete(perSource.keys().next().value!);
      perSource.set(key, rows);
    }
    return rows;
  };
}

export function window<R>(rows: readonly R[], offset: number, limit: number): ListResult<R> {
  return { total: rows.length, offset, rows: rows.slice(offset, offset + limit) };
}

/** The part of a list query that decides which rows and in which order (not the window). */
export function queryKey(query: Record<string, unknown>): string {
  const { offset: _o, limit: _l, ...rest } = query;
  return JSON.stringify(rest);
}

/**
 * A picker's lookup over one small collection (groups, programmes): the named records (to show a
 * field's current values), else those whose text matches, by name, at most `limit`.
 */
export function lookupRecords<T extends { id: string }, R extends { name: string }>(
  list: Rows<T>,
  query: { ids?: readonly string[] | undefined; text: string; limit: number },
  textOf: (record: T) => string,
  refOf: (record: T) => R,
): R[] {
  if (query.ids?.length) {
    const found = byId(list);
    return query.ids.map((id) => found.get(id)).filter((r): r is T => !!r).map(refOf);
  }
  const terms = searchTerms(query.text);
  return list
    .filter((r) => terms.length === 0 || matchesTerms(terms, [textOf(r)]))
    .map(refOf)
    .sort((a, b) => compareValues(a.name, b.name, 'asc'))
    .slice(0, query.limit);
}
