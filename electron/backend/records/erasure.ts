/**
 * Erasure (GDPR Art. 17) as pure functions of the database. A person and what belongs to them
 * alone leave the tables and the trash, references to them elsewhere are cleared (including those a
 * delete would refuse), and the trash keeps no copy or mention of them. The erase operation
 * (services/contacts) and the re-application of the erasure register to a restored backup or an
 * opened archive (applyErasures) share this one logic; the rules come from the reference table.
 */
import type { Collection } from '../../../shared/schemas/collection';
import { produce, type Draft } from 'immer';
import type { DeleteImpact } from '../../../shared/contract/common';
import type { CollectionName, Database, ErasureEntry, Relink, TrashEntry } from '../../../shared/schemas/database';
import { describePlan, list, planRemoval, tables, type AnyRecord, type DeletePlan, type Table } from './references';
import { clearReference, editRecords, nextTables } from './trash';

/** What erasing some records changes, computed from the published database; nothing is written. */
export interface Erasure {
  /** Everything that goes (from the tables and from the trash) and every reference cleared. */
  plan: DeletePlan;
  /** The part of the plan in the tables (what the dialog lists). */
  live: DeletePlan;
  /** Trash entries that change, and how many records they lose. */
  trash: { entries: number; records: number };
  /** New arrays for the tables that change. */
  tables: Map<Table, Collection<AnyRecord>>;
  /** The trash without the erased records and any mention of them; entries left empty are dropped. */
  nextTrash: TrashEntry[];
  /** Whether anything at all changes (false for a database that holds nothing of them). */
  changed: boolean;
}

type Target = Pick<ErasureEntry, 'collection' | 'id'>;

const removedOf = (entry: TrashEntry) => entry.removed as Partial<Record<Table, AnyRecord[]>>;

/** Plans the erasure of `targets` (present or not) and what it does to the tables and the trash. */
export function planErasure(db: Database, targets: readonly Target[], stamp: string): Erasure {
  const memo = <V>(make: (t: Table) => V) => {
    const cache = new Map<Table, V>();
    return (t: Table) => {
      if (!cache.has(t)) cache.set(t, make(t));
      return cache.get(t)!;
    };
  };
  const liveIds = memo((t) => new Set(list(db, t).map((r) => r.id)));
  const trashedRows = memo((t) => db.trash.flatMap((e) => removedOf(e)[t] ?? []));
  // The trash is searched like the tables: a deleted person, their deleted positions, a deleted
  // case that named them are all still data about them.
  const rows = memo((t) => [...list(db, t), ...trashedRows(t)]);
  // A delete cleared the person from what stays and remembered it in the trash: a timeline entry
  // whose participants were only them is still theirs alone.
  const former = new Map<string, string[]>();
  for (const entry of db.trash) {
    for (const l of entry.relinks) {
      if (l.op !== 'add') continue;
      const key = `${l.collection}/${l.id}/${l.field}`;
      former.set(key, [...(former.get(key) ?? []), l.value]);
    }
  }
  const start = new Map<Table, Set<string>>();
  for (const t of targets) start.set(t.collection, new Set([...(start.get(t.collection) ?? []), t.id]));
  const plan = planRemoval(db, start, { mode: 'erase', rows, formerIds: (t, id, field) => former.get(`${t}/${id}/${field}`) ?? [] });

  const gone = new Map([...plan.removed].map(([t, rs]) => [t, new Set(rs.map((r) => r.id))]));
  const goneIds = new Set([...gone.values()].flatMap((ids) => [...ids]));
  for (const t of targets) goneIds.add(t.id);

  // The tables: records removed, references cleared (and their revision bumped).
  const liveRemoved = new Map<Table, AnyRecord[]>();
  const liveGone = new Map<Table, Set<string>>();
  for (const [t, rs] of plan.removed) {
    const here = liveIds(t);
    const mine = rs.filter((r) => here.has(r.id));
    if (!mine.length) continue;
    liveRemoved.set(t, mine);
    liveGone.set(t, new Set(mine.map((r) => r.id)));
  }
  const isLive = (l: Relink) => liveIds(l.collection).has(l.id);
  const liveRelinks = plan.relinks.filter(isLive);
  const clear = (next: AnyRecord, current: AnyRecord, l: Relink) => clearReference(db, gone, next, current, l);
  const edited = editRecords(db, liveRelinks, stamp, clear);
  const changedTables = nextTables(db, liveGone, edited);

  // The trash: erased records out, references to them cleared in the copies that stay, and every
  // relink that names them dropped (an undo must not put a mention back).
  const trashEdited = editRecords(db, plan.relinks.filter((l) => !isLive(l)), stamp, clear, trashedRows);
  const mentions = (l: Relink) =>
    goneIds.has(l.id) || goneIds.has(l.value) || (l.previous !== undefined && [...goneIds].some((id) => JSON.stringify(l.previous).includes(id)));
  let entries = 0;
  let records = 0;
  const nextTrash: TrashEntry[] = [];
  for (const entry of db.trash) {
    // A merge's entry keeps whole records as they were; one that names an erased record cannot be
    // put back in part, so the entry goes (and that merge can no longer be undone).
    if (entry.replaced?.some((r) => goneIds.has(r.before.id) || [...goneIds].some((id) => JSON.stringify(r.before).includes(id)))) {
      entries++;
      for (const t of tables) records += removedOf(entry)[t]?.length ?? 0;
      continue;
    }
    let touched = false;
    let left = 0;
    const removed: Record<string, AnyRecord[]> = {};
    for (const t of tables) {
      const was = removedOf(entry)[t];
      if (!was) continue;
      const kept = was.filter((r) => !gone.get(t)?.has(r.id));
      records += was.length - kept.length;
      const out = kept.map((r) => trashEdited.get(t as CollectionName)?.get(r.id) ?? r);
      if (kept.length !== was.length || out.some((r, i) => r !== kept[i])) touched = true;
      left += out.length;
      if (out.length) removed[t] = out;
    }
    const relinks = entry.relinks.filter((l) => !mentions(l));
    if (relinks.length !== entry.relinks.length) touched = true;
    if (!touched) {
      nextTrash.push(entry);
      continue;
    }
    entries++;
    // An entry with nothing left to put back goes; its label may be the person's name.
    if (left > 0) nextTrash.push({ ...entry, removed: removed as TrashEntry['removed'], relinks });
  }
  return {
    plan,
    live: { removed: liveRemoved, relinks: liveRelinks },
    trash: { entries, records },
    tables: changedTables,
    nextTrash,
    changed: changedTables.size > 0 || entries > 0,
  };
}

/** What the erase dialog shows: what goes besides the person, the references cleared, the trash entries cleaned. */
export function describeErasure(erasure: Erasure, label: string, collection: CollectionName): DeleteImpact & { trash: Erasure['trash'] } {
  return { ...describePlan(erasure.live, label, collection), trash: erasure.trash };
}

/** Writes a planned erasure into a store update's draft (or an immer recipe's). */
export function writeErasure(draft: Draft<Database>, erasure: Erasure): void {
  for (const [name, rows] of erasure.tables) (draft as unknown as Record<Table, Collection<AnyRecord>>)[name] = rows;
  (draft as unknown as { trash: TrashEntry[] }).trash = erasure.nextTrash;
}

/** Both registers as one: each erased record once (its first erasure), oldest first. */
export function unionRegisters(...registers: ReadonlyArray<readonly ErasureEntry[]>): ErasureEntry[] {
  const byKey = new Map<string, ErasureEntry>();
  for (const entry of registers.flat()) {
    const key = `${entry.collection}/${entry.id}`;
    const seen = byKey.get(key);
    if (!seen || entry.erasedAt < seen.erasedAt) byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.erasedAt.localeCompare(b.erasedAt) || a.id.localeCompare(b.id));
}

/**
 * The database with every erasure in `register` (and in its own register) applied: for a backup
 * restored or an archive opened, so an erased person never comes back. Returns `db` itself when
 * there is nothing to do; `now` stamps the records whose references are cleared.
 */
export function applyErasures(db: Database, register: readonly ErasureEntry[], now: Date = new Date()): Database {
  const merged = unionRegisters(db.erasures, register);
  const erasure = planErasure(db, merged, now.toISOString());
  const sameRegister = merged.length === db.erasures.length && merged.every((e, i) => e === db.erasures[i]);
  if (!erasure.changed && sameRegister) return db;
  return produce(db, (draft) => {
    writeErasure(draft, erasure);
    draft.erasures = merged;
  });
}
