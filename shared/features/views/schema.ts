import { z } from 'zod';
import { Id, RecordMeta, patchOf } from '../../schemas/common';
import { text } from '../../schemas/text';

export const viewLists = ['cases', 'organisations', 'contacts', 'notes'] as const;
export const ViewList = z.enum(viewLists);
export type ViewList = z.infer<typeof ViewList>;

/** A named combination of filters, sort and visible columns for one list. */
export const ViewFields = z.object({
  name: text(80).min(1, { message: 'validation.required' }),
  list: ViewList,
  /** The list's own query (validated against that list's query schema when used). */
  query: z.record(z.string(), z.unknown()),
  columns: z.array(z.string().max(40)).max(30).default([]),
});
export const ViewRecord = RecordMeta.extend(ViewFields.shape);
export type ViewRecord = z.infer<typeof ViewRecord>;
export const ViewUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(ViewFields.omit({ list: true })) });
