/**
 * The priorities slice of the contract: strategy priorities by the record recipe, and the gaps of
 * every active priority (what the dashboard shows). The country screen gets its priorities through
 * `countries.detail` (PriorityView below).
 */
import { z } from 'zod';
import { DeleteImpact } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById, Id, IsoDate, Revisioned } from '../../schemas/common';
import { UndoToken } from '../workspace/schema';
import { PriorityFields, PriorityLevel, PriorityListFilter, PriorityRecord, PriorityUpdateInput } from './schema';

const Count = z.object({ count: z.number().int().min(0), last: IsoDate.nullable() });
export const PriorityActivity = z.object({ trips: Count, contacts: Count, cooperations: Count, openCases: Count });
export const PriorityGaps = z.object({ noTripIn18Months: z.boolean(), noContactIn18Months: z.boolean(), noCooperation: z.boolean() });

/** A priority as lists show it, with the titles of the notes that set it. */
export const PriorityListItem = z.object({
  id: Id,
  revision: z.number().int(),
  title: z.string(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  level: PriorityLevel,
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  goals: z.array(z.string()),
  topics: z.array(z.string()),
  notes: z.array(z.object({ id: Id, title: z.string() })),
  /** Whether today lies in its period. */
  active: z.boolean(),
});
export type PriorityListItem = z.infer<typeof PriorityListItem>;

/** A priority with the activity against it in its place (or, on a country screen, in that country) and its gaps. */
export const PriorityView = PriorityListItem.extend({
  /** On a country screen: whether the priority names the country or one of its regions. */
  via: z.enum(['country', 'region']),
  activity: PriorityActivity,
  gaps: PriorityGaps,
});
export type PriorityView = z.infer<typeof PriorityView>;

export const MAX_PRIORITIES_LISTED = 2000;

export const prioritiesContract = {
  'priorities.list': op(PriorityListFilter, z.array(PriorityListItem).max(MAX_PRIORITIES_LISTED)),
  'priorities.get': op(ById, PriorityRecord),
  'priorities.create': op(PriorityFields, PriorityRecord),
  'priorities.update': op(PriorityUpdateInput, PriorityRecord),
  'priorities.deleteImpact': op(ById, DeleteImpact),
  'priorities.delete': op(Revisioned, UndoToken),
  /** Every priority active today with the activity in its place and its gaps: level first, then title. */
  'priorities.gaps': op(z.object({}).strict().default({}), z.array(PriorityView.omit({ via: true })).max(MAX_PRIORITIES_LISTED)),
} as const satisfies Record<string, Operation>;
