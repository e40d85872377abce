/**
 * What the store publishes is immutable: every record (and every value that is not a list of
 * records) is deep-frozen, so a reader cannot change published data by accident, and the snapshot
 * writer can cache each record's encoding by identity (json-adapter.ts).
 *
 * The lists themselves are frozen only outside production. Freezing is not the cost; copying is:
 * V8 copies a frozen array through its slow path, and a save that edits one of 50,000 contacts
 * copies that list once. In tests and development the lists are frozen too, so a stray
 * `db.contacts.push` or `.sort()` fails loudly there.
 */
import { freeze } from 'immer';
import type { Database } from '../../../shared/schemas/database';
import { hasIds, type Change } from './journal';

const FREEZE_LISTS = process.env.NODE_ENV !== 'production';

/** Freezes a whole database as loaded, restored or set up. */
export function freezeDatabase(db: Database): Database {
  for (const value of Object.values(db)) {
    if (Array.isArray(value) && hasIds(value)) {
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
    if (FREEZE_LISTS) Object.freeze(db[key]);
  }
  for (const value of Object.values(change?.s ?? {})) freeze(value, true);
  Object.freeze(next);
}
