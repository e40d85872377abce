/**
 * Strategy priorities (issue 13 part 4): per country or UN M49 region, a level (1 highest), a
 * period, goals and topics, linked to the strategy notes that set them ("Africa strategy
 * 2026–2030: Ghana, Kenya — innovation, young scientists"). Matchmaking (../matchmaking/match.ts)
 * reads these records as they are stored; the country screen shows them with the activity against
 * them and their gaps (./rules.ts).
 */
import { z } from 'zod';
import { CountryCode, Id, IsoDate, RecordMeta, RegionCode, Topic, patchOf, uniqueList } from '../../schemas/common';
import { MAX_FILTER_VALUES } from '../../schemas/list';
import { text } from '../../schemas/text';

export const priorityLevels = [1, 2, 3] as const;
export const PriorityLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type PriorityLevel = z.infer<typeof PriorityLevel>;

export const MAX_GOALS = 20;

/** The fields a user edits, without the cross-field rules (zod cannot extend refined objects). */
export const PriorityFieldsShape = z.object({
  title: text(200).min(1, { message: 'validation.required' }),
  /** Exactly one of country and region is set. */
  country: CountryCode.nullable().default(null),
  region: RegionCode.nullable().default(null),
  level: PriorityLevel.default(2),
  start: IsoDate.nullable().default(null),
  end: IsoDate.nullable().default(null),
  /** What the strategy wants there, one goal a line ("young scientists", "innovation"). */
  goals: z.array(text(300).min(1, { message: 'validation.required' })).max(MAX_GOALS, { message: `validation.tooMany|max=${MAX_GOALS}` }).default([]),
  topics: uniqueList(Topic, 40).default([]),
  /** The strategy notes that set this priority. */
  noteIds: uniqueList(Id, 50).default([]),
});

type PlaceAndPeriod = { country?: string | null | undefined; region?: string | null | undefined; start?: string | null | undefined; end?: string | null | undefined };

/** One place (a country or a region, not both, not none) and an end not before the start. */
export function checkPriority(value: PlaceAndPeriod, ctx: z.RefinementCtx): void {
  if (!value.country === !value.region) ctx.addIssue({ code: 'custom', path: [value.country ? 'region' : 'country'], message: 'priorities.errors.onePlace' });
  if (value.start && value.end && value.end < value.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'validation.endBeforeStart' });
}

export const PriorityFields = PriorityFieldsShape.superRefine(checkPriority);
export type PriorityFields = z.output<typeof PriorityFields>;

export const PriorityRecord = RecordMeta.extend(PriorityFieldsShape.shape).superRefine(checkPriority);
export type PriorityRecord = z.infer<typeof PriorityRecord>;

export const PriorityUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(PriorityFieldsShape) });

export const PriorityListFilter = z.object({
  text: z.string().max(200).default(''),
  countries: z.array(CountryCode).max(MAX_FILTER_VALUES).default([]),
  levels: z.array(PriorityLevel).max(3).default([]),
  /** Only priorities whose period covers this day. */
  activeOn: IsoDate.optional(),
});
