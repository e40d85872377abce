/**
 * Search at a realistic size and at 10×: (1) the index of our own beside MiniSearch and FlexSearch
 * on the same documents (build, then typed queries measured alternately, medians and p95); (2) the
 * index's update per save through a real store; (3) opening the workspace until the index is ready
 * (read from its cache — used as it is when written at the data opened, else reconciled — and the
 * lookup tables it builds in idle slices after), beside reading and parsing the same database file.
 */
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { Document as FlexDocument, Encoder } from 'flexsearch';
import { openBackend, downloadPlatform, type Backend } from '../../electron/backend';
import { keptIndexOf } from '../../electron/backend/services/search/kept';
import { writeFileDurably } from '../../electron/backend/store/durable-write';
import { serializeChunks } from '../../electron/backend/store/json-adapter';
import { DATABASE_FILE, Store } from '../../electron/backend/store/store';
import { documentSources, foldForSearch, searchedCollections, type SearchDocument } from '../../shared/features/search/documents';
import { SearchIndex } from '../../shared/features/search/engine';
import type { Database } from '../../shared/schemas/database';
import type { DomainSize } from './generate-domain';
import { searchDatabase } from './search-data';
import { median, ms, percentile, ratio, table } from './stats';

const realistic: DomainSize = { cases: 500, contacts: 5_000, organisations: 500, notes: 1_000, activities: 2_000, tasks: 1_000 };
const scaled = (k: number): DomainSize => Object.fromEntries(Object.entries(realistic).map(([key, n]) => [key, n * k])) as unknown as DomainSize;

/** What an advisor types, letter by letter and whole: names, places, topics, two words, a typo, folded spellings. */
const TYPED = ['m', 'mu', 'mul', 'mull', 'muller', 'a', 'ac', 'acc', 'accra', 'workshop', 'kick', 'climate adapt', 'institute for', 'delegation visit', 'qantum', 'hydrogen roadmap', 'lodz', 'thessaloniki', 'berger', 'young scientists'];

function documents(db: Database): SearchDocument[] {
  const out: SearchDocument[] = [];
  for (const name of searchedCollections) for (const r of db[name] as Iterable<unknown>) out.push(...(documentSources[name] as (x: unknown) => SearchDocument[])(r));
  return out;
}

interface Engine {
  name: string;
  build(docs: SearchDocument[]): void;
  /** Counts per kind and the best 5 of each, as the palette asks. */
  query(text: string): number;
}

function ownEngine(): Engine {
  let index = new SearchIndex();
  return {
    name: 'own (shared/features/search/engine.ts)',
    build(docs) {
      index = new SearchIndex();
      for (const d of docs) index.add(d);
      index.prepareTypos();
    },
    query: (text) => index.search(text, { perKind: 5 }).total,
  };
}

function miniSearchEngine(): Engine {
  let ms: MiniSearch<SearchDocument> | null = null;
  return {
    name: 'MiniSearch 7.2',
    build(docs) {
      ms = new MiniSearch<SearchDocument>({ idField: 'key', fields: ['title', 'body'], storeFields: ['kind'], tokenize: (s) => s.match(/[\p{L}\p{N}]+/gu) ?? [], processTerm: (t) => foldForSearch(t) });
      ms.addAll(docs);
    },
    query(text) {
      const hits = ms!.search(text, { prefix: true, fuzzy: (t) => (t.length >= 4 ? 1 : false), combineWith: 'AND', boost: { title: 3 } });
      // The palette's shape: counts per kind and the best few of each.
      const perKind = new Map<string, number>();
      for (const h of hits) perKind.set(h['kind'] as string, (perKind.get(h['kind'] as string) ?? 0) + 1);
      return hits.length;
    },
  };
}

function flexSearchEngine(): Engine {
  let fx: FlexDocument | null = null;
  return {
    name: 'FlexSearch 0.8 (forward)',
    build(docs) {
      fx = new FlexDocument({ document: { id: 'key', index: ['title', 'body'] }, tokenize: 'forward', encoder: new Encoder({ normalize: (s: string) => foldForSearch(s) } as never) } as never);
      for (const d of docs) fx.add(d as never);
    },
    query(text) {
      const r = fx!.search(text, { limit: 100_000 } as never) as unknown as Array<{ result: unknown[] }>;
      return r.reduce((n, x) => n + x.result.length, 0);
    },
  };
}

async function engines(k: number, runs: number): Promise<Array<Record<string, string>>> {
  const docs = documents(searchDatabase(scaled(k)));
  const list = [ownEngine(), miniSearchEngine(), flexSearchEngine()];
  const builds = list.map(() => [] as number[]);
  const queries = list.map(() => [] as number[]);
  for (let round = 0; round < 2; round++) {
    list.forEach((e, i) => {
      const t0 = performance.now();
      e.build(docs);
      builds[i]!.push(performance.now() - t0);
    });
  }
  // Each typed query on each engine in turn, `runs` rounds.
  for (let r = 0; r < runs; r++) {
    for (const text of TYPED) {
      list.forEach((e, i) => {
        const t0 = performance.now();
        e.query(text);
        queries[i]!.push(performance.now() - t0);
      });
    }
  }
  return list.map((e, i) => ({
    size: `${k}× (${docs.length.toLocaleString('en')} documents)`,
    engine: e.name,
    build: ms(median(builds[i]!)),
    'typed query median': ms(median(queries[i]!)),
    'p95 (goal ≤ 5 ms at 10×)': ms(percentile(queries[i]!, 95)),
    'p95 ÷ own': ratio(percentile(queries[i]!, 95), percentile(queries[0]!, 95)),
  }));
}

async function writeSearchWorkspace(dir: string, k: number): Promise<string> {
  const dataDir = join(dir, `search-${k}x`);
  await mkdir(dataDir, { recursive: true });
  const db = searchDatabase(scaled(k));
  await writeFileDurably(join(dataDir, DATABASE_FILE), serializeChunks(db));
  // The floor: the same data as JSON.stringify writes it (UTF-8; the store's file escapes characters beyond ASCII).
  await writeFileDurably(join(dataDir, 'floor-plain.json'), JSON.stringify(db));
  await (await Store.open({ dataDir })).close(); // seals, writes the first backup
  return dataDir;
}

/**
 * Opens the workspace and gets the index ready as the warm-up does (its cache read and reconciled,
 * else built in slices). The app's warm-up also prepares the dashboard and matchmaking then; their
 * costs are in their own sections.
 */
async function openReady(dataDir: string, indexPart?: number[]): Promise<Backend> {
  const b = await openBackend({ dataDir, platform: downloadPlatform });
  const t0 = performance.now();
  await new Promise<void>((resolve) => keptIndexOf(b.store).buildInSlices(() => b.store.db, resolve));
  indexPart?.push(performance.now() - t0);
  return b;
}

/** Per save through the store: the save, and bringing the index up to date with it (what the next search does first). */
async function saves(dataDir: string, runs: number) {
  const b = await openReady(dataDir);
  const kept = keptIndexOf(b.store);
  const save: number[] = [];
  const index: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = b.store.db.contacts.at((i * 977) % b.store.db.contacts.length)!;
    let t0 = performance.now();
    const out = await b.dispatch('contacts.update', { id: c.id, revision: c.revision, changes: { notes: `Met at the workshop in Accra, round ${i}.` } });
    save.push(performance.now() - t0);
    if (!out.ok) throw new Error(out.error.message);
    t0 = performance.now();
    kept.current(b.store.db);
    index.push(performance.now() - t0);
  }
  await b.close();
  return { save, index };
}

/** Open until the index is ready (from its cache), alternated with reading and parsing the same file. */
async function opens(dataDir: string, runs: number) {
  // The cache as the app leaves it: built once, written.
  const first = await openReady(dataDir);
  await keptIndexOf(first.store).persist();
  await first.close();
  const open: number[] = [];
  const floor: number[] = [];
  const cold: number[] = [];
  const prepare: number[] = [];
  const indexPart: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    JSON.parse(await readFile(join(dataDir, 'floor-plain.json'), 'utf8'));
    floor.push(performance.now() - t0);
    t0 = performance.now();
    const b = await openReady(dataDir, indexPart);
    open.push(performance.now() - t0);
    if (keptIndexOf(b.store).counts.loaded !== 1) throw new Error('the bench expected the index from its cache');
    // Deferred, not gone: the lookup tables the index builds in idle slices once ready (then nothing else runs).
    t0 = performance.now();
    await keptIndexOf(b.store).prepared();
    prepare.push(performance.now() - t0);
    await b.close();
  }
  // Without the cache (first open after an upgrade, or a damaged cache): built in slices.
  for (let i = 0; i < 2; i++) {
    await unlink(join(dataDir, 'attache.search-index.cache'));
    const t0 = performance.now();
    const b = await openReady(dataDir);
    cold.push(performance.now() - t0);
    if (keptIndexOf(b.store).counts.builds !== 1) throw new Error('the bench expected the index built anew');
    await keptIndexOf(b.store).persist();
    await b.close();
  }
  return { open, floor, cold, prepare, indexPart };
}

export async function benchSearch(dir: string, runs: number, factors: number[] = [1, 10]): Promise<string> {
  const out: string[] = [];
  const engineRows: Array<Record<string, string>> = [];
  for (const k of factors) engineRows.push(...(await engines(k, runs)));
  out.push('Engines on the same documents: build, then the typed queries (counts per kind and the best 5 of each), alternated', table(engineRows), '');
  const rows: Array<Record<string, string>> = [];
  for (const k of factors) {
    const dataDir = await writeSearchWorkspace(dir, k);
    const s = await saves(dataDir, Math.max(20, runs));
    const o = await opens(dataDir, Math.max(3, Math.round(runs / 3)));
    rows.push({
      size: `${k}×`,
      'save (median / p95)': `${ms(median(s.save))} / ${ms(percentile(s.save, 95))}`,
      'index update per save (median / p95, goal ≤ 2 ms)': `${ms(median(s.index))} / ${ms(percentile(s.index, 95))}`,
      'open + index ready': ms(median(o.open)),
      'floor read+parse': ms(median(o.floor)),
      'open+ready ÷ floor (goal ≤ 1.3×)': ratio(median(o.open), median(o.floor)),
      'of which index, once the store is open': ms(median(o.indexPart)),
      'then lookup tables, idle slices': ms(median(o.prepare)),
      'open + index built, no cache': ms(median(o.cold)),
    });
  }
  out.push('Through the backend: saves, and open until the index is ready', table(rows));
  return out.join('\n');
}
