/**
 * The one recipe every collection writes by: insert (fresh id, revision 1, stamps), patch (find,
 * check the revision, merge the changes into the stored fields, parse, bump), remove (through the
 * delete planner, returning the undo token) and the impact a delete would have. What differs per
 * collection — link checks, derived fields, side writes — comes in as hooks; unique fields are
 * checked from `uniqueKeys`.
 *
 * Checks run inside the store's write queue against the published data (`store.db`, never the
 * immer draft, whose element reads would each allocate a proxy); the draft is only written to.
 */
import type { Draft } from 'immer';
import type { z } from 'zod';
import type { DeleteImpact } from '../../../shared/contract/common';
import { AppError } from '../../../shared/errors';
import type { RecordMeta } from '../../../shared/schemas/common';
import type { Collection as Chunked } from '../../../shared/schemas/collection';
import type { CollectionName, Database, RecordOf } from '../../../shared/schemas/database';
import { parseOrThrow } from '../../../shared/validation';
import type { ServiceContext } from './context';
import { assertRevision, bumped, newRecord } from './records';
import { assertUnique, describePlan, planDelete, uniqueKeys } from './references';
import { applyDelete } from './trash';

export type Row<C extends CollectionName> = RecordOf<C>;

export interface RecipeSpec<C extends CollectionName, S extends z.ZodType> {
  collection: C;
  /** The record's name in messages ("agenda item"). */
  what: string;
  /** Its name in validation errors ("Agenda item"). */
  title: string;
  /** The editable fields: a create input and every merged edit are parsed with it. */
  fields: S;
  /** How the trash and the delete dialog name a record. */
  label: (record: Row<C>) => string;
  /** Checks of the parsed fields against the published data (links exist, no cycle); `current` is undefined on insert. */
  check?: (fields: z.output<S>, current: Row<C> | undefined) => void;
  /** Fields derived from the edit (a status history, the day a task was done). */
  derive?: (record: Row<C>, current: Row<C> | undefined) => Row<C>;
}

export interface Patch {
  id: string;
  revision: number;
  changes: object;
}

export function collection<C extends CollectionName, S extends z.ZodType>(ctx: ServiceContext, spec: RecipeSpec<C, S>) {
  const { store } = ctx;
  const { collection, what } = spec;
  const rows = (db: Database) => db[collection] as unknown as Chunked<Row<C>>;
  const draftRows = (draft: Draft<Database>) => draft[collection] as unknown as Chunked<Row<C>>;

  function parse(value: unknown, current: Row<C> | undefined): z.output<S> {
    const fields = parseOrThrow(spec.fields, value, spec.title) as z.output<S>;
    for (const key of uniqueKeys) {
      if (key.collection !== collection) continue;
      const v = (fields as Record<string, unknown>)[key.field];
      if (current && v === (current as Record<string, unknown>)[key.field]) continue;
      assertUnique(store.db, collection, [{ id: current?.id ?? '', [key.field]: v }], (taken) => {
        throw new AppError('VALIDATION', `The ${key.field} ${taken} is already used by another ${what}.`, {
          messageKey: { key: 'errors.validation' },
          fields: { [key.field]: { key: key.takenKey } },
        });
      });
    }
    spec.check?.(fields, current);
    return fields;
  }

  function locateOrThrow(id: string): number {
    const index = store.locate(collection, id);
    if (index < 0) throw new AppError('NOT_FOUND', `No ${what} with id ${id}.`, { messageKey: { key: 'errors.notFound' } });
    return index;
  }

  /** The record with `revision`, or NOT_FOUND / CONFLICT; and where it is in the published list. */
  function current(id: string, revision: number): { record: Row<C>; index: number } {
    const index = locateOrThrow(id);
    const record = rows(store.db).at(index)!;
    assertRevision(record as RecordMeta, revision, what);
    return { record, index };
  }

  /** Adds a record inside a store update (`draft`); returns it. */
  function insert(draft: Draft<Database>, input: object): Row<C> {
    const fields = parse(input, undefined);
    const made = newRecord(ctx, fields as object, ctx.now().toISOString()) as unknown as Row<C>;
    const record = spec.derive ? spec.derive(made, undefined) : made;
    draftRows(draft).push(record);
    return record;
  }

  /** Applies an edit inside a store update: revision checked, changes merged into the stored fields and parsed, revision bumped. */
  function patch(draft: Draft<Database>, { id, revision, changes }: Patch): Row<C> {
    const { record: was, index } = current(id, revision);
    const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...stored } = was as RecordMeta;
    const fields = parse({ ...stored, ...changes }, was);
    const merged = bumped(was as Row<C> & RecordMeta, fields as Partial<Row<C> & RecordMeta>, ctx.now().toISOString()) as Row<C>;
    const record = spec.derive ? spec.derive(merged, was) : merged;
    draftRows(draft).set(index, record);
    return record;
  }

  return {
    get: (id: string): Row<C> => rows(store.db).at(locateOrThrow(id))!,
    current,
    insert,
    patch,

    /** Deletes the record and what the reference table takes with it; the token undoes it all. */
    remove: ({ id, revision }: { id: string; revision: number }): Promise<{ undoId: string }> =>
      store.update((draft) => {
        const { record } = current(id, revision);
        return { undoId: applyDelete(ctx, draft, planDelete(store.db, collection, id), spec.label(record)) };
      }),

    deleteImpact: (id: string): DeleteImpact => {
      const record = rows(store.db).at(locateOrThrow(id))!;
      return describePlan(planDelete(store.db, collection, id), spec.label(record), collection);
    },
  };
}

export type Collection<C extends CollectionName> = ReturnType<typeof collection<C, z.ZodType>>;
