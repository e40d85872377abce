/**
 * The store's search index, kept beside it: built once in slices after the workspace opens (so the
 * backend keeps answering while 170,000 documents are read at 10×), then brought up to date with
 * each published version by the change between the indexed version and the current one — the same
 * chunk-skipping comparison the journal uses, so a save costs the records it touched.
 */
import { documentSources, searchedCollections, type SearchDocument, type SearchedCollection } from '../../../../shared/features/search/documents';
import { SearchIndex } from '../../../../shared/features/search/engine';
import type { Database } from '../../../../shared/schemas/database';
import { diffDatabase } from '../../store/journal';
import type { Store } from '../../store/store';

/** Slices of the first build: long enough to make progress, short enough that a call waits little. */
const SLICE_MS = 12;
/** A change of more records than this (a restore, an archive opened over the workspace) is indexed anew, in slices. */
const REBUILD_ABOVE = 5_000;

const docsOf = (name: SearchedCollection, record: unknown): SearchDocument[] => (documentSources[name] as (r: unknown) => SearchDocument[])(record);
/** Keys a record of `name` may have documents under (an agenda item also has its debrief's). */
const keysOf = (name: SearchedCollection, id: string): string[] =>
  name === 'agendaItems' ? [`agendaItem:${id}`, `debrief:${id}`] : [`${docKind[name]}:${id}`];
const docKind: Record<SearchedCollection, string> = {
  cases: 'case',
  tasks: 'task',
  activities: 'activity',
  contacts: 'contact',
  positions: 'position',
  organisations: 'organisation',
  notes: 'note',
  trips: 'trip',
  agendaItems: 'agendaItem',
  cooperations: 'cooperation',
  programmes: 'programme',
};

const pick = (db: Database): Record<string, unknown> => Object.fromEntries(searchedCollections.map((n) => [n, db[n]]));

export interface KeptIndex {
  /** The index brought up to date with `db`, or null while its first build is still running. */
  current(db: Database): SearchIndex | null;
  /** Builds to the end now (tests, and the bench's "index ready"). */
  finish(db: Database): SearchIndex;
  /** Starts (or continues) building in slices on the event loop; `done` runs when it is ready. */
  buildInSlices(db: () => Database | null, done?: () => void): void;
  readonly ready: boolean;
  /** How often the index was built from scratch and how many records were applied as changes (observable for tests). */
  readonly counts: { builds: number; applied: number };
}

export function createKeptIndex(): KeptIndex {
  let index = new SearchIndex();
  let indexed: Database | null = null;
  // The running build: the version it reads and where it is.
  let building: { db: Database; collection: number; at: number } | null = null;
  let scheduled = false;
  // Set once something builds in slices (the shells' warm-up): from then on a rebuild never blocks a call.
  let sliced = false;
  const counts = { builds: 0, applied: 0 };

  const start = (db: Database) => {
    index = new SearchIndex();
    indexed = null;
    building = { db, collection: 0, at: 0 };
  };
  /** Adds records of the running build until `deadline` (performance.now()); true when the build is done. */
  const step = (deadline: number): boolean => {
    const b = building!;
    while (b.collection < searchedCollections.length) {
      const name = searchedCollections[b.collection]!;
      const list = b.db[name];
      while (b.at < list.length) {
        for (const d of docsOf(name, list.at(b.at)!)) index.add(d);
        b.at++;
        if ((b.at & 63) === 0 && performance.now() > deadline) return false;
      }
      b.collection++;
      b.at = 0;
    }
    indexed = b.db;
    building = null;
    counts.builds++;
    index.prepareTypos();
    return true;
  };
  const apply = (db: Database) => {
    if (!indexed || indexed === db) return;
    const change = diffDatabase(pick(indexed), pick(db));
    const size = Object.values(change?.c ?? {}).reduce((n, c) => n + (c.del?.length ?? 0) + (c.put?.length ?? 0), 0);
    if (size > REBUILD_ABOVE) {
      start(db);
      return;
    }
    for (const [name, c] of Object.entries(change?.c ?? {}) as Array<[SearchedCollection, { del?: string[]; put?: Array<{ id: string }> }]>) {
      for (const id of c.del ?? []) for (const key of keysOf(name, id)) index.remove(key);
      for (const record of c.put ?? []) {
        for (const key of keysOf(name, record.id)) index.remove(key);
        for (const d of docsOf(name, record)) index.add(d);
      }
      counts.applied += (c.del?.length ?? 0) + (c.put?.length ?? 0);
    }
    indexed = db;
  };

  const kept: KeptIndex = {
    counts,
    get ready() {
      return indexed !== null;
    },
    current(db) {
      if (!sliced) return kept.finish(db);
      if (!building) apply(db);
      if (!building) return index;
      kept.buildInSlices(() => db);
      return null;
    },
    finish(db) {
      if (!indexed && !building) start(db);
      if (building) step(Infinity);
      apply(db);
      if (building) step(Infinity);
      apply(db);
      return index;
    },
    buildInSlices(dbOf, done) {
      sliced = true;
      if (scheduled) return;
      const db = dbOf();
      if (!db) return;
      if (!building) {
        if (indexed) {
          apply(db);
          if (!building) return done?.();
        } else start(db);
      }
      scheduled = true;
      const slice = () => {
        scheduled = false;
        if (!building) return;
        if (step(performance.now() + SLICE_MS)) {
          const now = dbOf();
          if (now) apply(now);
          if (!building) return done?.();
        }
        scheduled = true;
        setImmediate(slice);
      };
      setImmediate(slice);
    },
  };
  return kept;
}

const kept = new WeakMap<Store, KeptIndex>();
/** The one search index of a store. */
export function keptIndexOf(store: Store): KeptIndex {
  let k = kept.get(store);
  if (!k) kept.set(store, (k = createKeptIndex()));
  return k;
}
