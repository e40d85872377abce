/** The contacts slice of the contract: people, and their positions over time (hand-over included). */
import { z } from 'zod';
import { DeleteImpact, Lookup } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById, IsoDate, Revisioned, Timestamp } from '../../schemas/common';
import { listQuery, listResult } from '../../schemas/list';
import { ActivityRecord } from '../cases/activities';
import { CaseRef } from '../cases/contract';
import { NoteRef } from '../notes/contract';
import { OrganisationRef } from '../organisations/schema';
import { UndoToken } from '../workspace/schema';
import { MergePair, mergeInput, mergePreview, mergeResult } from '../../schemas/merge';
import { contactMergeFieldNames } from './merge';
import {
  ContactFieldsShape,
  ContactListFilter,
  ContactListItem,
  ContactRecord,
  ContactRef,
  ContactUpdateInput,
  HandOverInput,
  PositionFieldsShape,
  PositionRecord,
  PositionUpdateInput,
  contactSortKeys,
} from './schema';

/** A new person with the positions they hold, saved in one write. */
export const ContactCreateInput = z.object({ contact: ContactFieldsShape, positions: z.array(PositionFieldsShape.omit({ contactId: true })).max(20).default([]) });

/** One of a person's positions with its organisation. */
export const ContactPosition = z.object({ position: PositionRecord, organisation: OrganisationRef.nullable(), current: z.boolean() });
export type ContactPosition = z.infer<typeof ContactPosition>;

/** The person screen's links: positions over time, timeline, cases and notes. */
export const ContactRelated = z.object({
  positions: z.array(ContactPosition),
  activities: z.array(ActivityRecord.extend({ caseTitle: z.string().nullable() })),
  cases: z.array(CaseRef.extend({ role: z.enum(['clientContact', 'participant']) })),
  notes: z.array(NoteRef),
  lastContact: IsoDate.nullable(),
});
export type ContactRelated = z.infer<typeof ContactRelated>;

/** A hand-over ends one position and starts the successor's: both records come back. */
export const HandOverResult = z.object({ ended: PositionRecord, started: PositionRecord });

/**
 * What erasing a person (GDPR Art. 17) would do: as a delete's impact (what goes besides them, which
 * references elsewhere are cleared — here also those a delete would refuse), plus the trash entries
 * that hold them or mention them and how many records leave the trash.
 */
export const EraseImpact = DeleteImpact.extend({ trash: z.object({ entries: z.number().int(), records: z.number().int() }) });
export type EraseImpact = z.infer<typeof EraseImpact>;

/**
 * What an erasure did. It cannot be undone, so there is no undo token; the register keeps only the
 * record id and the date. `registerMovedAside` names the file a damaged register was moved to.
 */
export const EraseSummary = EraseImpact.omit({ label: true }).extend({ erasedAt: Timestamp, registerMovedAside: z.string().nullable() });
export type EraseSummary = z.infer<typeof EraseSummary>;

/** Two people merged into one: a choice per field; every reference moves to the kept person. */
export const ContactMergeInput = mergeInput(contactMergeFieldNames);
export const ContactMergePreview = mergePreview(ContactRecord, contactMergeFieldNames);
export type ContactMergePreview = z.infer<typeof ContactMergePreview>;

export const contactsContract = {
  'contacts.list': op(listQuery(ContactListFilter, contactSortKeys, { sort: 'name', direction: 'asc' }), listResult(ContactListItem)),
  'contacts.get': op(ById, ContactRecord),
  'contacts.related': op(ById, ContactRelated),
  'contacts.lookup': op(Lookup, z.array(ContactRef)),
  'contacts.create': op(ContactCreateInput, ContactRecord),
  'contacts.update': op(ContactUpdateInput, ContactRecord),
  'contacts.deleteImpact': op(ById, DeleteImpact),
  'contacts.delete': op(Revisioned, UndoToken),
  'contacts.eraseImpact': op(ById, EraseImpact),
  'contacts.erase': op(Revisioned, EraseSummary),
  'contacts.mergePreview': op(MergePair, ContactMergePreview),
  'contacts.merge': op(ContactMergeInput, mergeResult(ContactRecord)),

  'positions.create': op(PositionFieldsShape, PositionRecord),
  'positions.update': op(PositionUpdateInput, PositionRecord),
  'positions.handOver': op(HandOverInput, HandOverResult),
  'positions.delete': op(Revisioned, UndoToken),
} as const satisfies Record<string, Operation>;
