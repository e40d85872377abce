import { z } from 'zod';
import { Id } from './common';

/** The most values one list filter takes (every country code fits; a hostile list of millions does not). */
export const MAX_FILTER_VALUES = 300;

/**
 * The most records a list query may be narrowed to by id (the rows selected on screen, for an export
 * of the selection or to see which of them a new filter still shows); as many as a vCard export names.
 */
export const MAX_ID_FILTER = 5000;

/** "Only these records": a list filter of ids, each an Id, at most MAX_ID_FILTER of them. */
export const IdFilter = z.array(Id).min(1).max(MAX_ID_FILTER);

export const SortDirection = z.enum(['asc', 'desc']);

/**
 * Lists are served in windows: the backend filters and sorts the whole collection and returns
 * `limit` rows from `offset`, plus the total, so a 50,000-row list costs only what is on screen.
 */
export function listQuery<S extends z.ZodRawShape, const K extends readonly [string, ...string[]]>(
  filter: z.ZodObject<S>,
  sortKeys: K,
  defaults: { sort: K[number]; direction: 'asc' | 'desc' },
) {
  return filter.extend({
    sort: z.enum(sortKeys).default(defaults.sort as never),
    direction: SortDirection.default(defaults.direction),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  });
}

export function listResult<R extends z.ZodType>(row: R) {
  return z.object({ total: z.number().int().min(0), offset: z.number().int().min(0), rows: z.array(row) });
}

export interface ListResult<R> {
  total: number;
  offset: number;
  rows: R[];
}
