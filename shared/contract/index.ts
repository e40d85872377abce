import { z } from 'zod';
import { ActivityCreateInput, ActivityRecord, ActivityUpdateInput } from '../schemas/activity';
import {
  CaseCreateInput,
  CaseListFilter,
  CaseListItem,
  CaseRecord,
  CaseStatus,
  CaseUpdateInput,
  TaskCreateInput,
  TaskRecord,
  TaskUpdateInput,
  caseSortKeys,
} from '../schemas/case';
import { ById, CountryCode, Id, IsoDate, Revisioned } from '../schemas/common';
import {
  ContactFieldsShape,
  ContactListFilter,
  ContactListItem,
  ContactRecord,
  ContactRef,
  ContactUpdateInput,
  PositionFieldsShape,
  PositionRecord,
  PositionUpdateInput,
  SuccessionInput,
  contactSortKeys,
} from '../schemas/contact';
import { collectionNames, type CollectionName } from '../schemas/database';
import { CountryMap } from '../schemas/map';
import { ExportRequest, ExportResult } from '../schemas/export';
import { listQuery, listResult } from '../schemas/list';
import { NoteFields, NoteKind, NoteListFilter, NoteListItem, NoteRecord, NoteRevisionRecord, NoteStatus, NoteUpdateInput, noteSortKeys } from '../schemas/note';
import {
  OrganisationCreateInput,
  OrganisationListFilter,
  OrganisationListItem,
  OrganisationRecord,
  OrganisationRef,
  OrganisationUpdateInput,
  organisationSortKeys,
} from '../schemas/organisation';
import {
  AgendaItemFieldsShape,
  AgendaItemRecord,
  AgendaItemUpdateInput,
  AgendaWarning,
  BookOutline,
  BookRequest,
  DebriefInput,
  MemberRole,
  TripFieldsShape,
  TripListFilter,
  TripListItem,
  TripRecord,
  TripUpdateInput,
  tripSortKeys,
} from '../schemas/trip';
import { ViewFields, ViewList, ViewRecord, ViewUpdateInput } from '../schemas/view';
import {
  InitializeInput,
  RestoreBackupInput,
  Settings,
  SettingsUpdate,
  UndoToken,
  WorkspaceStatus,
} from '../schemas/workspace';
import { op, type Operation } from './define';

const None = z.object({}).strict().default({});
const Ok = z.object({ ok: z.literal(true) });

/** What a delete would take with it, shown before the user confirms. */
const DeleteImpact = z.object({
  label: z.string(),
  removes: z.array(z.object({ collection: z.enum(collectionNames as [CollectionName, ...CollectionName[]]), count: z.number().int() })),
  unlinks: z.array(z.object({ collection: z.enum(collectionNames as [CollectionName, ...CollectionName[]]), field: z.string(), count: z.number().int() })),
});
const Lookup = z.object({ text: z.string().max(200).default(''), limit: z.number().int().min(1).max(100).default(20), ids: z.array(Id).max(200).optional() });

const CaseRef = z.object({ id: Id, reference: z.string(), title: z.string(), status: CaseStatus });
const NoteRef = z.object({ id: Id, title: z.string(), kind: NoteKind, status: NoteStatus, updatedAt: z.string() });
const TripRef = z.object({ id: Id, title: z.string(), startDate: IsoDate, endDate: IsoDate });
/** A trip that refers to a record: as a member of the delegation, a link of the trip, or in agenda items. */
export const TripMention = TripRef.extend({
  memberRole: MemberRole.nullable(),
  linked: z.boolean(),
  items: z.array(z.object({ id: Id, title: z.string(), date: IsoDate })),
});
export type TripMention = z.infer<typeof TripMention>;
export const MentionedKind = z.enum(['contact', 'case', 'organisation', 'note']);
export type MentionedKind = z.infer<typeof MentionedKind>;
const ActivityView = ActivityRecord.extend({
  participants: z.array(z.object({ id: Id, name: z.string() })),
  caseTitle: z.string().nullable(),
});
const TaskView = TaskRecord.extend({ overdue: z.boolean(), caseTitle: z.string(), caseReference: z.string() });

const OrganisationRelated = z.object({
  current: z.array(z.object({ position: PositionRecord, contact: z.object({ id: Id, name: z.string(), nativeName: z.string() }), current: z.boolean() })),
  former: z.array(z.object({ position: PositionRecord, contact: z.object({ id: Id, name: z.string(), nativeName: z.string() }), current: z.boolean() })),
  cases: z.array(CaseRef.extend({ role: z.enum(['client', 'partner']) })),
  children: z.array(OrganisationRef),
  parent: OrganisationRef.nullable(),
});

const ContactRelated = z.object({
  positions: z.array(z.object({ position: PositionRecord, organisation: OrganisationRef.nullable(), current: z.boolean() })),
  activities: z.array(ActivityRecord.extend({ caseTitle: z.string().nullable() })),
  cases: z.array(CaseRef.extend({ role: z.enum(['clientContact', 'participant']) })),
  notes: z.array(NoteRef),
  lastContact: IsoDate.nullable(),
});

const CaseRelated = z.object({
  client: OrganisationRef.nullable(),
  clientContacts: z.array(ContactRef),
  partners: z.array(OrganisationRef),
  notes: z.array(NoteRef),
});

const CountryOverview = z.array(z.object({ code: z.string(), organisations: z.number(), contacts: z.number(), openCases: z.number(), notes: z.number() }));
const CountryDetail = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameDe: z.string(),
  regions: z.array(z.string()),
  organisations: z.array(OrganisationRef.extend({ people: z.number() })),
  contacts: z.number(),
  keyContacts: z.array(z.object({ id: Id, name: z.string(), role: z.string().nullable(), organisationName: z.string().nullable() })),
  cases: z.array(CaseRef.extend({ dueOn: IsoDate.nullable() })),
  notes: z.array(z.object({ id: Id, title: z.string(), kind: NoteKind, status: NoteStatus, excerpt: z.string() })),
  activitiesThisYear: z.array(z.object({ id: Id, kind: z.string(), date: IsoDate, title: z.string(), caseId: Id.nullable(), caseTitle: z.string().nullable() })),
  /** Delegation trips to the country, latest first. */
  trips: z.array(TripRef),
});

const TripRelated = z.object({
  members: z.array(z.object({ role: MemberRole, kind: z.enum(['contact', 'staff']), contact: ContactRef.nullable(), name: z.string() })),
  cases: z.array(CaseRef),
  notes: z.array(NoteRef),
  agenda: z.array(
    AgendaItemRecord.extend({
      warnings: z.array(AgendaWarning),
      organisation: OrganisationRef.nullable(),
      counterparts: z.array(ContactRef),
    }),
  ),
});

/** A long export runs as a job; the window polls its progress and stays responsive. */
const JobStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), progress: z.number().min(0).max(1) }),
  z.object({ state: z.literal('done'), progress: z.literal(1), result: ExportResult }),
  z.object({ state: z.literal('failed'), progress: z.number(), error: z.object({ code: z.string(), message: z.string() }) }),
]);

const Names = z.array(z.string());
/**
 * Values in use across the workspace, for suggestions in editors and the choices of list filters:
 * `owners` are all names that own a case, organisation, person or note; `listOwners` the names in
 * use in each list, for its Owner filter.
 */
const Vocabulary = z.object({
  topics: Names,
  owners: Names,
  clients: Names,
  fundingInstruments: Names,
  listOwners: z.object({ cases: Names, organisations: Names, contacts: Names, notes: Names }),
});

const SearchHit = z.object({
  kind: z.enum(['case', 'contact', 'organisation', 'note']),
  id: Id,
  label: z.string(),
  detail: z.string(),
  status: z.string().nullable(),
});

/**
 * Every operation of Attaché, once. The preload, the IPC registration, the web host's routes and the
 * renderer's client are all derived from this object; the backend must implement each entry.
 */
export const contract = {
  'workspace.status': op(None, WorkspaceStatus),
  'workspace.initialize': op(InitializeInput, WorkspaceStatus),
  'workspace.restoreBackup': op(RestoreBackupInput, WorkspaceStatus),
  'workspace.backupNow': op(None, WorkspaceStatus),

  'settings.get': op(None, Settings),
  'settings.update': op(SettingsUpdate, Settings),

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

  'tasks.list': op(
    z.object({ caseId: Id.optional(), assignee: z.string().max(120).optional(), openOnly: z.boolean().default(false), limit: z.number().int().min(1).max(5000).default(500) }),
    z.array(TaskView),
  ),
  'tasks.create': op(TaskCreateInput, TaskRecord),
  'tasks.update': op(TaskUpdateInput, TaskRecord),
  'tasks.delete': op(Revisioned, UndoToken),

  'activities.list': op(
    z.object({ caseId: Id.optional(), contactId: Id.optional(), limit: z.number().int().min(1).max(5000).default(500) }),
    z.array(ActivityView),
  ),
  'activities.create': op(ActivityCreateInput, ActivityRecord),
  'activities.update': op(ActivityUpdateInput, ActivityRecord),
  'activities.delete': op(Revisioned, UndoToken),

  'organisations.list': op(listQuery(OrganisationListFilter, organisationSortKeys, { sort: 'name', direction: 'asc' }), listResult(OrganisationListItem)),
  'organisations.get': op(ById, OrganisationRecord),
  'organisations.related': op(ById, OrganisationRelated),
  'organisations.lookup': op(Lookup, z.array(OrganisationRef)),
  'organisations.create': op(OrganisationCreateInput, OrganisationRecord),
  'organisations.update': op(OrganisationUpdateInput, OrganisationRecord),
  'organisations.deleteImpact': op(ById, DeleteImpact),
  'organisations.delete': op(Revisioned, UndoToken),

  'contacts.list': op(listQuery(ContactListFilter, contactSortKeys, { sort: 'name', direction: 'asc' }), listResult(ContactListItem)),
  'contacts.get': op(ById, ContactRecord),
  'contacts.related': op(ById, ContactRelated),
  'contacts.lookup': op(Lookup, z.array(ContactRef)),
  'contacts.create': op(
    z.object({ contact: ContactFieldsShape, positions: z.array(PositionFieldsShape.omit({ contactId: true })).max(20).default([]) }),
    ContactRecord,
  ),
  'contacts.update': op(ContactUpdateInput, ContactRecord),
  'contacts.deleteImpact': op(ById, DeleteImpact),
  'contacts.delete': op(Revisioned, UndoToken),

  'positions.create': op(PositionFieldsShape, PositionRecord),
  'positions.update': op(PositionUpdateInput, PositionRecord),
  'positions.succeed': op(SuccessionInput, z.object({ ended: PositionRecord, started: PositionRecord })),
  'positions.delete': op(Revisioned, UndoToken),

  'notes.list': op(listQuery(NoteListFilter, noteSortKeys, { sort: 'updatedAt', direction: 'desc' }), listResult(NoteListItem)),
  'notes.get': op(ById, NoteRecord),
  'notes.create': op(NoteFields, NoteRecord),
  'notes.update': op(NoteUpdateInput, NoteRecord),
  'notes.deleteImpact': op(ById, DeleteImpact),
  'notes.delete': op(Revisioned, UndoToken),
  'notes.revisions': op(
    ById,
    z.array(NoteRevisionRecord.omit({ body: true }).extend({ excerpt: z.string() })),
  ),
  'notes.revision': op(ById, NoteRevisionRecord),
  'notes.restoreRevision': op(z.object({ id: Id, revision: z.number().int().min(1), revisionId: Id }), NoteRecord),

  'views.list': op(z.object({ list: ViewList }), z.array(ViewRecord)),
  'views.create': op(ViewFields, ViewRecord),
  'views.update': op(ViewUpdateInput, ViewRecord),
  'views.delete': op(ById, Ok),

  'countries.overview': op(None, CountryOverview),
  'countries.detail': op(z.object({ code: CountryCode }), CountryDetail),
  'countries.map': op(z.object({ code: CountryCode }), CountryMap.nullable()),

  'trips.list': op(listQuery(TripListFilter, tripSortKeys, { sort: 'startDate', direction: 'desc' }), listResult(TripListItem)),
  'trips.get': op(ById, TripRecord),
  'trips.related': op(ById, TripRelated),
  'trips.create': op(TripFieldsShape, TripRecord),
  'trips.update': op(TripUpdateInput, TripRecord),
  'trips.deleteImpact': op(ById, DeleteImpact),
  'trips.delete': op(Revisioned, UndoToken),
  'trips.exportCalendar': op(ById, ExportResult),
  'trips.mentions': op(z.object({ kind: MentionedKind, id: Id }), z.array(TripMention)),

  'agenda.create': op(AgendaItemFieldsShape.omit({ debrief: true }), AgendaItemRecord),
  'agenda.update': op(AgendaItemUpdateInput, AgendaItemRecord),
  'agenda.deleteImpact': op(ById, DeleteImpact),
  'agenda.delete': op(Revisioned, UndoToken),
  'agenda.debrief': op(DebriefInput, AgendaItemRecord),

  'book.outline': op(BookRequest, BookOutline),
  'book.export': op(BookRequest, z.object({ jobId: Id })),
  'jobs.status': op(z.object({ jobId: Id }), JobStatus),

  'search.global': op(z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).default(6) }), z.array(SearchHit)),

  'undo.apply': op(UndoToken, z.object({ label: z.string() })),
} as const satisfies Record<string, Operation>;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const operationNames = Object.keys(contract) as OperationName[];

export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** What a caller passes (defaults may be omitted). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives after parsing. */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = z.output<Contract[N]['output']>;

type Namespace<N extends string> = N extends `${infer NS}.${string}` ? NS : never;
export type Namespaces = Namespace<OperationName>;

/** The API the renderer programs against: `api.cases.create(input)`. */
export type Api = {
  [NS in Namespaces]: {
    [N in OperationName as N extends `${NS}.${infer M}` ? M : never]: (input: InputOf<N>) => Promise<OutputOf<N>>;
  };
};

/** Splits "cases.create" into its namespace and method. */
export function splitName(name: OperationName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
