/** The trips slice of the contract: delegation trips, their agenda (debriefs included) and the briefing book. */
import { z } from 'zod';
import { DeleteImpact } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById, Id, IsoDate, Revisioned } from '../../schemas/common';
import { ExportResult } from '../../schemas/export';
import { listQuery, listResult } from '../../schemas/list';
import { CaseRef } from '../cases/contract';
import { ContactRef } from '../contacts/schema';
import { NoteRef } from '../notes/contract';
import { OrganisationRef } from '../organisations/schema';
import { UndoToken } from '../workspace/schema';
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
} from './schema';

/** A trip as other records' screens list it. */
export const TripRef = z.object({ id: Id, title: z.string(), startDate: IsoDate, endDate: IsoDate });
export type TripRef = z.infer<typeof TripRef>;

/** A trip that refers to a record: as a member of the delegation, a link of the trip, or in agenda items. */
export const TripMention = TripRef.extend({
  memberRole: MemberRole.nullable(),
  linked: z.boolean(),
  items: z.array(z.object({ id: Id, title: z.string(), date: IsoDate })),
});
export type TripMention = z.infer<typeof TripMention>;
export const MentionedKind = z.enum(['contact', 'case', 'organisation', 'note']);
export type MentionedKind = z.infer<typeof MentionedKind>;

/** A delegation member with the person they are (or a staff name). */
export const TripMember = z.object({ role: MemberRole, kind: z.enum(['contact', 'staff']), contact: ContactRef.nullable(), name: z.string() });
export type TripMember = z.infer<typeof TripMember>;

/** An agenda item as the trip screen shows it: its checks, its organisation and counterparts. */
export const AgendaItemView = AgendaItemRecord.extend({
  warnings: z.array(AgendaWarning),
  organisation: OrganisationRef.nullable(),
  counterparts: z.array(ContactRef),
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

/** The trip screen's links: members, cases, notes and the agenda. */
export const TripRelated = z.object({
  members: z.array(TripMember),
  cases: z.array(CaseRef),
  notes: z.array(NoteRef),
  agenda: z.array(AgendaItemView),
});
export type TripRelated = z.infer<typeof TripRelated>;

export const tripsContract = {
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
} as const satisfies Record<string, Operation>;
