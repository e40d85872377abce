/**
 * Funding programmes and calls as records (name, funder, countries or regions, topics, deadline,
 * link as plain text), so a cooperation can name its programme and deadlines can be listed.
 */
import { z } from 'zod';
import { CountryCode, Id, IsoDate, RecordMeta, RegionCode, Topic, patchOf, uniqueList } from '../../schemas/common';
import { MAX_FILTER_VALUES } from '../../schemas/list';
import { text } from '../../schemas/text';

export const ProgrammeFields = z.object({
  name: text(200).min(1, { message: 'validation.required' }),
  funder: text(200).default(''),
  countries: uniqueList(CountryCode, 250).default([]),
  regions: uniqueList(RegionCode, 40).default([]),
  topics: uniqueList(Topic, 40).default([]),
  /** The next (or only) deadline of the call; none for an open programme. */
  deadline: IsoDate.nullable().default(null),
  /** Where the call is published, kept as text: the app never fetches or opens remote content. */
  link: text(500).default(''),
  notes: text(20_000).default(''),
});
export type ProgrammeFields = z.output<typeof ProgrammeFields>;

export const ProgrammeRecord = RecordMeta.extend(ProgrammeFields.shape);
export type ProgrammeRecord = z.infer<typeof ProgrammeRecord>;

export const ProgrammeUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(ProgrammeFields) });

export const programmeSortKeys = ['name', 'funder', 'deadline', 'cooperations', 'updatedAt'] as const;
export const ProgrammeListFilter = z.object({
  text: z.string().max(200).default(''),
  countries: z.array(CountryCode).max(MAX_FILTER_VALUES).default([]),
  topics: z.array(z.string().max(60)).max(MAX_FILTER_VALUES).default([]),
  /** Only calls whose deadline is on or after this day (an open programme without a deadline is left out). */
  deadlineFrom: IsoDate.optional(),
});

export const ProgrammeListItem = z.object({
  id: Id,
  revision: z.number().int(),
  name: z.string(),
  funder: z.string(),
  countries: z.array(z.string()),
  regions: z.array(z.string()),
  topics: z.array(z.string()),
  deadline: IsoDate.nullable(),
  cooperations: z.number().int(),
  updatedAt: z.string(),
});
export type ProgrammeListItem = z.infer<typeof ProgrammeListItem>;

/** A compact reference for pickers and links. */
export const ProgrammeRef = z.object({ id: Id, name: z.string(), funder: z.string(), deadline: IsoDate.nullable() });
export type ProgrammeRef = z.infer<typeof ProgrammeRef>;
