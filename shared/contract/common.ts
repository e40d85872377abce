/**
 * View shapes that several features' contract slices share: the empty input, the plain
 * acknowledgement, the look-up query of pickers and the impact a delete would have.
 */
import { z } from 'zod';
import { Id } from '../schemas/common';
import { collectionNames, type CollectionName } from '../schemas/database';

export const None = z.object({}).strict().default({});
export const Ok = z.object({ ok: z.literal(true) });

const Collection = z.enum(collectionNames as [CollectionName, ...CollectionName[]]);

/** What a delete would take with it, shown before the user confirms. */
export const DeleteImpact = z.object({
  label: z.string(),
  removes: z.array(z.object({ collection: Collection, count: z.number().int() })),
  unlinks: z.array(z.object({ collection: Collection, field: z.string(), count: z.number().int() })),
});
export type DeleteImpact = z.infer<typeof DeleteImpact>;

/** A picker's query: free text, or the ids it already shows. */
export const Lookup = z.object({ text: z.string().max(200).default(''), limit: z.number().int().min(1).max(100).default(20), ids: z.array(Id).max(200).optional() });
