/**
 * Team workspaces: the link of a workspace to a CouchDB team database, what it shares, and the
 * shapes of the sync status, the conflicts and a record's team history. The documents that travel
 * to and from the server are defined here too (`TeamDocument`), because they are untrusted input:
 * the backend parses every one with these schemas before anything of it reaches the store.
 */
import { z } from 'zod';
import { Id, Timestamp } from '../../schemas/common';
import { DatabaseName, PasswordKeep, ShareKind, ShareList, TeamUrl, TeamUser } from './link';
import { collectionNames, SCHEMA_VERSION, type CollectionName } from '../../schemas/database';

export const shareCollections: Record<ShareKind, readonly CollectionName[]> = {
  contacts: ['organisations', 'contacts', 'positions', 'groups'],
  cases: ['cases', 'tasks', 'activities'],
  notes: ['notes'],
  trips: ['trips', 'agendaItems'],
  cooperations: ['cooperations', 'programmes'],
  strategy: ['priorities'],
};

/** The collections that never leave the machine, whatever is shared. */
export const localOnlyCollections: readonly CollectionName[] = ['views', 'reminders'];

export const TeamConnectInput = z.object({
  url: TeamUrl,
  database: DatabaseName,
  user: TeamUser,
  password: z.string().min(1, { message: 'validation.required' }).max(512, { message: 'validation.tooBig|max=512' }),
  share: ShareList,
});
export type TeamConnectInput = z.input<typeof TeamConnectInput>;

export const TeamTestResult = z.object({
  ok: z.boolean(),
  /** Translation key of what went wrong (team.problems.*). */
  problem: z.string().max(80).nullable(),
  /** Documents in the team database, when it could be read. */
  documents: z.number().int().nonnegative().nullable(),
});
export type TeamTestResult = z.infer<typeof TeamTestResult>;

export const syncStates = ['off', 'connecting', 'synced', 'syncing', 'offline', 'error', 'needsPassword'] as const;
export const SyncState = z.enum(syncStates);
export type SyncState = z.infer<typeof SyncState>;

export const TeamStatus = z.object({
  state: SyncState,
  url: z.string().max(2000).nullable(),
  database: z.string().max(128).nullable(),
  user: z.string().max(120).nullable(),
  share: z.array(ShareKind),
  passwordKept: PasswordKeep.nullable(),
  /** Local changes not yet on the server. */
  pending: z.number().int().nonnegative(),
  /** Documents moved in the current run (first sync: of `total`, when the server says). */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() }).nullable(),
  lastSyncedAt: Timestamp.nullable(),
  offlineSince: Timestamp.nullable(),
  /** Translation key of the last error (team.problems.*) and its detail in English. */
  error: z.object({ key: z.string().max(80), detail: z.string().max(500) }).nullable(),
  conflicts: z.number().int().nonnegative(),
  /** Documents from the server kept aside (unknown type, newer schema, invalid, or waiting for a record they name). */
  held: z.number().int().nonnegative(),
  /** Grows each time the team's changes reach the store: the screens refresh when it moves. */
  applied: z.number().int().nonnegative(),
});
export type TeamStatus = z.infer<typeof TeamStatus>;

export const TeamCollection = z.enum(collectionNames as [CollectionName, ...CollectionName[]]);
export const TeamRecordRef = z.object({ collection: TeamCollection, id: Id });
export type TeamRecordRef = z.infer<typeof TeamRecordRef>;

/** Who made a version and when (the team database's user, the device's clock). */
export const ChangeStamp = z.object({ user: z.string().max(120), at: Timestamp });
export type ChangeStamp = z.infer<typeof ChangeStamp>;

export const ConflictSummary = z.object({
  collection: TeamCollection,
  id: Id,
  label: z.string().max(500),
  /** Fields that differ between the versions. */
  fields: z.array(z.string().max(80)).max(200),
  versions: z.array(ChangeStamp.extend({ rev: z.string().max(200) })).min(2).max(20),
});
export type ConflictSummary = z.infer<typeof ConflictSummary>;

/** One conflicted record: its versions side by side, field by field. */
export const ConflictDetail = ConflictSummary.extend({
  /** Per field that differs: the value in each version (same order as `versions`). */
  values: z.record(z.string().max(80), z.array(z.unknown()).max(20)),
});
export type ConflictDetail = z.infer<typeof ConflictDetail>;

export const ResolveInput = TeamRecordRef.extend({
  /** The versions the user saw (a newer version arriving meanwhile makes the resolve a CONFLICT). */
  revs: z.array(z.string().max(200)).min(2).max(20),
  /** Per differing field, the index of the version whose value is kept. */
  choices: z.record(z.string().max(80), z.number().int().min(0).max(19)),
});
export type ResolveInput = z.infer<typeof ResolveInput>;

export const RecordTeamInfo = z.object({
  /** Who last changed the record in the team database (null: never synced, or kept on this machine). */
  last: ChangeStamp.nullable(),
  /** The record is kept on this machine only (confidential, or its kind is not shared). */
  localOnly: z.boolean(),
  conflict: z.boolean(),
  /** The team's changes, latest first, as far as the server still holds them. */
  history: z.array(ChangeStamp.extend({ rev: z.string().max(200), deleted: z.boolean() })).max(100),
});
export type RecordTeamInfo = z.infer<typeof RecordTeamInfo>;

export const HeldDocument = z.object({
  docId: z.string().max(300),
  /** team.held.* key: unknownType, newerSchema, invalid, missingReference. */
  reason: z.string().max(80),
  detail: z.string().max(500),
});
export type HeldDocument = z.infer<typeof HeldDocument>;

// ---------------------------------------------------------------------------------------------
// The documents in the team database.

/**
 * The version of the documents this build writes: the workspace's schema version, so a record
 * written by a newer Attaché (fields this one does not know) is kept aside, never applied half or
 * sent back without what it did not understand. Older documents are read with today's schema
 * (its defaults fill what they lack), as a migration would.
 */
export const TEAM_DOC_VERSION = SCHEMA_VERSION;

export const MAX_DOC_BYTES = 1_000_000;

/** Every document: its kind, the version of its shape, who wrote it. `_id` is `<collection>:<id>`. */
export const TeamDocumentHead = z.object({
  _id: z.string().min(1).max(300),
  _rev: z.string().max(200).optional(),
  _deleted: z.boolean().optional(),
  type: z.string().max(40),
  v: z.number().int().min(1),
  by: ChangeStamp.extend({ device: Id }).optional(),
});

export const docIdOf = (collection: CollectionName, id: string) => `${collection}:${id}`;
export const erasureDocId = (collection: CollectionName, id: string) => `erasure:${collection}:${id}`;

export function parseDocId(docId: string): { collection: CollectionName; id: string } | null {
  const at = docId.indexOf(':');
  if (at < 0) return null;
  const collection = docId.slice(0, at) as CollectionName;
  const id = docId.slice(at + 1);
  if (!(collectionNames as string[]).includes(collection) || !Id.safeParse(id).success) return null;
  return { collection, id };
}
