import type { Draft } from 'immer';
import { sameReference } from '../../../shared/features/cases/rules';
import { AppError } from '../../../shared/errors';
import { dataKeys, type TranslationKey } from '../../../shared/i18n';
import { collectionNames, type CollectionName, type Database, type Relink, type TrashEntry } from '../../../shared/schemas/database';
import type { ServiceContext } from './context';
import { byId } from './indexes';
import { addToTrash } from '../services/workspace/undo';

/**
 * Every reference between records, once. Deleting a record removes what cannot live without it
 * ("cascade") and clears the reference everywhere else ("unlink"); nothing is left dangling, and
 * the trash entry remembers enough to put every record and reference back.
 */
export interface Reference {
  from: CollectionName;
  field: string;
  to: CollectionName;
  many: boolean;
  onDelete: 'cascade' | 'unlink' | 'restrict';
  /**
   * For references inside structured values (delegation members, a debrief's follow-ups, where an
   * activity came from): whether the value points at one of `ids`, and the value without them.
   */
  nested?: { touches: (value: unknown, ids: ReadonlySet<string>) => boolean; clear: (value: unknown, ids: ReadonlySet<string>) => unknown };
}

type Source = { tripId?: string; agendaItemId?: string } | null;
type Debrief = { followUps: Array<{ caseId: string | null }> } | null;
type Members = Array<{ kind: string; contactId?: string }>;

export const references: readonly Reference[] = [
  { from: 'organisations', field: 'parentId', to: 'organisations', many: false, onDelete: 'unlink' },
  { from: 'positions', field: 'organisationId', to: 'organisations', many: false, onDelete: 'cascade' },
  { from: 'positions', field: 'contactId', to: 'contacts', many: false, onDelete: 'cascade' },
  { from: 'cases', field: 'clientId', to: 'organisations', many: false, onDelete: 'unlink' },
  { from: 'cases', field: 'partnerOrganisationIds', to: 'organisations', many: true, onDelete: 'unlink' },
  { from: 'cases', field: 'clientContactIds', to: 'contacts', many: true, onDelete: 'unlink' },
  { from: 'tasks', field: 'caseId', to: 'cases', many: false, onDelete: 'cascade' },
  { from: 'activities', field: 'caseId', to: 'cases', many: false, onDelete: 'unlink' },
  { from: 'activities', field: 'participantIds', to: 'contacts', many: true, onDelete: 'unlink' },
  { from: 'notes', field: 'caseIds', to: 'cases', many: true, onDelete: 'unlink' },
  { from: 'notes', field: 'contactIds', to: 'contacts', many: true, onDelete: 'unlink' },
  { from: 'agendaItems', field: 'tripId', to: 'trips', many: false, onDelete: 'cascade' },
  { from: 'agendaItems', field: 'organisationId', to: 'organisations', many: false, onDelete: 'unlink' },
  { from: 'agendaItems', field: 'counterpartIds', to: 'contacts', many: true, onDelete: 'unlink' },
  { from: 'agendaItems', field: 'caseIds', to: 'cases', many: true, onDelete: 'unlink' },
  { from: 'trips', field: 'caseIds', to: 'cases', many: true, onDelete: 'unlink' },
  { from: 'trips', field: 'noteIds', to: 'notes', many: true, onDelete: 'unlink' },
  // A delegation member cannot silently vanish from a planned trip: the user removes them first.
  {
    from: 'trips',
    field: 'members',
    to: 'contacts',
    many: false,
    onDelete: 'restrict',
    nested: { touches: (v, ids) => (v as Members).some((m) => m.kind === 'contact' && !!m.contactId && ids.has(m.contactId)), clear: (v) => v },
  },
  // Where a debrief's timeline entries and follow-up tasks came from: the trip and the agenda item.
  // Deleting either keeps the entries and tasks but drops the link (undo puts it back), so a
  // re-saved debrief never finds, and no entry keeps pointing at, an item that is gone.
  ...(['activities', 'tasks'] as const).flatMap((from): Reference[] =>
    (['trips', 'agendaItems'] as const).map((to) => {
      const key = to === 'trips' ? 'tripId' : 'agendaItemId';
      return {
        from,
        field: 'source',
        to,
        many: false,
        onDelete: 'unlink',
        nested: { touches: (v, ids) => !!(v as Source)?.[key] && ids.has((v as Source)![key]!), clear: () => null },
      };
    }),
  ),
  {
    from: 'agendaItems',
    field: 'debrief',
    to: 'cases',
    many: false,
    onDelete: 'unlink',
    nested: {
      touches: (v, ids) => !!(v as Debrief)?.followUps.some((f) => f.caseId && ids.has(f.caseId)),
      clear: (v, ids) => ({ ...(v as object), followUps: (v as NonNullable<Debrief>).followUps.map((f) => (f.caseId && ids.has(f.caseId) ? { ...f, caseId: null } : f)) }),
    },
  },
];

type AnyRecord = { id: string; revision: number; updatedAt: string } & Record<string, unknown>;

/**
 * Fields no two records of a collection may share. Every write path that adds or changes such a
 * field — create, update, Undo (restoreFromTrash), later imports and sync — checks it here.
 */
export interface UniqueKey {
  collection: CollectionName;
  field: string;
  same: (a: string, b: string) => boolean;
  /** The message when Undo would bring back a value that another record now has. */
  undoConflictKey: TranslationKey;
}

export const uniqueKeys: readonly UniqueKey[] = [{ collection: 'cases', field: 'reference', same: sameReference, undoConflictKey: 'errors.undoReferenceTaken' }];

/**
 * Calls `onTaken` with the first value of `candidates` that a record outside the candidates (or
 * another candidate) already has in a unique field of `collection`.
 */
export function assertUnique(db: Database, collection: CollectionName, candidates: ReadonlyArray<{ id: string } & Record<string, unknown>>, onTaken: (value: string, key: UniqueKey) => never): void {
  for (const key of uniqueKeys) {
    if (key.collection !== collection) continue;
    const ids = new Set(candidates.map((c) => c.id));
    const seen: string[] = [];
    for (const candidate of candidates) {
      const value = candidate[key.field];
      if (typeof value !== 'string') continue;
      const clash =
        seen.some((v) => key.same(v, value)) ||
        list(db, collection).some((r) => !ids.has(r.id) && typeof r[key.field] === 'string' && key.same(r[key.field] as string, value));
      if (clash) onTaken(value, key);
      seen.push(value);
    }
  }
}

const list = (db: Database, name: CollectionName) => db[name] as unknown as readonly AnyRecord[];

function pointsAt(record: AnyRecord, ref: Reference, ids: ReadonlySet<string>): boolean {
  const value = record[ref.field];
  if (ref.nested) return value !== null && value !== undefined && ref.nested.touches(value, ids);
  if (ref.many) return Array.isArray(value) && value.some((v) => ids.has(v as string));
  return typeof value === 'string' && ids.has(value);
}

export interface DeletePlan {
  /** Records that go, per collection, starting with the one the user chose. */
  removed: Map<CollectionName, AnyRecord[]>;
  /** References to clear in records that stay. */
  relinks: Relink[];
}

/** What deleting `id` takes with it and which references it clears; reads only. */
export function planDelete(db: Database, collection: CollectionName, id: string): DeletePlan {
  const target = list(db, collection).find((r) => r.id === id);
  if (!target) throw new AppError('NOT_FOUND', `No record ${id} in ${collection}.`, { messageKey: { key: 'errors.notFound' } });
  const removed = new Map<CollectionName, AnyRecord[]>([[collection, [target]]]);
  const removedIds = new Map<CollectionName, Set<string>>([[collection, new Set([id])]]);
  // Follow cascades until nothing new is removed.
  let frontier: Array<[CollectionName, Set<string>]> = [[collection, new Set([id])]];
  while (frontier.length) {
    const next: Array<[CollectionName, Set<string>]> = [];
    for (const [to, ids] of frontier) {
      for (const ref of references) {
        if (ref.to !== to || ref.onDelete !== 'cascade') continue;
        const already = removedIds.get(ref.from) ?? new Set<string>();
        const hits = list(db, ref.from).filter((r) => !already.has(r.id) && pointsAt(r, ref, ids));
        if (!hits.length) continue;
        removed.set(ref.from, [...(removed.get(ref.from) ?? []), ...hits]);
        const hitIds = new Set(hits.map((h) => h.id));
        removedIds.set(ref.from, new Set([...already, ...hitIds]));
        next.push([ref.from, hitIds]);
      }
    }
    frontier = next;
  }
  for (const ref of references) {
    if (ref.onDelete !== 'restrict') continue;
    const gone = removedIds.get(ref.to);
    if (!gone) continue;
    const blocker = list(db, ref.from).find((r) => !(removedIds.get(ref.from)?.has(r.id)) && pointsAt(r, ref, gone));
    if (blocker) {
      throw new AppError('REFERENCED', `Still referenced by ${ref.from} ${blocker.id} (${ref.field}); remove that reference first.`, {
        messageKey: { key: dataKeys.refused(ref.from, ref.field), params: { name: String(blocker.title ?? blocker.name ?? blocker.id) } },
      });
    }
  }
  const relinks: Relink[] = [];
  for (const ref of references) {
    if (ref.onDelete !== 'unlink') continue;
    const gone = removedIds.get(ref.to);
    if (!gone) continue;
    const stays = removedIds.get(ref.from) ?? new Set<string>();
    for (const r of list(db, ref.from)) {
      if (stays.has(r.id) || !pointsAt(r, ref, gone)) continue;
      if (ref.nested) {
        relinks.push({ collection: ref.from, id: r.id, field: ref.field, op: 'restore', value: ref.to, previous: r[ref.field] });
        continue;
      }
      const values = ref.many ? (r[ref.field] as string[]).filter((v) => gone.has(v)) : [r[ref.field] as string];
      for (const value of values) relinks.push({ collection: ref.from, id: r.id, field: ref.field, op: ref.many ? 'add' : 'set', value });
    }
  }
  return { removed, relinks };
}

export interface DeleteImpact {
  label: string;
  removes: Array<{ collection: CollectionName; count: number }>;
  unlinks: Array<{ collection: CollectionName; field: string; count: number }>;
}

export function describePlan(plan: DeletePlan, label: string, collection: CollectionName): DeleteImpact {
  const removes = [...plan.removed.entries()]
    .map(([c, rs]) => ({ collection: c, count: c === collection ? rs.length - 1 : rs.length }))
    .filter((r) => r.count > 0);
  const grouped = new Map<string, { collection: CollectionName; field: string; ids: Set<string> }>();
  for (const l of plan.relinks) {
    const key = `${l.collection}.${l.field}`;
    const g = grouped.get(key) ?? { collection: l.collection, field: l.field, ids: new Set<string>() };
    g.ids.add(l.id);
    grouped.set(key, g);
  }
  return { label, removes, unlinks: [...grouped.values()].map((g) => ({ collection: g.collection, field: g.field, count: g.ids.size })) };
}

/** The records a set of relinks touches, with each change applied by `edit`. */
function editRecords(db: Database, relinks: readonly Relink[], stamp: string, edit: (next: AnyRecord, current: AnyRecord, link: Relink) => void) {
  const out = new Map<CollectionName, Map<string, AnyRecord>>();
  for (const l of relinks) {
    let changed = out.get(l.collection);
    if (!changed) out.set(l.collection, (changed = new Map()));
    let next = changed.get(l.id);
    const current = byId(list(db, l.collection)).get(l.id);
    if (!current) continue; // the record that lost the reference is gone itself since
    if (!next) changed.set(l.id, (next = { ...current, revision: current.revision + 1, updatedAt: stamp }));
    edit(next, current, l);
  }
  return out;
}

/** Writes new collection arrays: records removed, edited ones replaced, others shared as they were. */
function writeCollections(draft: Draft<Database>, db: Database, removedIds: Map<CollectionName, Set<string>>, edited: Map<CollectionName, Map<string, AnyRecord>>, added: Map<CollectionName, AnyRecord[]> = new Map()) {
  const names = new Set<CollectionName>([...removedIds.keys(), ...edited.keys(), ...added.keys()]);
  for (const name of names) {
    const gone = removedIds.get(name);
    const changed = edited.get(name);
    const next = list(db, name)
      .filter((r) => !gone?.has(r.id))
      .map((r) => changed?.get(r.id) ?? r);
    next.push(...(added.get(name) ?? []));
    (draft as unknown as Record<CollectionName, AnyRecord[]>)[name] = next;
  }
}

/** Applies a plan inside a store update: removes, clears references, and files one trash entry. */
export function applyDelete(ctx: ServiceContext, draft: Draft<Database>, plan: DeletePlan, label: string, extra: Partial<TrashEntry['removed']> = {}): string {
  const db = ctx.store.db;
  const stamp = ctx.now().toISOString();
  const gone = new Map([...plan.removed].map(([name, rs]) => [name, new Set(rs.map((r) => r.id))]));
  const edited = editRecords(db, plan.relinks, stamp, (next, current, l) => {
    if (l.op === 'restore') {
      // One field can point into several collections (a debrief source names a trip and an agenda item).
      const ref = references.find((r) => r.from === l.collection && r.field === l.field && r.nested && r.to === l.value)!;
      next[l.field] = ref.nested!.clear(next[l.field], gone.get(ref.to) ?? new Set());
      return;
    }
    if (l.op === 'add') next[l.field] = (next[l.field] as string[]).filter((v) => v !== l.value);
    else next[l.field] = null;
    // A case losing its client organisation keeps the client's name as text.
    if (l.collection === 'cases' && l.field === 'clientId' && !current.client) {
      const org = byId(db.organisations).get(l.value);
      if (org) next.client = org.name;
    }
  });
  writeCollections(draft, db, gone, edited);
  const undoId = ctx.newId();
  const removed: TrashEntry['removed'] = { ...extra };
  for (const [name, records] of plan.removed) (removed as Record<string, unknown>)[name] = records;
  addToTrash(draft, { id: undoId, deletedAt: stamp, label, removed, relinks: plan.relinks });
  return undoId;
}

/** Puts back what a delete removed and re-adds the references it cleared, in one write. */
export function restoreFromTrash(ctx: ServiceContext, draft: Draft<Database>, entry: TrashEntry): void {
  const db = ctx.store.db;
  const stamp = ctx.now().toISOString();
  const added = new Map<CollectionName, AnyRecord[]>();
  for (const name of collectionNames) {
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
  writeCollections(draft, db, new Map(), edited, added);
  if (entry.removed.noteRevisions?.length) draft.noteRevisions = [...db.noteRevisions, ...entry.removed.noteRevisions];
}
