import { z } from 'zod';
import { ActivityRecord } from '../features/cases/activities';
import { CaseRecord, TaskRecord } from '../features/cases/schema';
import { Id, Timestamp } from './common';
import { ContactRecord, PositionRecord } from '../features/contacts/schema';
import { NoteRecord, NoteRevisionRecord } from '../features/notes/schema';
import { OrganisationRecord } from '../features/organisations/schema';
import { AgendaItemRecord, TripRecord } from '../features/trips/schema';
import { CooperationRecord } from '../features/cooperations/schema';
import { GroupRecord } from '../features/groups/schema';
import { ProgrammeRecord } from '../features/programmes/schema';
import { PriorityRecord } from '../features/priorities/schema';
import { ReminderRecord } from '../features/reminders/schema';
import { ViewRecord } from '../features/views/schema';
import { defaultSettings, Settings } from '../features/workspace/schema';
import { Collection } from './collection';

/** Bump with a migration in electron/backend/store/migrations.ts. */
export const SCHEMA_VERSION = 11;

/** The record collections, each an array of records with id/createdAt/updatedAt/revision. */
export const collectionSchemas = {
  organisations: OrganisationRecord,
  contacts: ContactRecord,
  positions: PositionRecord,
  cases: CaseRecord,
  tasks: TaskRecord,
  activities: ActivityRecord,
  notes: NoteRecord,
  views: ViewRecord,
  trips: TripRecord,
  agendaItems: AgendaItemRecord,
  cooperations: CooperationRecord,
  programmes: ProgrammeRecord,
  groups: GroupRecord,
  priorities: PriorityRecord,
  reminders: ReminderRecord,
} as const;
export type CollectionName = keyof typeof collectionSchemas;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];

/** How to undo a cascade's edit of a surviving record: put the reference back. */
export const Relink = z.object({
  collection: z.enum(collectionNames as [CollectionName, ...CollectionName[]]),
  id: Id,
  field: z.string(),
  /**
   * "add" puts `value` back into an id list; "set" restores a single reference that was cleared;
   * "restore" puts back a structured value (`previous`) that was cleared to null.
   */
  op: z.enum(['add', 'set', 'restore']),
  value: Id,
  previous: z.unknown().optional(),
});
export type Relink = z.infer<typeof Relink>;

const removedShape = Object.fromEntries(collectionNames.map((name) => [name, z.array(collectionSchemas[name]).optional()])) as {
  [K in CollectionName]: z.ZodOptional<z.ZodArray<(typeof collectionSchemas)[K]>>;
};

/** A record as it was before a merge changed it, and the revision the merge gave it. */
export const ReplacedRecord = z.discriminatedUnion(
  'collection',
  collectionNames.map((name) => z.object({ collection: z.literal(name), before: collectionSchemas[name], revision: z.number().int().min(1) })) as unknown as [
    z.ZodObject<{ collection: z.ZodLiteral<CollectionName>; before: z.ZodType<{ id: string; revision: number; updatedAt: string }>; revision: z.ZodNumber }>,
  ],
);
export type ReplacedRecord = z.infer<typeof ReplacedRecord>;

/**
 * What one delete took away (records, and the note revisions that went with them) and which
 * references it cleared elsewhere, so one undo puts everything back.
 */
export const TrashEntry = z.object({
  id: Id,
  deletedAt: Timestamp,
  label: z.string(),
  removed: z.object({ ...removedShape, noteRevisions: z.array(NoteRevisionRecord).optional() }),
  relinks: z.array(Relink).default([]),
  /**
   * An import's entry: the records it created (Undo removes them); `removed` then holds the
   * versions of the records it updated as they were before (Undo puts them back).
   */
  created: z
    .object({ organisations: z.array(Id).optional(), contacts: z.array(Id).optional(), positions: z.array(Id).optional(), cooperations: z.array(Id).optional() })
    .optional(),
  /**
   * Records a merge changed in place (the kept record, and every record whose reference moved to
   * it): each as it was, and the revision the merge gave it. Undo puts each back as it was, unless
   * it has changed since (then the undo is refused).
   */
  replaced: z.array(ReplacedRecord).optional(),
});
export type TrashEntry = z.infer<typeof TrashEntry>;

/**
 * Numbers the workspace has issued, so none is issued twice: per year, the highest generated case
 * reference ever given out (AC-2026-017 → 17), whether or not that case still exists.
 */
export const Counters = z.object({
  caseReferences: z.record(z.string().regex(/^\d{4}$/), z.number().int().nonnegative()),
});
export type Counters = z.infer<typeof Counters>;

/**
 * One erasure (GDPR Art. 17) in the register: which record was erased and when — never a name or
 * any other personal data. The register is kept in the database and mirrored in a sidecar file
 * (electron/backend/records/erasure-register.ts), and re-applied to any backup or archive opened
 * later, so an erased person never comes back.
 */
export const ErasureEntry = z.object({
  id: Id,
  collection: z.enum(collectionNames as [CollectionName, ...CollectionName[]]),
  erasedAt: Timestamp,
});
export type ErasureEntry = z.infer<typeof ErasureEntry>;

/** The database as its file holds it (every list a plain JSON array): what is validated on open and import. */
export const DatabaseFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  settings: Settings,
  counters: Counters,
  organisations: z.array(OrganisationRecord),
  contacts: z.array(ContactRecord),
  positions: z.array(PositionRecord),
  cases: z.array(CaseRecord),
  tasks: z.array(TaskRecord),
  activities: z.array(ActivityRecord),
  notes: z.array(NoteRecord),
  noteRevisions: z.array(NoteRevisionRecord),
  views: z.array(ViewRecord),
  trips: z.array(TripRecord),
  agendaItems: z.array(AgendaItemRecord),
  cooperations: z.array(CooperationRecord),
  programmes: z.array(ProgrammeRecord),
  groups: z.array(GroupRecord),
  priorities: z.array(PriorityRecord),
  reminders: z.array(ReminderRecord),
  trash: z.array(TrashEntry),
  erasures: z.array(ErasureEntry),
});
export type DatabaseFile = z.infer<typeof DatabaseFile>;

/** The lists the store keeps in chunks (shared/schemas/collection.ts): every record collection and the note revisions. */
export const chunkedNames = [...collectionNames, 'noteRevisions'] as const;
export type ChunkedName = (typeof chunkedNames)[number];

/**
 * The database as the store holds it in memory: the file's shape, with each record list a
 * Collection so a save copies one chunk instead of the whole list.
 */
export type Database = Omit<DatabaseFile, ChunkedName> & { [K in ChunkedName]: Collection<RecordOf<K>> };

/** One record of a chunked list ("a contact" for `contacts`). */
export type RecordOf<K extends ChunkedName> = DatabaseFile[K][number];

/** The in-memory form of a file's database (the lists become collections; nothing is copied but pointers). */
export function toDatabase(file: DatabaseFile | Database): Database {
  const out = { ...file } as Record<string, unknown>;
  for (const name of chunkedNames) {
    const value = out[name];
    out[name] = value instanceof Collection ? value : Collection.from(value as unknown[]);
  }
  return out as Database;
}

/** The file's form of an in-memory database (collections become arrays; records are shared, not copied). */
export function toDatabaseFile(db: Database | DatabaseFile): DatabaseFile {
  const out = { ...db } as Record<string, unknown>;
  for (const name of chunkedNames) {
    const value = out[name];
    if (value instanceof Collection) out[name] = value.toArray();
  }
  return out as DatabaseFile;
}

/** Validates a database in either form against the schema and returns it in memory's form. */
export const parseDatabase = (value: Database | DatabaseFile): Database => toDatabase(DatabaseFile.parse(toDatabaseFile(value)));

export const emptyDatabase = (): Database => toDatabase(emptyDatabaseFile());

export const emptyDatabaseFile = (): DatabaseFile => ({
  schemaVersion: SCHEMA_VERSION,
  settings: defaultSettings(),
  counters: { caseReferences: {} },
  organisations: [],
  contacts: [],
  positions: [],
  cases: [],
  tasks: [],
  activities: [],
  notes: [],
  noteRevisions: [],
  views: [],
  trips: [],
  agendaItems: [],
  cooperations: [],
  programmes: [],
  groups: [],
  priorities: [],
  reminders: [],
  trash: [],
  erasures: [],
});

