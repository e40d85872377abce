/**
 * Exports (data out): which lists can leave the app and with which columns, the formats, and the
 * subject-access export's JSON (GDPR Art. 15). The column ids are the list screens' own column ids,
 * so "export as shown" is the screen's choice of columns sent as it is.
 */
import { z } from 'zod';
import { ReminderRecord } from '../reminders/schema';
import { Id, IsoDate, Timestamp } from '../../schemas/common';
import { ActivityRecord } from '../cases/activities';
import { CaseRecord } from '../cases/schema';
import { ContactRecord, PositionRecord } from '../contacts/schema';
import { CooperationRecord } from '../cooperations/schema';
import { NoteRecord } from '../notes/schema';
import { OrganisationRef } from '../organisations/schema';
import { AgendaItemRecord, TripRecord } from '../trips/schema';

export const exportFormats = ['csv', 'xlsx', 'pdf'] as const;
export const ExportFormat = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Every list screen's exportable columns, by the ids the screen gives them (trips: what its cells show). */
export const exportColumns = {
  cases: ['reference', 'title', 'client', 'status', 'priority', 'countries', 'programme', 'classification', 'owner', 'dueOn', 'tasks', 'updatedAt'],
  organisations: ['name', 'kind', 'country', 'city', 'parent', 'topics', 'owner', 'people', 'cases', 'updatedAt'],
  contacts: ['name', 'role', 'organisation', 'country', 'email', 'phone', 'expertise', 'languages', 'owner', 'lastContact', 'updatedAt'],
  notes: ['title', 'kind', 'status', 'countries', 'regions', 'topics', 'owner', 'classification', 'updatedAt'],
  trips: ['title', 'destinations', 'startDate', 'endDate', 'phase', 'classification', 'head', 'meetings'],
} as const;
export type ExportList = keyof typeof exportColumns;
export const exportLists = Object.keys(exportColumns) as ExportList[];
export type ExportColumn<L extends ExportList> = (typeof exportColumns)[L][number];

/** A PDF report of more rows than this is refused with a message pointing to CSV or Excel (a 1,000-page table helps no one). */
export const MAX_PDF_ROWS = 5000;

/** How many people one vCard export may name by id (more: export the filtered list). */
export const MAX_VCARD_IDS = 5000;

/** Another person named in a record about the subject: counted, never named (Art. 15(4)). */
const Others = z.number().int().min(0);

/**
 * The subject-access export's JSON: every record that names the person, as stored, with the
 * references to other people taken out (only how many there were is kept), and why each is included.
 */
export const SubjectAccessReason = z.enum(['subject', 'position', 'clientContact', 'participant', 'linkedNote', 'counterpart', 'delegationMember', 'namedInText', 'tripOfAgendaItem', 'cooperationContact']);
export type SubjectAccessReason = z.infer<typeof SubjectAccessReason>;

const Included = <T extends z.ZodType>(record: T) => z.object({ reasons: z.array(SubjectAccessReason).min(1), otherPeople: Others, record });

export const SubjectAccessExport = z.object({
  format: z.literal('attache.subject-access'),
  version: z.literal(1),
  generatedAt: Timestamp,
  language: z.enum(['en', 'de']),
  subject: z.object({ id: Id, name: z.string() }),
  person: ContactRecord,
  positions: z.array(z.object({ record: PositionRecord, organisation: OrganisationRef.nullable() })),
  activities: z.array(Included(ActivityRecord)),
  cases: z.array(Included(CaseRecord)),
  notes: z.array(Included(NoteRecord)),
  trips: z.array(Included(TripRecord)),
  agendaItems: z.array(Included(AgendaItemRecord)),
  /** Cooperations that name the person as a contact on either side (absent in exports made before there were cooperations). */
  cooperations: z.array(Included(CooperationRecord)).default([]),
  /** Follow-up reminders on the person (absent in exports made before there were reminders). */
  reminders: z.array(ReminderRecord).default([]),
  /** Deleted records still in the trash that hold or name the person (erasure removes them too). */
  trash: z.object({ entries: z.number().int().min(0) }),
  lastContact: IsoDate.nullable(),
});
export type SubjectAccessExport = z.infer<typeof SubjectAccessExport>;
