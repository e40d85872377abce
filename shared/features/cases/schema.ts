import { z } from 'zod';
import { CountryCode, Id, IsoDate, RecordMeta, RegionCode, Topic, uniqueList, patchOf } from '../../schemas/common';
import { text } from '../../schemas/text';
import { MAX_FILTER_VALUES } from '../../schemas/list';
import { Classification } from '../../schemas/classification';
import { MatchReason, reasonKinds } from '../matchmaking/schema';

export const caseStatuses = ['intake', 'analysis', 'advising', 'implementation', 'onHold', 'closed'] as const;
export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const CasePriority = z.enum(casePriorities);
export type CasePriority = z.infer<typeof CasePriority>;

/** "AC-2026-001": letters, digits, dashes and slashes, starting with a letter or digit. */
export const CaseReference = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, { message: 'validation.required' })
  .max(32, { message: 'validation.tooBig|max=32' })
  .regex(/^[A-Z0-9][A-Z0-9/-]*$/, { message: 'validation.referenceFormat' });

/** The fields a user edits, without cross-field rules (zod cannot extend refined objects). */
export const CaseFieldsShape = z.object({
  title: text(200).min(1, { message: 'validation.required' }),
  reference: CaseReference,
  /** The client organisation; `client` keeps a free-text name where there is no record (yet). */
  clientId: Id.nullable(),
  client: text(200),
  clientContactIds: z.array(Id).max(50),
  partnerOrganisationIds: z.array(Id).max(200),
  fundingInstruments: uniqueList(text(120).min(1), 20),
  /** The funding programme or call the case is about (a record of `programmes`), if any. */
  programmeId: Id.nullable().default(null),
  countries: uniqueList(CountryCode, 60),
  topics: uniqueList(Topic, 40),
  status: CaseStatus,
  priority: CasePriority,
  owner: text(120),
  openedOn: IsoDate,
  dueOn: IsoDate.nullable(),
  summary: text(20000),
  /** Who may see the case: a confidential one never leaves this machine (team sync) and marks its briefing. */
  classification: Classification.default('internal'),
});

type DatedFields = { openedOn?: string | undefined; dueOn?: string | null | undefined };

/** A due date before the opening date is an error on the due date. */
export function checkDueAfterOpened(value: DatedFields, ctx: z.RefinementCtx): void {
  if (value.openedOn && value.dueOn && value.dueOn < value.openedOn) {
    ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'validation.dueBeforeOpened' });
  }
}

export const CaseFields = CaseFieldsShape.superRefine(checkDueAfterOpened);
export type CaseFields = z.infer<typeof CaseFields>;

/** What a form sends to create a case: the reference is generated when left empty. */
export const CaseCreateInput = CaseFieldsShape.extend({
  reference: z.union([CaseReference, z.literal('').transform(() => undefined)]).optional(),
  clientId: Id.nullable().default(null),
  client: text(200).default(''),
  clientContactIds: z.array(Id).max(50).default([]),
  partnerOrganisationIds: z.array(Id).max(200).default([]),
  fundingInstruments: uniqueList(text(120).min(1), 20).default([]),
  programmeId: Id.nullable().default(null),
  countries: uniqueList(CountryCode, 60).default([]),
  topics: uniqueList(Topic, 40).default([]),
  status: CaseStatus.default('intake'),
  priority: CasePriority.default('normal'),
  owner: text(120).default(''),
  dueOn: IsoDate.nullable().default(null),
  summary: text(20000).default(''),
  classification: Classification.default('internal'),
}).superRefine(checkDueAfterOpened);
export type CaseCreateInput = z.input<typeof CaseCreateInput>;

export const CaseUpdateInput = z.object({
  id: Id,
  revision: z.number().int().min(1),
  changes: patchOf(CaseFieldsShape),
});
export type CaseUpdateInput = z.input<typeof CaseUpdateInput>;

/** Every status a case has had, with the day it changed; written by the service, not the form. */
export const StatusChange = z.object({ status: CaseStatus, on: IsoDate });
export type StatusChange = z.infer<typeof StatusChange>;

/** The most entries a case's shortlist keeps. */
export const MAX_SHORTLIST = 50;
export const shortlistCollections = ['organisations', 'contacts'] as const;

/**
 * One candidate saved from "Find partners" to a case: the record, its score and the reasons for it
 * as the matchmaking gave them (message key and values; the source links are not kept, so a deleted
 * source never dangles), and the day it was added.
 */
export const ShortlistEntry = z.object({
  collection: z.enum(shortlistCollections),
  id: Id,
  score: z.number().min(0).max(100_000),
  reasons: z.array(MatchReason.omit({ sources: true })).max(reasonKinds.length).default([]),
  addedOn: IsoDate,
});
export type ShortlistEntry = z.infer<typeof ShortlistEntry>;

/** A case's shortlist: each record once, at most MAX_SHORTLIST. */
export const Shortlist = z
  .array(ShortlistEntry)
  .max(MAX_SHORTLIST, { message: `validation.tooMany|max=${MAX_SHORTLIST}` })
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      const key = `${e.collection}:${e.id}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'cases.shortlist.duplicate' });
      seen.add(key);
    });
  });
export type Shortlist = z.infer<typeof Shortlist>;

export const CaseRecord = RecordMeta.extend(CaseFieldsShape.shape)
  .extend({ statusHistory: z.array(StatusChange).min(1), shortlist: Shortlist.default([]) })
  .superRefine(checkDueAfterOpened);
export type CaseRecord = z.infer<typeof CaseRecord>;

export const caseSortKeys = ['reference', 'title', 'status', 'priority', 'dueOn', 'openedOn', 'updatedAt', 'client'] as const;

export const CaseListFilter = z.object({
  text: z.string().max(200).default(''),
  statuses: z.array(CaseStatus).max(MAX_FILTER_VALUES).default([]),
  countries: z.array(CountryCode).max(MAX_FILTER_VALUES).default([]),
  regions: z.array(RegionCode).max(MAX_FILTER_VALUES).default([]),
  topics: z.array(z.string().max(60)).max(MAX_FILTER_VALUES).default([]),
  owners: z.array(z.string().max(120)).max(MAX_FILTER_VALUES).default([]),
  /** Cases naming any of these funding programmes. */
  programmeIds: z.array(Id).max(MAX_FILTER_VALUES).default([]),
  /** Cases marked with any of these classifications. */
  classifications: z.array(Classification).max(MAX_FILTER_VALUES).default([]),
  clientId: Id.optional(),
  /** Cases whose client or a partner organisation is in one of these groups. */
  groups: z.array(Id).max(MAX_FILTER_VALUES).default([]),
});

/** A row of the case list: everything but the long summary text, plus what the list shows of its links. */
export const CaseListItem = RecordMeta.extend(CaseFieldsShape.omit({ summary: true }).shape).extend({
  clientName: z.string(),
  /** The funding programme's name ('' when the case names none). */
  programmeName: z.string(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const TaskFields = z.object({
  caseId: Id,
  title: text(300).min(1, { message: 'validation.required' }),
  dueOn: IsoDate.nullable().default(null),
  assignee: text(120).default(''),
  done: z.boolean().default(false),
  doneOn: IsoDate.nullable().default(null),
  /** Set when the app created the task (a trip debrief), so saving twice creates it once. */
  source: z.object({ kind: z.literal('debrief'), tripId: Id, agendaItemId: Id, index: z.number().int().min(0) }).nullable().default(null),
});
export const TaskRecord = RecordMeta.extend(TaskFields.shape);
export type TaskRecord = z.infer<typeof TaskRecord>;
export const TaskCreateInput = TaskFields.omit({ done: true, doneOn: true, source: true });
export const TaskUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(TaskFields.omit({ caseId: true, source: true, doneOn: true })) });
