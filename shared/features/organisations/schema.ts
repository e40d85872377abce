import { z } from 'zod';
import { CountryCode, Id, RecordMeta, RegionCode, Topic, uniqueList, patchOf } from '../../schemas/common';
import { text } from '../../schemas/text';
import { IdFilter, MAX_FILTER_VALUES } from '../../schemas/list';
import { MAX_GROUPS_PER_ORGANISATION } from '../groups/schema';

export const organisationKinds = [
  'university',
  'researchInstitute',
  'company',
  'ministry',
  'embassy',
  'fundingAgency',
  'internationalOrganisation',
  'ngo',
  'other',
] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** Only web addresses: a stored link must never be `javascript:` or a local file. */
export const WebAddress = z
  .string()
  .trim()
  .max(300, { message: 'validation.tooBig|max=300' })
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), { message: 'validation.url' });

export const OrganisationFields = z.object({
  name: text(200).min(1, { message: 'validation.required' }),
  shortName: text(40).default(''),
  kind: OrganisationKind.default('other'),
  /** International organisations may have no single country. */
  country: CountryCode.nullable().default(null),
  city: text(120).default(''),
  website: WebAddress.default(''),
  topics: uniqueList(Topic, 40).default([]),
  parentId: Id.nullable().default(null),
  /** The account owner: who on our team keeps the relationship (an advisor's name, as on cases). */
  owner: text(120).default(''),
  /** The groups (alliances, campuses, sections, consortia) the organisation belongs to. */
  groupIds: uniqueList(Id, MAX_GROUPS_PER_ORGANISATION).default([]),
  notes: text(20_000).default(''),
});
export type OrganisationFields = z.output<typeof OrganisationFields>;

export const OrganisationRecord = RecordMeta.extend(OrganisationFields.shape);
export type OrganisationRecord = z.infer<typeof OrganisationRecord>;

export const OrganisationCreateInput = OrganisationFields;
export const OrganisationUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(OrganisationFields) });

export const organisationSortKeys = ['name', 'kind', 'country', 'city', 'people', 'cases', 'updatedAt'] as const;
export const OrganisationListFilter = z.object({
  text: z.string().max(200).default(''),
  kinds: z.array(OrganisationKind).max(MAX_FILTER_VALUES).default([]),
  countries: z.array(CountryCode).max(MAX_FILTER_VALUES).default([]),
  regions: z.array(RegionCode).max(MAX_FILTER_VALUES).default([]),
  topics: z.array(z.string().max(60)).max(MAX_FILTER_VALUES).default([]),
  owners: z.array(z.string().max(120)).max(MAX_FILTER_VALUES).default([]),
  /** Organisations in at least one of these groups. */
  groups: z.array(Id).max(MAX_FILTER_VALUES).default([]),
  parentId: Id.optional(),
  /** Only these organisations (a selection on screen). */
  ids: IdFilter.optional(),
});

export const OrganisationListItem = z.object({
  id: Id,
  revision: z.number().int(),
  name: z.string(),
  shortName: z.string(),
  kind: OrganisationKind,
  country: z.string().nullable(),
  city: z.string(),
  topics: z.array(z.string()),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  owner: z.string(),
  groupIds: z.array(Id),
  people: z.number().int(),
  cases: z.number().int(),
  updatedAt: z.string(),
});
export type OrganisationListItem = z.infer<typeof OrganisationListItem>;

/** A compact reference for pickers and links. */
export const OrganisationRef = z.object({ id: Id, name: z.string(), shortName: z.string(), kind: OrganisationKind, country: z.string().nullable(), city: z.string() });
export type OrganisationRef = z.infer<typeof OrganisationRef>;
