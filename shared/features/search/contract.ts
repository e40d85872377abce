/** The search slice of the contract: the palette's search across records. */
import { z } from 'zod';
import { op, type Operation } from '../../contract/define';
import { Id } from '../../schemas/common';

export const SearchHit = z.object({
  kind: z.enum(['case', 'contact', 'organisation', 'note', 'cooperation', 'programme']),
  id: Id,
  label: z.string(),
  detail: z.string(),
  status: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const searchContract = {
  'search.global': op(z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).default(6) }), z.array(SearchHit)),
} as const satisfies Record<string, Operation>;
