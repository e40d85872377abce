import { z } from 'zod';

/** The most values one list filter takes (every country code fits; a hostile list of millions does not). */
export const MAX_FILTER_VALUES = 300;

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
