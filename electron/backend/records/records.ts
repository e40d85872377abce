/** The primitives every write builds on: find a record, check its revision, bump it, check a link. */
import { AppError } from '../../../shared/errors';
import type { RecordMeta } from '../../../shared/schemas/common';
import type { Draft } from 'immer';
import type { Collection, Rows } from '../../../shared/schemas/collection';
import type { CollectionName, Database, RecordOf } from '../../../shared/schemas/database';
import { byId } from './indexes';

/** Finds a record or throws NOT_FOUND with a translatable message. */
export function findOrThrow<T extends RecordMeta>(list: Rows<T>, id: string, what: string): T {
  const found = list.find((r) => r.id === id);
  if (!found) {
    throw new AppError('NOT_FOUND', `No ${what} with id ${id}.`, { messageKey: { key: 'errors.notFound' } });
  }
  return found;
}

/** Optimistic concurrency: an edit based on an older revision is refused, never merged silently. */
export function assertRevision(record: RecordMeta, expected: number, what: string): void {
  if (record.revision !== expected) {
    throw new AppError(
      'CONFLICT',
      `The ${what} was changed elsewhere (revision ${record.revision}, your edit was based on ${expected}).`,
      { messageKey: { key: 'errors.conflict' } },
    );
  }
}

/** A new record: fresh id, revision 1, both stamps. */
export function newRecord<F extends object>(ctx: { newId: () => string }, fields: F, stamp: string): RecordMeta & F {
  return { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...fields };
}

/** The next revision of a record: `changes` applied, revision bumped, stamped. The one place a revision goes up. */
export function bumped<T extends { revision: number; updatedAt: string }>(record: T, changes: Partial<T>, stamp: string): T {
  return { ...record, ...changes, revision: record.revision + 1, updatedAt: stamp };
}

/** A link a form sets must point at a record that exists; reported as a field error. */
export function assertExists(db: Database, collection: 'contacts' | 'organisations', id: string, field: string): void {
  if (!byId(db[collection] as Rows<{ id: string }>).has(id)) {
    throw new AppError('VALIDATION', `No ${collection.slice(0, -1)} with id ${id}.`, { fields: { [field]: { key: 'validation.unknownRecord' } } });
  }
}

/**
 * Writes records into a store update the way the recipe does (a changed record in place at its
 * published index, a new one appended), for writers that plan outside the recipe (an import): the
 * one place besides recipe.ts that touches a collection's layout.
 */
export function putRecords<C extends CollectionName>(
  store: { locate(collection: string, id: string): number },
  draft: Draft<Database>,
  collection: C,
  changed: readonly RecordOf<C>[],
  added: readonly RecordOf<C>[],
): void {
  const rows = draft[collection] as unknown as Collection<RecordOf<C>>;
  for (const record of changed) {
    const index = store.locate(collection, record.id);
    if (index < 0) throw new AppError('NOT_FOUND', `No record ${record.id} in ${collection}.`, { messageKey: { key: 'errors.notFound' } });
    rows.set(index, record);
  }
  rows.push(...added);
}
