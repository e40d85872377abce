/**
 * What the store publishes is immutable: every record (and every value that is not a list of
 * records) is deep-frozen, so a reader cannot change published data by accident, and the snapshot
 * writer can cache each record's encoding by identity (json-adapter.ts).
 *
 * The lists themselves (collections, their chunks, and the plain lists) are frozen only outside
 * production. Freezing is not the cost; copying is: V8 copies a frozen array through its slow path,
 * and a save copies the chunk it edits. In tests and development the lists are frozen too, so a
 * stray `db.contacts.push` fails loudly there.
 */
import { Collection } from '../../../shared/schemas/collection';
import type { Database } from '../../../shared/schemas/database';
import { hasIds, type Change } from './journal';

const FREEZE_LISTS = process.env.NODE_ENV !== 'production';

/**
 * Deep-freezes JSON data (plain objects, arrays, primitives), stopping at what is frozen already.
 * Our own rather than immer's `freeze`: the store's data is only ever JSON, and immer's general walk
 * (drafts, maps, sets, symbol keys) took three and a half times as long over a 10× workspace.
 */
export function freeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object' && !Object.isFrozen(item)) freeze(item);
  } else {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object' && !Object.isFrozen(item)) freeze(item);
    }
  }
}

/**
 * Freezes a whole database as loaded, restored or set up. In production the records of the
 * collections are frozen after the open, in slices between other work (`freezeLater`): deep-freezing
 * 600,000 records costs about a tenth of reading the file, and nothing waits for it — freezing
 * guards against our own code changing published data by accident (tests and development freeze
 * everything at once, so such a bug fails there), and an unfrozen record is only encoded again
 * rather than from the cache when the snapshot is written.
 */
export function freezeDatabase(db: Database, later = !FREEZE_LISTS): Database {
  if (later) {
    for (const value of Object.values(db)) if (!(value instanceof Collection)) freeze(value);
    freezeLater(db);
    return Object.freeze(db);
  }
  return freezeNow(db);
}

let pending: { db: Database; cancelled: boolean } | null = null;

/** Stops the slices still freezing `db` (its store closed): nothing will read it again. */
export function stopFreezing(db: Database | null | undefined): void {
  if (pending && pending.db === db) {
    pending.cancelled = true;
    pending = null;
  }
}

/** Freezes the collections' records one chunk per turn of the event loop; a newer database cancels an older one's run. */
function freezeLater(db: Database): void {
  if (pending) pending.cancelled = true;
  const run = { db, cancelled: false };
  pending = run;
  const chunks = Object.values(db).flatMap((value) => (value instanceof Collection ? (value.chunks as object[][]) : []));
  let next = 0;
  const step = () => {
    if (run.cancelled) return;
    const chunk = chunks[next++];
    if (!chunk) {
      if (pending === run) pending = null;
      return;
    }
    for (const record of chunk) freeze(record);
    setImmediate(step);
  };
  setImmediate(step);
}

function freezeNow(db: Database): Database {
  for (const value of Object.values(db)) {
    if (value instanceof Collection) {
      for (const chunk of value.chunks) {
        for (const record of chunk) freeze(record);
        if (FREEZE_LISTS) Object.freeze(chunk);
      }
      if (FREEZE_LISTS) Object.freeze(value.chunks);
      if (FREEZE_LISTS) Object.freeze(value);
    } else if (Array.isArray(value) && hasIds(value)) {
      for (const record of value) freeze(record);
      if (FREEZE_LISTS) Object.freeze(value);
    } else freeze(value);
  }
  return Object.freeze(db);
}

/**
 * Freezes what one save changed (`change` is its journal entry: the records put, the values set);
 * everything else in `next` is shared with the previous, already frozen database.
 */
export function freezeChange(next: Database, change: Change | null): void {
  const db = next as unknown as Record<string, unknown>;
  for (const [key, { put }] of Object.entries(change?.c ?? {})) {
    for (const record of put ?? []) freeze(record);
    const list = db[key];
    if (FREEZE_LISTS && list instanceof Collection) {
      // Only the chunks this save copied are unfrozen; the others are shared with the previous version.
      for (const chunk of list.chunks) if (!Object.isFrozen(chunk)) Object.freeze(chunk);
      Object.freeze(list.chunks);
    }
    if (FREEZE_LISTS) Object.freeze(list);
  }
  for (const value of Object.values(change?.s ?? {})) freeze(value);
  Object.freeze(next);
}
