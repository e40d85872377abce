import { z } from 'zod';
import { CountryCode, Id, RecordMeta, RegionCode, Timestamp, Topic, uniqueList, patchOf } from '../../schemas/common';
import { RichDoc } from '../../schemas/richtext';
import { text } from '../../schemas/text';
import { MAX_FILTER_VALUES } from '../../schemas/list';
import { Classification } from '../../schemas/classification';

export const noteKinds = ['countryStrategy', 'regionalStrategy', 'thematicAnalysis', 'foresight', 'evaluation', 'minutes'] as const;
export const NoteKind = z.enum(noteKinds);
export type NoteKind = z.infer<typeof NoteKind>;
export const noteStatuses = ['draft', 'final'] as const;
export const NoteStatus = z.enum(noteStatuses);
export type NoteStatus = z.infer<typeof NoteStatus>;

export const NoteFields = z.object({
  title: text(200).min(1, { message: 'validation.required' }),
  kind: NoteKind.default('thematicAnalysis'),
  countries: uniqueList(CountryCode, 60).default([]),
  regions: uniqueList(RegionCode, 20).default([]),
  topics: uniqueList(Topic, 40).default([]),
  status: NoteStatus.default('draft'),
  /** The author, who owns the note on our team (an advisor's name, as on cases). */
  owner: text(120).default(''),
  body: RichDoc.default({ type: 'doc', content: [{ type: 'paragraph' }] }),
  caseIds: z.array(Id).max(200).default([]),
  /** People the note is about or mentions; their contact screens list it. */
  contactIds: z.array(Id).max(500).default([]),
  /** Who may see the note: a confidential one never leaves this machine (team sync). */
  classification: Classification.default('internal'),
});
export type NoteFields = z.output<typeof NoteFields>;
export const NoteRecord = RecordMeta.extend(NoteFields.shape);
export type NoteRecord = z.infer<typeof NoteRecord>;
export const NoteUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(NoteFields) });

/** Every saved version of a note's title and text, newest last, so an earlier one can be restored. */
export const NoteRevisionRecord = z.object({
  id: Id,
  noteId: Id,
  savedAt: Timestamp,
  noteRevision: z.number().int().min(1),
  title: z.string(),
  status: NoteStatus,
  body: RichDoc,
});
export type NoteRevisionRecord = z.infer<typeof NoteRevisionRecord>;

export const noteSortKeys = ['title', 'kind', 'status', 'updatedAt'] as const;
export const NoteListFilter = z.object({
  text: z.string().max(200).default(''),
  kinds: z.array(NoteKind).max(MAX_FILTER_VALUES).default([]),
  statuses: z.array(NoteStatus).max(MAX_FILTER_VALUES).default([]),
  countries: z.array(CountryCode).max(MAX_FILTER_VALUES).default([]),
  regions: z.array(RegionCode).max(MAX_FILTER_VALUES).default([]),
  topics: z.array(z.string().max(60)).max(MAX_FILTER_VALUES).default([]),
  owners: z.array(z.string().max(120)).max(MAX_FILTER_VALUES).default([]),
  /** Notes marked with any of these classifications. */
  classifications: z.array(Classification).max(MAX_FILTER_VALUES).default([]),
  caseId: Id.optional(),
  contactId: Id.optional(),
});
export const NoteListItem = z.object({
  id: Id,
  revision: z.number().int(),
  title: z.string(),
  kind: NoteKind,
  status: NoteStatus,
  countries: z.array(z.string()),
  regions: z.array(z.string()),
  topics: z.array(z.string()),
  owner: z.string(),
  classification: Classification,
  excerpt: z.string(),
  updatedAt: z.string(),
});
export type NoteListItem = z.infer<typeof NoteListItem>;
