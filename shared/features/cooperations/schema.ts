/**
 * Cooperations as records: our institutes and their partner organisations, the programme or
 * instrument, status, period, volume and funder, the contact people on both sides, and links to
 * cases, trips and notes. The field names are shared with the matchmaking function: keep them.
 */
import { z } from 'zod';
import { CountryCode, Id, IsoDate, RecordMeta, RegionCode, Topic, patchOf, uniqueList } from '../../schemas/common';
import { MAX_FILTER_VALUES } from '../../schemas/list';
import { text } from '../../schemas/text';

export const cooperationStatuses = ['idea', 'preparation', 'applied', 'funded', 'running', 'ended', 'declined'] as const;
export const CooperationStatus = z.enum(cooperationStatuses);
export type CooperationStatus = z.infer<typeof CooperationStatus>;

const ids = (max: number) => uniqueList(Id, max).default([]);

export const CooperationFieldsShape = z.object({
  title: text(200).min(1, { message: 'validation.required' }),
  /** Our organisations in the cooperation (institutes of our association). */
  institutes: ids(100),
  /** Partner organisations; their countries come from the organisation records. */
  partners: ids(200),
  topics: uniqueList(Topic, 40).default([]),
  programmeId: Id.nullable().default(null),
  /** The instrument in words, where no programme record is named. */
  instrument: text(200).default(''),
  status: CooperationStatus.default('idea'),
  start: IsoDate.nullable().default(null),
  end: IsoDate.nullable().default(null),
  /** Volume in euros. */
  volume: z.number().min(0, { message: 'validation.tooSmall|min=0' }).max(1e12, { message: 'validation.amountTooLarge' }).nullable().default(null),
  funder: text(200).default(''),
  ourContacts: ids(50),
  partnerContacts: ids(50),
  caseIds: ids(100),
  tripIds: ids(100),
  noteIds: ids(100),
  notes: text(20_000).default(''),
});

export function checkCooperationPeriod(c: { start?: string | null | undefined; end?: string | null | undefined }, ctx: z.RefinementCtx) {
  if (c.start && c.end && c.end < c.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'validation.endBeforeStart' });
}
export const CooperationFields = CooperationFieldsShape.superRefine(checkCooperationPeriod);
export type CooperationFields = z.output<typeof CooperationFields>;
export const CooperationRecord = RecordMeta.extend(CooperationFieldsShape.shape).superRefine(checkCooperationPeriod);
export type CooperationRecord = z.infer<typeof CooperationRecord>;
export const CooperationUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(CooperationFieldsShape) });

export const cooperationSortKeys = ['title', 'status', 'start', 'end', 'volume', 'updatedAt'] as const;
export const CooperationListFilter = z.object({
  text: z.string().max(200).default(''),
  statuses: z.array(CooperationStatus).max(MAX_FILTER_VALUES).default([]),
  /** Partner countries (from the partner organisations' records). */
  countries: z.array(CountryCode).max(MAX_FILTER_VALUES).default([]),
  regions: z.array(RegionCode).max(MAX_FILTER_VALUES).default([]),
  topics: z.array(z.string().max(60)).max(MAX_FILTER_VALUES).default([]),
  /** Cooperations one of these of our institutes takes part in. */
  institutes: z.array(Id).max(MAX_FILTER_VALUES).default([]),
  /** Cooperations with an organisation (ours or a partner) in one of these groups. */
  groups: z.array(Id).max(MAX_FILTER_VALUES).default([]),
  programmeIds: z.array(Id).max(MAX_FILTER_VALUES).default([]),
  /** Cooperations an organisation takes part in, on either side (its page lists them). */
  organisationId: Id.optional(),
  /** Cooperations that name this person (on either side), case, trip or note: the links back, on their pages. */
  contactId: Id.optional(),
  caseId: Id.optional(),
  tripId: Id.optional(),
  noteId: Id.optional(),
});

export const CooperationListItem = z.object({
  id: Id,
  revision: z.number().int(),
  title: z.string(),
  status: CooperationStatus,
  institutes: z.array(z.string()),
  partners: z.array(z.string()),
  countries: z.array(z.string()),
  topics: z.array(z.string()),
  programme: z.string(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  volume: z.number().nullable(),
  updatedAt: z.string(),
});
export type CooperationListItem = z.infer<typeof CooperationListItem>;

/** A cooperation as other records' screens list it. */
export const CooperationRef = z.object({ id: Id, title: z.string(), status: CooperationStatus, start: IsoDate.nullable(), end: IsoDate.nullable() });
export type CooperationRef = z.infer<typeof CooperationRef>;
