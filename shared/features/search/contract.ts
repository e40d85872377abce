/**
 * The search slice of the contract: one index over every kind of record. The palette asks for the
 * best few of each kind with counts (`search.global`); the search screen pages through all of them,
 * filtered by kind (`search.query`). Both say which words matched, for highlighting.
 */
import { z } from 'zod';
import { op, type Operation } from '../../contract/define';
import { Id } from '../../schemas/common';
import { searchKinds } from './documents';

export const SearchKind = z.enum(searchKinds);

/** The screens a hit opens: its own record's, or its parent's (an agenda item opens its trip at the item). */
export const searchTargets = ['case', 'contact', 'organisation', 'trip', 'note', 'cooperation', 'programme'] as const;

export const SearchHit = z.object({
  kind: SearchKind,
  id: Id,
  label: z.string(),
  /** Where it belongs: the case of a task, the trip of an agenda item, a person's position. */
  detail: z.string(),
  /** Words around the first match in the record's longer text ('' when the match is in the label). */
  snippet: z.string(),
  status: z.string().nullable(),
  opens: z.object({ kind: z.enum(searchTargets), id: Id, item: Id.nullable() }),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** What the query's words matched: prefixes of words, and whole words one typo away. */
export const SearchMatch = z.object({ prefixes: z.array(z.string()), words: z.array(z.string()) });
export type SearchMatch = z.infer<typeof SearchMatch>;

export const SearchCount = z.object({ kind: SearchKind, count: z.number().int() });

const text = z.string().max(200);

export const searchContract = {
  'search.global': op(
    z.object({ text, perKind: z.number().int().min(1).max(20).default(5) }),
    z.object({
      groups: z.array(SearchCount.extend({ hits: z.array(SearchHit) })),
      total: z.number().int(),
      match: SearchMatch,
      /** False while the index is first being built: the hits then come from names and titles only. */
      ready: z.boolean(),
    }),
  ),
  'search.query': op(
    z.object({
      text,
      kinds: z.array(SearchKind).max(searchKinds.length).default([]),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({ rows: z.array(SearchHit), total: z.number().int(), counts: z.array(SearchCount), match: SearchMatch, ready: z.boolean() }),
  ),
} as const satisfies Record<string, Operation>;
