/**
 * Groups of organisations: a research alliance, a science campus, a section, a consortium, a
 * network. An organisation names the groups it belongs to (`groupIds` on the organisation), so
 * lists can filter and count by group; the group itself holds only its name, kind and notes.
 */
import { z } from 'zod';
import { Id, RecordMeta, patchOf } from '../../schemas/common';
import { MAX_FILTER_VALUES } from '../../schemas/list';
import { text } from '../../schemas/text';

export const groupKinds = ['alliance', 'campus', 'section', 'consortium', 'network', 'other'] as const;
export const GroupKind = z.enum(groupKinds);
export type GroupKind = z.infer<typeof GroupKind>;

/** The most groups one organisation belongs to. */
export const MAX_GROUPS_PER_ORGANISATION = 50;

export const GroupFields = z.object({
  name: text(200).min(1, { message: 'validation.required' }),
  kind: GroupKind.default('other'),
  notes: text(20_000).default(''),
});
export type GroupFields = z.output<typeof GroupFields>;

export const GroupRecord = RecordMeta.extend(GroupFields.shape);
export type GroupRecord = z.infer<typeof GroupRecord>;

export const GroupUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(GroupFields) });

export const groupSortKeys = ['name', 'kind', 'members', 'updatedAt'] as const;
export const GroupListFilter = z.object({
  text: z.string().max(200).default(''),
  kinds: z.array(GroupKind).max(MAX_FILTER_VALUES).default([]),
});

/** A group as lists show it: with how many organisations belong to it. */
export const GroupListItem = z.object({
  id: Id,
  revision: z.number().int(),
  name: z.string(),
  kind: GroupKind,
  members: z.number().int(),
  updatedAt: z.string(),
});
export type GroupListItem = z.infer<typeof GroupListItem>;

/** A compact reference for pickers, filters and links. */
export const GroupRef = z.object({ id: Id, name: z.string(), kind: GroupKind });
export type GroupRef = z.infer<typeof GroupRef>;

/**
 * How many records of each list belong to a group, counted by the lists' own group filters: an
 * organisation in it, a person with a current position at one, a cooperation or a case naming one,
 * a trip with an agenda item at one.
 */
export const GroupCounts = z.object({
  organisations: z.number().int().min(0),
  people: z.number().int().min(0),
  cooperations: z.number().int().min(0),
  cases: z.number().int().min(0),
  trips: z.number().int().min(0),
});
export type GroupCounts = z.infer<typeof GroupCounts>;
