/**
 * The store's search index, kept beside it. At open it is read from the cache the store keeps
 * beside the database (encrypted like it; its bytes read while the store parses the database). A
 * cache written at exactly the data the store opened (the store's dataVersion, recorded in it) is
 * used as it is; any other is brought up to date with the records as they are — a record whose
 * revision differs is indexed again, a record gone is forgotten — so the index is ready about as
 * soon as the workspace is; its lookup tables (typos, by key) follow in idle slices. Without a
 * usable cache it is built in slices on the event loop (170,000 documents at 10× take seconds;
 * calls are answered meanwhile). After that it follows each published version by the change
 * between the indexed version and the current one — the same chunk-skipping comparison the journal
 * uses, so a save costs the records it touched — and is written back to the cache when idle.
 */
import { documentSources, kindCollections, SEARCH_RULES_VERSION, searchedCollections, type SearchDocument, type SearchedCollection } from '../../../../shared/features/search/documents';
import { packBlocks, SearchIndex, unpackBlocks } from '../../../../shared/features/search/engine';
import type { Database } from '../../../../shared/schemas/database';
import { diffDatabase } from '../../store/journal';
import type { Store } from '../../store/store';

/** Slices of the first build: long enough to make progress, short enough that a call waits little. */
const SLICE_MS = 12;
/** A change of more records than this (a restore, an archive opened over the workspace) is indexed anew, in slices. */
const REBUILD_ABOVE = 5_000;
/** The cache is written at most this often while changes go on (and once after every build). */
const PERSIST_EVERY_MS = 30_000;
/** The store's cache the index is kept in (read ahead while the store opens: see openBackend). */
export const SEARCH_CACHE = 'search-index';
/** Bump when the cache's layout changes: a cache of another format is built anew, never misread. */
const CACHE_FORMAT = 2;

const docsOf = (name: SearchedCollection, record: unknown): SearchDocument[] => (documentSources[name] as (r: unknown) => SearchDocument[])(record);
/** The kind of a collection's own documents: kindCollections read backwards (a debrief is its agenda item's second). */
const docKind = Object.fromEntries(
  Object.entries(kindCollections)
    .filter(([kind]) => kind !== 'debrief')
    .map(([kind, collection]) => [collection, kind]),
) as Record<SearchedCollection, string>;
/** Keys a record of `name` may have documents under (an agenda item also has its debrief's). */
const keysOf = (name: SearchedCollection, id: string): string[] => (name === 'agendaItems' ? [`agendaItem:${id}`, `debrief:${id}`] : [`${docKind[name]}:${id}`]);

type Versioned = { id: string; revision: number; updatedAt: string };
/** What says a record changed: its revision and the time of its last change. */
const versionOf = (r: Versioned) => `${r.revision}/${r.updatedAt}`;

/** A cache as read: the index, the data it was written at, and per record its version (`collection:id`, version, …; read only to compare). */
interface Stored {
  index: SearchIndex;
  data: string;
  refs: () => string[];
}

/** The store's name for `db` when it is the data published now, else null (never equal to a cache's). */
function publishedVersion(store: Store | null, db: Database): string | null {
  try {
    return store && store.db === db ? store.dataVersion : null;
  } catch {
    return null; // locked meanwhile
  }
}

const pick = (db: Database): Record<string, unknown> => Object.fromEntries(searchedCollections.map((n) => [n, db[n]]));

export interface KeptIndex {
  /** The index brought up to date with `db`, or null while it is first being read or built. */
  current(db: Database): SearchIndex | null;
  /** Builds to the end now (tests, and the bench's "index ready"). */
  finish(db: Database): SearchIndex;
  /**
   * Reads the cache or builds in slices on the event loop (once up to date: writes the cache when it
   * is due); `done` runs when the index is ready.
   */
  buildInSlices(db: () => Database | null, done?: () => void): void;
  /** Resolves once the lookup tables built in slices after the index is ready are complete (the bench). */
  prepared(): Promise<void>;
  /** Writes the cache now if anything changed since it was last written (tests, closing). */
  persist(): Promise<boolean>;
  readonly ready: boolean;
  /**
   * Builds from scratch, records applied as changes, caches read (of which `reconciled`: compared
   * record by record, as not written at the data opened) and written (observable for tests).
   */
  readonly counts: { builds: number; applied: number; loaded: number; reconciled: number; persisted: number };
}

export function createKeptIndex(store: Store | null = null): KeptIndex {
  let index = new SearchIndex();
  // The index holds exactly the documents of `indexed` (once built and not building).
  let indexed: Database | null = null;
  // The running build: the version it reads and where it is.
  let building: { db: Database; collection: number; at: number } | null = null;
  let loading = false;
  let scheduled = false;
  // Set once something builds in slices (the shells' warm-up): from then on a rebuild never blocks a call.
  let sliced = false;
  let dirty = false;
  let triedCache = false;
  let lastPersist = 0;
  const counts = { builds: 0, applied: 0, loaded: 0, reconciled: 0, persisted: 0 };

  const put = (name: SearchedCollection, record: Versioned) => {
    for (const key of keysOf(name, record.id)) index.remove(key);
    for (const d of docsOf(name, record)) index.add(d);
  };
  const forget = (name: SearchedCollection, id: string) => {
    for (const key of keysOf(name, id)) index.remove(key);
  };

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
      const list = b.db[name] as unknown as { length: number; at(i: number): Versioned | undefined };
      while (b.at < list.length) {
        const r = list.at(b.at)!;
        for (const d of docsOf(name, r)) index.add(d);
        b.at++;
        if ((b.at & 63) === 0 && performance.now() > deadline) return false;
      }
      b.collection++;
      b.at = 0;
    }
    indexed = b.db;
    building = null;
    counts.builds++;
    dirty = true;
    prepareInSlices();
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
    for (const [name, c] of Object.entries(change?.c ?? {}) as Array<[SearchedCollection, { del?: string[]; put?: Versioned[] }]>) {
      for (const id of c.del ?? []) forget(name, id);
      for (const record of c.put ?? []) put(name, record);
      counts.applied += (c.del?.length ?? 0) + (c.put?.length ?? 0);
    }
    if (size) dirty = true;
    indexed = db;
  };

  /**
   * The stored index made to match `db`: used as it is when written at exactly this data
   * (`current`), else records of another version indexed again and records gone forgotten.
   */
  const adopt = (stored: Stored, db: Database, current: boolean) => {
    index = stored.index;
    let changed = 0;
    if (!current) {
      const refs = stored.refs();
      const versions = new Map<string, string>();
      for (let i = 0; i + 1 < refs.length; i += 2) versions.set(refs[i]!, refs[i + 1]!);
      for (const name of searchedCollections) {
        for (const r of db[name] as unknown as Iterable<Versioned>) {
          const ref = `${name}:${r.id}`;
          const v = versions.get(ref);
          if (v !== undefined) versions.delete(ref);
          if (v === versionOf(r)) continue;
          put(name, r);
          changed++;
        }
      }
      // Left over: records the cache knows but the workspace no longer has.
      for (const ref of versions.keys()) {
        const colon = ref.indexOf(':');
        forget(ref.slice(0, colon) as SearchedCollection, ref.slice(colon + 1));
        changed++;
      }
      counts.reconciled++;
    }
    indexed = db;
    dirty = changed > 0;
    counts.loaded++;
    prepareInSlices();
  };

  /** The index's lookup tables (typos, by key) built in slices once it is ready; a query or change that needs one first builds it whole. */
  let preparing = false;
  const whenPrepared: Array<() => void> = [];
  const prepareInSlices = () => {
    if (preparing || !sliced) return;
    preparing = true;
    const slice = () => {
      const deadline = performance.now() + SLICE_MS;
      // A build started meanwhile prepares its own index when it ends.
      if (building || index.prepare(() => performance.now() < deadline)) {
        preparing = false;
        for (const resolve of whenPrepared.splice(0)) resolve();
        return;
      }
      setImmediate(slice);
    };
    setImmediate(slice);
  };

  const readStored = async (): Promise<Stored | null> => {
    const bytes = await store!.readCache(SEARCH_CACHE);
    if (!bytes) return null;
    try {
      const [head, keys, terms, offsets, postings, refs, kinds] = unpackBlocks(bytes);
      const text = new TextDecoder();
      const meta = JSON.parse(text.decode(head)) as { format?: unknown; rules?: unknown; data?: unknown };
      if (meta.format !== CACHE_FORMAT || meta.rules !== SEARCH_RULES_VERSION || typeof meta.data !== 'string' || !kinds) return null;
      // Blocks sit at 4-byte boundaries in the cache: a view unless the bytes themselves do not.
      const int32 = (b: Uint8Array) => (b.byteOffset % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4) : new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
      const split = (b: Uint8Array) => {
        const s = text.decode(b);
        return s ? s.split('\n') : [];
      };
      const stored = SearchIndex.fromParts({ keys: split(keys!), kinds, terms: split(terms!), offsets: int32(offsets!), postings: int32(postings!) });
      return { index: stored, data: meta.data, refs: () => split(refs!) };
    } catch {
      return null; // damaged or of another shape: built anew, and the cache rewritten
    }
  };

  const kept: KeptIndex = {
    counts,
    prepared: () => (preparing ? new Promise<void>((resolve) => whenPrepared.push(resolve)) : Promise.resolve()),
    get ready() {
      return indexed !== null && !building && !loading;
    },
    current(db) {
      if (loading) return null;
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
      if (scheduled || loading) return;
      const db = dbOf();
      if (!db) return;
      if (!indexed && !building && store && !triedCache) {
        // First time: the cache, if there is a usable one.
        triedCache = true;
        loading = true;
        void readStored().then((stored) => {
          loading = false;
          const now = dbOf();
          if (stored && now && !building && !indexed) adopt(stored, now, stored.data === publishedVersion(store, now));
          kept.buildInSlices(dbOf, done);
        });
        return;
      }
      if (!building) {
        if (indexed) {
          apply(db);
          if (!building) {
            if (dirty && Date.now() - lastPersist > PERSIST_EVERY_MS) void kept.persist();
            return done?.();
          }
        } else start(db);
      }
      scheduled = true;
      const slice = () => {
        scheduled = false;
        if (!building) return;
        if (step(performance.now() + SLICE_MS)) {
          const now = dbOf();
          if (now) apply(now);
          if (!building) {
            void kept.persist();
            return done?.();
          }
        }
        scheduled = true;
        setImmediate(slice);
      };
      setImmediate(slice);
    },
    async persist() {
      if (!store || !indexed || building || loading || store.state !== 'ready') return false;
      let db: Database;
      try {
        db = store.db;
      } catch {
        return false; // locked
      }
      const epoch = store.cacheEpoch;
      // The data the index is brought to, named as the store names it (read in the same step as db).
      const data = store.dataVersion;
      apply(db);
      if (building || !dirty) return false;
      const parts = index.toParts();
      // Per record, the version indexed: what a later open compares when the data moved on.
      const refs: string[] = [];
      for (const name of searchedCollections) for (const r of db[name] as unknown as Iterable<Versioned>) refs.push(`${name}:${r.id}`, versionOf(r));
      const text = new TextEncoder();
      const bytes = packBlocks([
        text.encode(JSON.stringify({ format: CACHE_FORMAT, rules: SEARCH_RULES_VERSION, data, documents: parts.keys.length })),
        text.encode(parts.keys.join('\n')),
        text.encode(parts.terms.join('\n')),
        new Uint8Array(parts.offsets.buffer, parts.offsets.byteOffset, parts.offsets.byteLength),
        new Uint8Array(parts.postings.buffer, parts.postings.byteOffset, parts.postings.byteLength),
        text.encode(refs.join('\n')),
        parts.kinds!,
      ]);
      dirty = false;
      lastPersist = Date.now();
      const written = await store.writeCache(SEARCH_CACHE, bytes, epoch).catch(() => false);
      if (written) counts.persisted++;
      else dirty = true;
      return written;
    },
  };
  return kept;
}

const kept = new WeakMap<Store, KeptIndex>();
/** The one search index of a store. */
export function keptIndexOf(store: Store): KeptIndex {
  let k = kept.get(store);
  if (!k) kept.set(store, (k = createKeptIndex(store)));
  return k;
}
