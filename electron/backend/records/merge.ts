/**
 * Merging two records of one collection (two people, two organisations), by the reference table:
 * every reference to the other record — in any collection the table names, nested ones included —
 * moves to the kept record, the kept record takes the merged fields, and the other record goes to
 * the trash. One trash entry remembers the other record and every changed record as it was, so one
 * Undo (records/trash.ts) puts back exactly the database before the merge.
 */
import type { Collection } from '../../../shared/schemas/collection';
import type { Draft } from 'immer';
import { AppError } from '../../../shared/errors';
import type { MergeMoves } from '../../../shared/schemas/merge';
import type { CollectionName, Database, ReplacedRecord } from '../../../shared/schemas/database';
import type { ServiceContext } from './context';
import { bumped } from './records';
import { list, references, type AnyRecord, type Reference, type Table } from './references';
import { addToTrash, nextTables } from './trash';

/** The references a merge of `collection` moves: every one that points at it. */
export const referencesTo = (collection: CollectionName): Reference[] => references.filter((r) => r.to === collection);

/** The value of a reference field with `from` replaced by `to` (lists keep each id once), or undefined when it does not point at `from`. */
function moved(ref: Reference, value: unknown, from: string, to: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (ref.nested) {
    if (!ref.nested.touches(value, new Set([from]))) return undefined;
    if (!ref.nested.move) throw new Error(`The reference ${ref.from}.${ref.field} → ${ref.to} has no merge rule (nested.move).`);
    return ref.nested.move(value, from, to);
  }
  if (ref.many) {
    const ids = value as string[];
    if (!ids.includes(from)) return undefined;
    return [...new Set(ids.map((v) => (v === from ? to : v)))];
  }
  return value === from ? to : undefined;
}

export interface MergePlan {
  /** Records (other than the kept one) whose references move, with their new field values. */
  edits: Map<Table, Map<string, { current: AnyRecord; changes: Record<string, unknown> }>>;
  /** What the dialog shows: how many records per collection and field point at the other record. */
  moves: MergeMoves;
}

/** Which references to `otherId` move to `keepId`; reads only. */
export function planMerge(db: Database, collection: CollectionName, keepId: string, otherId: string): MergePlan {
  const edits: MergePlan['edits'] = new Map();
  const moves: MergeMoves = [];
  for (const ref of referencesTo(collection)) {
    let count = 0;
    for (const r of list(db, ref.from)) {
      if (r.id === otherId && ref.from === collection) continue; // the other record goes; its own links do not move
      const next = moved(ref, r[ref.field], otherId, keepId);
      if (next === undefined) continue;
      count++;
      let table = edits.get(ref.from);
      if (!table) edits.set(ref.from, (table = new Map()));
      const edit = table.get(r.id) ?? { current: r, changes: {} };
      // A record can point at the other record through two fields (a case's client and partner).
      edit.changes[ref.field] = next;
      table.set(r.id, edit);
    }
    if (count) moves.push({ collection: ref.from as CollectionName, field: ref.field, count });
  }
  return { edits, moves };
}

/**
 * Applies a merge inside a store update: the kept record becomes `merged` (its fields, revision
 * bumped), every reference moves, the other record goes to the trash, and one trash entry keeps
 * what Undo needs. Returns the kept record as stored and the undo token.
 */
export function applyMerge(
  ctx: ServiceContext,
  draft: Draft<Database>,
  collection: CollectionName,
  keep: AnyRecord,
  other: AnyRecord,
  mergedFields: Record<string, unknown>,
  label: string,
): { record: AnyRecord; undoId: string } {
  const db = ctx.store.db;
  const stamp = ctx.now().toISOString();
  const plan = planMerge(db, collection, keep.id, other.id);
  const replaced: ReplacedRecord[] = [];
  const edited = new Map<Table, Map<string, AnyRecord>>();
  const put = (table: Table, current: AnyRecord, changes: Record<string, unknown>) => {
    const next = bumped(current, changes, stamp);
    let map = edited.get(table);
    if (!map) edited.set(table, (map = new Map()));
    map.set(current.id, next);
    replaced.push({ collection: table as CollectionName, before: current, revision: next.revision } as ReplacedRecord);
    return next;
  };
  // The kept record: merged fields, plus its own references to the other record moved (an
  // organisation whose parent was the other one would point at itself: it loses the parent).
  const ownMoves = plan.edits.get(collection)?.get(keep.id)?.changes ?? {};
  plan.edits.get(collection)?.delete(keep.id);
  const keptChanges: Record<string, unknown> = { ...mergedFields };
  for (const [field, value] of Object.entries(ownMoves)) if (!(field in mergedFields)) keptChanges[field] = value;
  if (keptChanges.parentId === keep.id || keptChanges.parentId === other.id) keptChanges.parentId = null;
  const record = put(collection, keep, keptChanges);
  for (const [table, rows] of plan.edits) for (const { current, changes } of rows.values()) put(table, current, changes);
  for (const [name, rows] of nextTables(db, new Map([[collection, new Set([other.id])]]), edited)) (draft as unknown as Record<Table, Collection<AnyRecord>>)[name] = rows;
  const undoId = ctx.newId();
  addToTrash(draft, { id: undoId, deletedAt: stamp, label, removed: { [collection]: [other] }, relinks: [], replaced });
  return { record, undoId };
}

/** Refuses merging a record with itself. */
export function assertTwo(keepId: string, otherId: string): void {
  if (keepId === otherId) {
    throw new AppError('VALIDATION', 'A record cannot be merged with itself.', { messageKey: { key: 'errors.mergeSame' } });
  }
}
