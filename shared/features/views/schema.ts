import { z } from 'zod';
import { Id, RecordMeta, patchOf } from '../../schemas/common';
import { MAX_FILTER_VALUES } from '../../schemas/list';
import { text } from '../../schemas/text';

export const viewLists = ['cases', 'organisations', 'contacts', 'notes'] as const;
export const ViewList = z.enum(viewLists);
export type ViewList = z.infer<typeof ViewList>;

export const MAX_VIEW_QUERY_KEYS = 30;

/**
 * One saved filter value, as the lists' filters have them: a search text, a sort key or id, a
 * number, a flag, or a list of short values (statuses, country and region codes, topics, owners).
 */
export const ViewQueryValue = z.union([
  z.string().max(200, { message: 'validation.tooBig|max=200' }),
  z.number(),
  z.boolean(),
  z.null(),
  z.undefined(),
  z.array(z.string().max(120, { message: 'validation.tooBig|max=120' })).max(MAX_FILTER_VALUES, { message: `validation.tooMany|max=${MAX_FILTER_VALUES}` }),
]);

/**
 * A view's query: flat, at most 30 named filters; nothing nested, so no megabyte strings or deep trees.
 * Typed as a plain record: each list reads its own filter fields from it.
 */
export const ViewQuery: z.ZodType<Record<string, unknown>> = z
  .record(z.string().min(1).max(40), ViewQueryValue)
  .refine((q) => Object.keys(q).length <= MAX_VIEW_QUERY_KEYS, { message: `validation.tooMany|max=${MAX_VIEW_QUERY_KEYS}` });

/** A named combination of filters, sort and visible columns for one list. */
export const ViewFields = z.object({
  name: text(80).min(1, { message: 'validation.required' }),
  list: ViewList,
  /** The list's own query (validated against that list's query schema when used), bounded here. */
  query: ViewQuery,
  columns: z.array(z.string().max(40)).max(30).default([]),
});
export const ViewRecord = RecordMeta.extend(ViewFields.shape);
export type ViewRecord = z.infer<typeof ViewRecord>;
export const ViewUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(ViewFields.omit({ list: true })) });
