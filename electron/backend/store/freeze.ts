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
import { freeze } from 'immer';
import { Collection } from '../../../shared/schemas/collection';
import type { Database } from '../../../shared/schemas/database';
import { hasIds, type Change } from './journal';

const FREEZE_LISTS = process.env.NODE_ENV !== 'production';

/**
 * Freezes a whole database as loaded, restored or set up. In production the records of the
 * collections are frozen after the open, in slices between other work (`freezeLater`): deep-freezing
 * 600,000 records costs about a tenth of reading the file, and nothing waits for it — freezing
 * guards against our own code changing published data by accident (tests and development freeze
 * everything at once, so such a bug fails there), and an unfrozen record is only encoded again
 * rather than from the cache when the snapshot is written.
 */
export function freezeDatabase(db: Database): Database {
  if (!FREEZE_LISTS) {
    for (const value of Object.values(db)) if (!(value instanceof Collection)) freeze(value, true);
    freezeLater(db);
    return Object.freeze(db);
  }
  return freezeNow(db);
}

let pending: { db: Database; cancelled: boolean } | null = null;

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
    for (const record of chunk) freeze(record, true);
    setImmediate(step);
  };
  setImmediate(step);
}

function freezeNow(db: Database): Database {
  for (const value of Object.values(db)) {
    if (value instanceof Collection) {
      for (const chunk of value.chunks) {
        for (const record of chunk) freeze(record, true);
        if (FREEZE_LISTS) Object.freeze(chunk);
      }
      if (FREEZE_LISTS) Object.freeze(value.chunks);
      if (FREEZE_LISTS) Object.freeze(value);
    } else if (Array.isArray(value) && hasIds(value)) {
      for (const record of value) freeze(record, true);
      if (FREEZE_LISTS) Object.freeze(value);
    } else freeze(value, true);
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
    for (const record of put ?? []) freeze(record, true);
    const list = db[key];
    if (FREEZE_LISTS && list instanceof Collection) {
      // Only the chunks this save copied are unfrozen; the others are shared with the previous version.
      for (const chunk of list.chunks) if (!Object.isFrozen(chunk)) Object.freeze(chunk);
      Object.freeze(list.chunks);
    }
    if (FREEZE_LISTS) Object.freeze(list);
  }
  for (const value of Object.values(change?.s ?? {})) freeze(value, true);
  Object.freeze(next);
}
