/**
 * Trash and undo, one module: a delete (planned by references.ts) removes its records, clears the
 * references to them and files one trash entry; Undo puts the records and the references back.
 * A merge (records/merge.ts) files its entry here too, with the records it changed as they were.
 * It imports the reference table and nothing imports it back, so there is no cycle.
 */
import type { Collection, Rows } from '../../../shared/schemas/collection';
import type { Draft } from 'immer';
import { AppError } from '../../../shared/errors';
import type { CollectionName, Database, Relink, TrashEntry } from '../../../shared/schemas/database';
import type { ServiceContext } from './context';
import { byId } from './indexes';
import { bumped } from './records';
import { assertUnique, list, planRemoval, references, tables, type AnyRecord, type DeletePlan, type Table } from './references';

/** How many deletions can be undone; older entries are dropped. */
const KEEP = 50;

export function addToTrash(db: Draft<Database>, entry: TrashEntry): void {
  db.trash.push(entry);
  if (db.trash.length > KEEP) db.trash.splice(0, db.trash.length - KEEP);
}

/**
 * The records a set of relinks touches, with each change applied by `edit`; `rows` says where the
 * records are (the live tables unless an erasure also edits copies kept in the trash).
 */
export function editRecords(
  db: Database,
  relinks: readonly Relink[],
  stamp: string,
  edit: (next: AnyRecord, current: AnyRecord, link: Relink) => void,
  rows: (table: CollectionName) => Rows<AnyRecord> = (t) => list(db, t),
) {
  const out = new Map<CollectionName, Map<string, AnyRecord>>();
  for (const l of relinks) {
    let changed = out.get(l.collection);
    if (!changed) out.set(l.collection, (changed = new Map()));
    let next = changed.get(l.id);
    const current = byId(rows(l.collection)).get(l.id);
    if (!current) continue; // the record that lost the reference is gone itself since
    if (!next) changed.set(l.id, (next = bumped(current, {}, stamp)));
    edit(next, current, l);
  }
  return out;
}

/** New table arrays: records removed, edited ones replaced, others shared as they were. */
export function nextTables(db: Database, removedIds: ReadonlyMap<Table, ReadonlySet<string>>, edited: ReadonlyMap<Table, ReadonlyMap<string, AnyRecord>>, added: ReadonlyMap<Table, AnyRecord[]> = new Map()) {
  const out = new Map<Table, Collection<AnyRecord>>();
  for (const name of new Set<Table>([...removedIds.keys(), ...edited.keys(), ...added.keys()])) {
    const gone = removedIds.get(name);
    const changed = edited.get(name);
    out.set(name, list(db, name).rebuild((r) => (gone?.has(r.id) ? null : (changed?.get(r.id) ?? r)), added.get(name)));
  }
  return out;
}

function writeTables(draft: Draft<Database>, db: Database, removedIds: Map<Table, Set<string>>, edited: Map<Table, Map<string, AnyRecord>>, added: Map<Table, AnyRecord[]> = new Map()) {
  for (const [name, rows] of nextTables(db, removedIds, edited, added)) (draft as unknown as Record<Table, Collection<AnyRecord>>)[name] = rows;
}

/**
 * Clears in `next` (a copy of `current`) the reference one relink of a plan names, `gone` being
 * what the plan removes. A delete and an erasure clear references by this one rule.
 */
export function clearReference(db: Database, gone: ReadonlyMap<Table, ReadonlySet<string>>, next: AnyRecord, current: AnyRecord, l: Relink): void {
  if (l.op === 'restore') {
    // One field can point into several collections (a debrief source names a trip and an agenda item).
    const ref = references.find((r) => r.from === l.collection && r.field === l.field && r.nested && r.to === l.value)!;
    next[l.field] = ref.nested!.clear(next[l.field], gone.get(ref.to) ?? new Set());
    return;
  }
  if (l.op === 'add') next[l.field] = (next[l.field] as string[]).filter((v) => v !== l.value);
  else next[l.field] = null;
  const ref = references.find((r) => r.from === l.collection && r.field === l.field && !r.nested);
  if (ref?.onDelete === 'unlink') ref.onUnlink?.(next, current, db, l.value);
}

/** Applies a plan inside a store update: removes, clears references, and files one trash entry. Returns the undo token. */
export function applyDelete(ctx: ServiceContext, draft: Draft<Database>, plan: DeletePlan, label: string): string {
  const db = ctx.store.db;
  const stamp = ctx.now().toISOString();
  const gone = new Map([...plan.removed].map(([name, rs]) => [name, new Set(rs.map((r) => r.id))]));
  const edited = editRecords(db, plan.relinks, stamp, (next, current, l) => clearReference(db, gone, next, current, l));
  writeTables(draft, db, gone, edited);
  const undoId = ctx.newId();
  const removed: TrashEntry['removed'] = {};
  for (const [name, records] of plan.removed) (removed as Record<string, unknown>)[name] = records;
  addToTrash(draft, { id: undoId, deletedAt: stamp, label, removed, relinks: plan.relinks });
  return undoId;
}

/** Puts back what a delete removed and re-adds the references it cleared, in one write. */
function restoreFromTrash(ctx: ServiceContext, draft: Draft<Database>, entry: TrashEntry): void {
  const db = ctx.store.db;
  const stamp = ctx.now().toISOString();
  const added = new Map<Table, AnyRecord[]>();
  for (const name of tables) {
    const records = entry.removed[name] as AnyRecord[] | undefined;
    if (!records?.length) continue;
    const existing = new Set(list(db, name).map((r) => r.id));
    for (const r of records) {
      if (existing.has(r.id)) {
        throw new AppError('CONFLICT', `A record with id ${r.id} exists again; the undo was not applied.`, { messageKey: { key: 'errors.undoConflict' } });
      }
    }
    assertUnique(db, name, records, (value, key) => {
      throw new AppError('CONFLICT', `The undo was not applied: ${value} is now used by another record.`, {
        messageKey: { key: key.undoConflictKey, params: { reference: value } },
      });
    });
    added.set(name, records);
  }
  // A merge's changed records go back exactly as they were, unless one has changed since.
  const replaced = new Map<Table, Map<string, AnyRecord>>();
  for (const r of entry.replaced ?? []) {
    const now = byId(list(db, r.collection)).get(r.before.id);
    if (!now || now.revision !== r.revision) {
      throw new AppError('CONFLICT', `The undo was not applied: ${r.collection} ${r.before.id} has changed since.`, { messageKey: { key: 'errors.undoChangedSince' } });
    }
    const table = replaced.get(r.collection) ?? new Map<string, AnyRecord>();
    table.set(r.before.id, r.before as AnyRecord);
    replaced.set(r.collection, table);
  }
  const edited = editRecords(db, entry.relinks, stamp, (next, _current, l) => {
    if (l.op === 'restore') {
      next[l.field] = l.previous ?? null;
      return;
    }
    if (l.op === 'add') {
      const values = next[l.field] as string[];
      if (!values.includes(l.value)) next[l.field] = [...values, l.value];
    } else if (next[l.field] === null) {
      next[l.field] = l.value;
    }
  });
  for (const [name, rows] of replaced) {
    const table = edited.get(name as CollectionName) ?? new Map<string, AnyRecord>();
    for (const [id, r] of rows) table.set(id, r);
    edited.set(name as CollectionName, table);
  }
  writeTables(draft, db, new Map(), edited, added);
}

/** Files an import's trash entry: what it created (ids) and the records it updated as they were before. */
export function addImportEntry(ctx: ServiceContext, draft: Draft<Database>, label: string, created: NonNullable<TrashEntry['created']>, replaced: TrashEntry['removed']): string {
  const undoId = ctx.newId();
  addToTrash(draft, { id: undoId, deletedAt: ctx.now().toISOString(), label, removed: replaced, relinks: [], created });
  return undoId;
}

/**
 * Undoes an import: the records it created go, the ones it updated get their earlier version back,
 * so the tables are exactly as before. Refused when any of them was edited since, or when another
 * record now refers to one it created (a position added by hand, a case naming the organisation).
 */
function undoImport(ctx: ServiceContext, draft: Draft<Database>, entry: TrashEntry): void {
  const db = ctx.store.db;
  const created = entry.created!;
  const changedSince = () =>
    new AppError('CONFLICT', 'Records of this import were changed since; the import was not undone.', { messageKey: { key: 'imports.undoChanged' } });
  const gone = new Map<Table, Set<string>>();
  for (const name of ['organisations', 'contacts', 'positions', 'cooperations'] as const) {
    const ids = new Set(created[name] ?? []);
    const rows = list(db, name);
    // A record erased since (GDPR) is simply gone already.
    for (const r of rows) if (ids.has(r.id) && r.revision !== 1) throw changedSince();
    gone.set(name, ids);
  }
  const plan = planRemoval(db, gone, { mode: 'delete' });
  const strays = [...plan.removed].some(([t, rs]) => rs.some((r) => !gone.get(t)?.has(r.id)));
  // A record the import updated goes back to its version before, which did not refer to what the import made.
  const restored = new Set(tables.flatMap((name) => ((entry.removed[name] as AnyRecord[] | undefined) ?? []).map((r) => `${name}:${r.id}`)));
  const relinks = plan.relinks.filter((l) => !restored.has(`${l.collection}:${l.id}`));
  if (strays || relinks.length) {
    throw new AppError('CONFLICT', 'Other records now refer to what this import created; the import was not undone.', {
      messageKey: { key: 'imports.undoReferenced' },
    });
  }
  const before = new Map<Table, Map<string, AnyRecord>>();
  for (const name of tables) {
    const records = entry.removed[name] as AnyRecord[] | undefined;
    if (!records?.length) continue;
    const current = byId(list(db, name));
    for (const r of records) {
      if (current.get(r.id)?.revision !== r.revision + 1) throw changedSince();
    }
    before.set(name, new Map(records.map((r) => [r.id, r])));
  }
  writeTables(draft, db, gone, before);
}

/** Undo: puts back everything one delete removed, atomically; refused if an id has been reused meanwhile. */
export function undoDelete(ctx: ServiceContext, undoId: string): Promise<{ label: string }> {
  return ctx.store.update((draft) => {
    const i = ctx.store.db.trash.findIndex((t) => t.id === undoId);
    if (i < 0) {
      throw new AppError('NOT_FOUND', 'There is nothing to undo for this token.', {
        messageKey: { key: 'errors.nothingToUndo' },
      });
    }
    const entry = ctx.store.db.trash[i]!;
    if (entry.created) undoImport(ctx, draft, entry);
    else restoreFromTrash(ctx, draft, entry);
    draft.trash.splice(i, 1);
    return { label: entry.label };
  });
}
