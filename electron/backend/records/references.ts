import type { Collection, Rows } from '../../../shared/schemas/collection';
import type { DeleteImpact } from '../../../shared/contract/common';
import { sameReference } from '../../../shared/features/cases/rules';
import { AppError } from '../../../shared/errors';
import { collectionNames, type CollectionName, type Database, type Relink } from '../../../shared/schemas/database';
import { dataKeys, type TranslationKey } from '../../../shared/i18n';
import { byId } from './indexes';

/**
 * Every reference between records, once. Deleting a record removes what cannot live without it
 * ("cascade") and clears the reference everywhere else ("unlink"); nothing is left dangling, and
 * the trash entry remembers enough to put every record and reference back.
 */
interface ReferenceBase {
  field: string;
  to: CollectionName;
  many: boolean;
  /**
   * For references inside structured values (delegation members, a debrief's follow-ups, where an
   * activity came from): whether the value points at one of `ids`, and the value without them.
   */
  nested?: {
    touches: (value: unknown, ids: ReadonlySet<string>) => boolean;
    clear: (value: unknown, ids: ReadonlySet<string>) => unknown;
    /** The value pointing at `to` instead of `from` (a merge, records/merge.ts); required for references to people and organisations. */
    move?: (value: unknown, from: string, to: string) => unknown;
  };
  /**
   * Erasure (GDPR Art. 17, records/erasure.ts) clears every reference a delete would clear or
   * refuse. With `ownedWhenOnly`, a record whose every value in this field is erased belonged to
   * them alone (a timeline entry whose only participant was the person) and is erased with them.
   */
  ownedWhenOnly?: true;
}

/**
 * Every table of records in the database: the collections, and a note's saved versions, which
 * are part of their note (they go and come back with it) and never shown or linked on their own.
 */
export type Table = CollectionName | 'noteRevisions';
export const tables: readonly Table[] = [...collectionNames, 'noteRevisions'];

export type Reference =
  | (ReferenceBase & { from: Table; onDelete: 'cascade' })
  | (ReferenceBase & { from: CollectionName; onDelete: 'restrict' })
  | (ReferenceBase & {
      from: CollectionName;
      onDelete: 'unlink';
      /** After the reference is cleared in `next` (a copy of `current`): what else the record keeps of what it pointed at. */
      onUnlink?: (next: AnyRecord, current: AnyRecord, db: Database, value: string) => void;
    });

type Source = { tripId?: string; agendaItemId?: string } | null;
type Debrief = { followUps: Array<{ caseId: string | null }> } | null;
type Members = Array<{ kind: string; contactId?: string }>;
type Shortlist = Array<{ collection: string; id: string }>;

export const references: readonly Reference[] = [
  { from: 'organisations', field: 'parentId', to: 'organisations', many: false, onDelete: 'unlink' },
  { from: 'positions', field: 'organisationId', to: 'organisations', many: false, onDelete: 'cascade' },
  { from: 'positions', field: 'contactId', to: 'contacts', many: false, onDelete: 'cascade' },
  // A follow-up reminder on a person goes with them (to the trash on delete; gone for good on erasure).
  { from: 'reminders', field: 'contactId', to: 'contacts', many: false, onDelete: 'cascade' },
  {
    from: 'cases',
    field: 'clientId',
    to: 'organisations',
    many: false,
    onDelete: 'unlink',
    // A case losing its client organisation keeps the client's name as text.
    onUnlink: (next, current, db, value) => {
      if (current.client) return;
      const org = byId(db.organisations).get(value);
      if (org) next.client = org.name;
    },
  },
  { from: 'cases', field: 'partnerOrganisationIds', to: 'organisations', many: true, onDelete: 'unlink' },
  { from: 'cases', field: 'clientContactIds', to: 'contacts', many: true, onDelete: 'unlink' },
  { from: 'tasks', field: 'caseId', to: 'cases', many: false, onDelete: 'cascade' },
  { from: 'activities', field: 'caseId', to: 'cases', many: false, onDelete: 'unlink' },
  { from: 'activities', field: 'participantIds', to: 'contacts', many: true, onDelete: 'unlink', ownedWhenOnly: true },
  { from: 'notes', field: 'caseIds', to: 'cases', many: true, onDelete: 'unlink' },
  { from: 'notes', field: 'contactIds', to: 'contacts', many: true, onDelete: 'unlink' },
  { from: 'noteRevisions', field: 'noteId', to: 'notes', many: false, onDelete: 'cascade' },
  { from: 'agendaItems', field: 'tripId', to: 'trips', many: false, onDelete: 'cascade' },
  { from: 'agendaItems', field: 'organisationId', to: 'organisations', many: false, onDelete: 'unlink' },
  { from: 'agendaItems', field: 'counterpartIds', to: 'contacts', many: true, onDelete: 'unlink' },
  { from: 'agendaItems', field: 'caseIds', to: 'cases', many: true, onDelete: 'unlink' },
  { from: 'trips', field: 'caseIds', to: 'cases', many: true, onDelete: 'unlink' },
  { from: 'trips', field: 'noteIds', to: 'notes', many: true, onDelete: 'unlink' },
  // A delegation member cannot silently vanish from a planned trip: the user removes them first.
  // Only an erasure, which cannot be refused, takes them off the delegation.
  {
    from: 'trips',
    field: 'members',
    to: 'contacts',
    many: false,
    onDelete: 'restrict',
    nested: {
      touches: (v, ids) => (v as Members).some((m) => m.kind === 'contact' && !!m.contactId && ids.has(m.contactId)),
      clear: (v, ids) => (v as Members).filter((m) => !(m.kind === 'contact' && m.contactId && ids.has(m.contactId))),
      // Both people on one delegation become one member (the first place in the list).
      move: (v, from, to) => {
        const seen = new Set<string>();
        return (v as Members)
          .map((m) => (m.kind === 'contact' && m.contactId === from ? { ...m, contactId: to } : m))
          .filter((m) => m.kind !== 'contact' || !m.contactId || (seen.has(m.contactId) ? false : (seen.add(m.contactId), true)));
      },
    },
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
  // A cooperation outlives every record it names: deleting one of its organisations, people,
  // cases, trips, notes or its programme only takes that link off it (undo puts it back).
  { from: 'cooperations', field: 'institutes', to: 'organisations', many: true, onDelete: 'unlink' },
  { from: 'cooperations', field: 'partners', to: 'organisations', many: true, onDelete: 'unlink' },
  { from: 'cooperations', field: 'ourContacts', to: 'contacts', many: true, onDelete: 'unlink' },
  { from: 'cooperations', field: 'partnerContacts', to: 'contacts', many: true, onDelete: 'unlink' },
  { from: 'cooperations', field: 'caseIds', to: 'cases', many: true, onDelete: 'unlink' },
  { from: 'cooperations', field: 'tripIds', to: 'trips', many: true, onDelete: 'unlink' },
  { from: 'cooperations', field: 'noteIds', to: 'notes', many: true, onDelete: 'unlink' },
  { from: 'cooperations', field: 'programmeId', to: 'programmes', many: false, onDelete: 'unlink' },
  // A case outlives the funding programme it names: deleting the programme only clears the link (undo puts it back).
  { from: 'cases', field: 'programmeId', to: 'programmes', many: false, onDelete: 'unlink' },
  // Deleting a group leaves its organisations as they were, outside the group.
  { from: 'organisations', field: 'groupIds', to: 'groups', many: true, onDelete: 'unlink' },
  // A priority outlives the strategy notes that set it: deleting one only takes the link off.
  { from: 'priorities', field: 'noteIds', to: 'notes', many: true, onDelete: 'unlink' },
  // A case's shortlist names organisations and people; deleting one takes its entry off the list
  // (undo puts the list back as it was). A merge moves the entry to the kept record, once.
  ...(['organisations', 'contacts'] as const).map(
    (to): Reference => ({
      from: 'cases',
      field: 'shortlist',
      to,
      many: false,
      onDelete: 'unlink',
      nested: {
        touches: (v, ids) => (v as Shortlist).some((e) => e.collection === to && ids.has(e.id)),
        clear: (v, ids) => (v as Shortlist).filter((e) => !(e.collection === to && ids.has(e.id))),
        move: (v, from, into) => {
          const seen = new Set<string>();
          return (v as Shortlist)
            .map((e) => (e.collection === to && e.id === from ? { ...e, id: into } : e))
            .filter((e) => (seen.has(`${e.collection}:${e.id}`) ? false : (seen.add(`${e.collection}:${e.id}`), true)));
        },
      },
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

export type AnyRecord = { id: string; revision: number; updatedAt: string } & Record<string, unknown>;

/**
 * Fields no two records of a collection may share. Every write path that adds or changes such a
 * field — create, update, Undo (restoreFromTrash), later imports and sync — checks it here.
 */
export interface UniqueKey {
  collection: CollectionName;
  field: string;
  same: (a: string, b: string) => boolean;
  /** The field error when a create or an edit sets a value another record has. */
  takenKey: TranslationKey;
  /** The message when Undo would bring back a value that another record now has. */
  undoConflictKey: TranslationKey;
}

export const uniqueKeys: readonly UniqueKey[] = [
  { collection: 'cases', field: 'reference', same: sameReference, takenKey: 'validation.referenceTaken', undoConflictKey: 'errors.undoReferenceTaken' },
];

/**
 * Calls `onTaken` with the first value of `candidates` that a record outside the candidates (or
 * another candidate) already has in a unique field of `collection`.
 */
export function assertUnique(db: Database, collection: Table, candidates: ReadonlyArray<{ id: string } & Record<string, unknown>>, onTaken: (value: string, key: UniqueKey) => never): void {
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

export const list = (db: Database, name: Table) => db[name] as unknown as Collection<AnyRecord>;

/** The ids a record holds in a reference's field (for a nested value: none, it is matched as a whole). */
function idsIn(record: AnyRecord, ref: Reference): string[] {
  const value = record[ref.field];
  if (ref.nested) return [];
  if (ref.many) return Array.isArray(value) ? (value as string[]) : [];
  return typeof value === 'string' ? [value] : [];
}

function pointsAt(record: AnyRecord, ref: Reference, ids: ReadonlySet<string>): boolean {
  const value = record[ref.field];
  if (ref.nested) return value !== null && value !== undefined && ref.nested.touches(value, ids);
  return idsIn(record, ref).some((v) => ids.has(v));
}

export interface DeletePlan {
  /** Records that go, per collection, starting with the one the user chose. */
  removed: Map<Table, AnyRecord[]>;
  /** References to clear in records that stay. */
  relinks: Relink[];
}

export interface PlanOptions {
  /**
   * "delete" follows cascades and refuses restricted references; "erase" (GDPR Art. 17) also takes
   * what belongs to the erased records alone (`ownedWhenOnly`) and clears restricted references.
   */
  mode: 'delete' | 'erase';
  /** Where to look for records; the live tables unless the caller adds more (an erasure adds the trash). */
  rows?: (table: Table) => Rows<AnyRecord>;
  /** Ids a record held in a field before a delete cleared them (kept in the trash), counted for `ownedWhenOnly`. */
  formerIds?: (table: Table, id: string, field: string) => readonly string[];
}

/** What removing `start` takes with it and which references it clears; reads only. */
export function planRemoval(db: Database, start: ReadonlyMap<Table, ReadonlySet<string>>, options: PlanOptions): DeletePlan {
  const rows = options.rows ?? ((t: Table) => list(db, t));
  const erase = options.mode === 'erase';
  const removed = new Map<Table, AnyRecord[]>();
  const removedIds = new Map<Table, Set<string>>();
  for (const [table, ids] of start) {
    removed.set(table, rows(table).filter((r) => ids.has(r.id)));
    removedIds.set(table, new Set(ids));
  }
  /** Every id the record holds in the field, now or (for an erasure) before a delete cleared it. */
  const allIds = (table: Table, r: AnyRecord, ref: Reference) => [...idsIn(r, ref), ...(options.formerIds?.(table, r.id, ref.field) ?? [])];
  // Follow cascades (and, for an erasure, sole ownership) until nothing new is removed.
  let frontier: Array<[Table, Set<string>]> = [...start].map(([t, ids]) => [t, new Set(ids)]);
  while (frontier.length) {
    const next: Array<[Table, Set<string>]> = [];
    for (const [to, ids] of frontier) {
      for (const ref of references) {
        if (ref.to !== to) continue;
        const owned = erase && ref.ownedWhenOnly;
        if (ref.onDelete !== 'cascade' && !owned) continue;
        const already = removedIds.get(ref.from) ?? new Set<string>();
        const gone = removedIds.get(to)!;
        const hits = rows(ref.from).filter((r) => {
          if (already.has(r.id)) return false;
          if (ref.onDelete === 'cascade' && pointsAt(r, ref, ids)) return true;
          if (!owned) return false;
          const held = allIds(ref.from, r, ref);
          return held.length > 0 && held.some((v) => ids.has(v)) && held.every((v) => gone.has(v));
        });
        if (!hits.length) continue;
        removed.set(ref.from, [...(removed.get(ref.from) ?? []), ...hits]);
        const hitIds = new Set(hits.map((h) => h.id));
        removedIds.set(ref.from, new Set([...already, ...hitIds]));
        next.push([ref.from, hitIds]);
      }
    }
    frontier = next;
  }
  if (!erase) {
    for (const ref of references) {
      if (ref.onDelete !== 'restrict') continue;
      const gone = removedIds.get(ref.to);
      if (!gone) continue;
      const blocker = rows(ref.from).find((r) => !(removedIds.get(ref.from)?.has(r.id)) && pointsAt(r, ref, gone));
      if (blocker) {
        throw new AppError('REFERENCED', `Still referenced by ${ref.from} ${blocker.id} (${ref.field}); remove that reference first.`, {
          messageKey: { key: dataKeys.refused(ref.from, ref.field), params: { name: String(blocker.title ?? blocker.name ?? blocker.id) } },
        });
      }
    }
  }
  const relinks: Relink[] = [];
  for (const ref of references) {
    // An erasure cannot be refused: it clears restricted references too.
    if (ref.onDelete === 'cascade' || (ref.onDelete === 'restrict' && !erase)) continue;
    const from = ref.from as CollectionName;
    const gone = removedIds.get(ref.to);
    if (!gone) continue;
    const stays = removedIds.get(from) ?? new Set<string>();
    for (const r of rows(from)) {
      if (stays.has(r.id) || !pointsAt(r, ref, gone)) continue;
      if (ref.nested) {
        relinks.push({ collection: from, id: r.id, field: ref.field, op: 'restore', value: ref.to, previous: r[ref.field] });
        continue;
      }
      const values = ref.many ? (r[ref.field] as string[]).filter((v) => gone.has(v)) : [r[ref.field] as string];
      for (const value of values) relinks.push({ collection: from, id: r.id, field: ref.field, op: ref.many ? 'add' : 'set', value });
    }
  }
  return { removed, relinks };
}

/** What deleting `id` takes with it and which references it clears; reads only. */
export function planDelete(db: Database, collection: CollectionName, id: string): DeletePlan {
  if (!list(db, collection).some((r) => r.id === id)) {
    throw new AppError('NOT_FOUND', `No record ${id} in ${collection}.`, { messageKey: { key: 'errors.notFound' } });
  }
  return planRemoval(db, new Map([[collection, new Set([id])]]), { mode: 'delete' });
}

const isCollection = (t: Table): t is CollectionName => t !== 'noteRevisions';

/** What the delete dialog shows: records that go besides the chosen one (a note's versions go unmentioned, as part of it), references cleared. */
export function describePlan(plan: DeletePlan, label: string, collection: CollectionName): DeleteImpact {
  const removes = [...plan.removed.entries()]
    .flatMap(([c, rs]) => (isCollection(c) ? [{ collection: c, count: c === collection ? rs.length - 1 : rs.length }] : []))
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

