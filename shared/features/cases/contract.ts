/** The cases slice of the contract: advisory cases, their tasks and their timeline (activities). */
import { z } from 'zod';
import { DeleteImpact, None } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById, Id, IsoDate, Revisioned } from '../../schemas/common';
import { ExportRequest, ExportResult } from '../../schemas/export';
import { listQuery, listResult } from '../../schemas/list';
import { ContactRef } from '../contacts/schema';
import { NoteRef } from '../notes/contract';
import { OrganisationRef } from '../organisations/schema';
import { ProgrammeRef } from '../programmes/schema';
import { UndoToken } from '../workspace/schema';
import { ActivityCreateInput, ActivityRecord, ActivityUpdateInput } from './activities';
import { CaseCreateInput, CaseListFilter, CaseListItem, CaseRecord, CaseStatus, CaseUpdateInput, Shortlist, TaskCreateInput, TaskRecord, TaskUpdateInput, caseSortKeys } from './schema';

/** A case as other records' screens list it. */
export const CaseRef = z.object({ id: Id, reference: z.string(), title: z.string(), status: CaseStatus });
export type CaseRef = z.infer<typeof CaseRef>;

/** A timeline entry with its participants' names and its case's title. */
export const ActivityView = ActivityRecord.extend({
  participants: z.array(z.object({ id: Id, name: z.string() })),
  caseTitle: z.string().nullable(),
});
export type ActivityView = z.infer<typeof ActivityView>;

/** A task with whether it is overdue today and the case it belongs to. */
export const TaskView = TaskRecord.extend({ overdue: z.boolean(), caseTitle: z.string(), caseReference: z.string() });
export type TaskView = z.infer<typeof TaskView>;

/** The case screen's links: client, client contacts, partners, funding programme and notes as readable references. */
export const CaseRelated = z.object({
  client: OrganisationRef.nullable(),
  clientContacts: z.array(ContactRef),
  partners: z.array(OrganisationRef),
  /** The programme the case names, with its deadline; null when it names none (or one since deleted). */
  programme: ProgrammeRef.nullable(),
  notes: z.array(NoteRef),
});
export type CaseRelated = z.infer<typeof CaseRelated>;

const Names = z.array(z.string());
/**
 * Values in use across the workspace, for suggestions in editors and the choices of list filters:
 * `owners` are all names that own a case, organisation, person or note; `listOwners` the names in
 * use in each list, for its Owner filter.
 */
export const Vocabulary = z.object({
  topics: Names,
  owners: Names,
  clients: Names,
  fundingInstruments: Names,
  listOwners: z.object({ cases: Names, organisations: Names, contacts: Names, notes: Names }),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

export const TaskListQuery = z.object({ caseId: Id.optional(), assignee: z.string().max(120).optional(), openOnly: z.boolean().default(false), limit: z.number().int().min(1).max(5000).default(500) });
export const ActivityListQuery = z.object({ caseId: Id.optional(), contactId: Id.optional(), limit: z.number().int().min(1).max(5000).default(500) });

/** Replaces a case's shortlist (partners saved from matchmaking); the revision is checked, one Undo puts the list back. */
export const SaveShortlistInput = z.object({ id: Id, revision: z.number().int().min(1), entries: Shortlist });
export const SaveShortlistResult = z.object({ record: CaseRecord, undoId: Id });

export const casesContract = {
  'cases.list': op(listQuery(CaseListFilter, caseSortKeys, { sort: 'updatedAt', direction: 'desc' }), listResult(CaseListItem)),
  'cases.get': op(ById, CaseRecord),
  'cases.related': op(ById, CaseRelated),
  'cases.create': op(CaseCreateInput, CaseRecord),
  'cases.update': op(CaseUpdateInput, CaseRecord),
  'cases.deleteImpact': op(ById, DeleteImpact),
  'cases.delete': op(Revisioned, UndoToken),
  'cases.vocabulary': op(None, Vocabulary),
  'cases.nextReference': op(z.object({ openedOn: IsoDate.optional() }).default({}), z.object({ reference: z.string() })),
  'cases.exportBriefing': op(ExportRequest, ExportResult),
  'cases.saveShortlist': op(SaveShortlistInput, SaveShortlistResult),

  'tasks.list': op(TaskListQuery, z.array(TaskView)),
  'tasks.create': op(TaskCreateInput, TaskRecord),
  'tasks.update': op(TaskUpdateInput, TaskRecord),
  'tasks.delete': op(Revisioned, UndoToken),

  'activities.list': op(ActivityListQuery, z.array(ActivityView)),
  'activities.create': op(ActivityCreateInput, ActivityRecord),
  'activities.update': op(ActivityUpdateInput, ActivityRecord),
  'activities.delete': op(Revisioned, UndoToken),
} as const satisfies Record<string, Operation>;
