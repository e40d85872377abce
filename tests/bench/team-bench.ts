/**
 * Team sync against a CouchDB-protocol server on loopback (pouchdb-server, in memory), at 1× and
 * 10× a realistic workspace:
 * - first sync (upload) of the whole workspace through Attaché — link, mirror, replicate — beside
 *   its floor: PouchDB alone replicating the same documents from memory to a fresh database;
 * - a colleague's first sync (download into an empty workspace);
 * - the delay from a save on one machine to its arrival in the other's store, beside its floor: a
 *   document put on one PouchDB arriving in another's changes feed through the same server.
 * Measured alternately with their floors, medians and p95.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend, downloadPlatform, type Backend } from '../../electron/backend';
import { writeFileDurably } from '../../electron/backend/store/durable-write';
import { serializeChunks } from '../../electron/backend/store/json-adapter';
import { DATABASE_FILE } from '../../electron/backend/store/store';
import { isConfidential, outgoing, recordDoc, sharedCollections } from '../../electron/backend/services/team/documents';
import { openMirror, openRemote, Pouch } from '../../electron/backend/services/team/mirror';
import { shareKinds } from '../../shared/features/team/link';
import type { Database } from '../../shared/schemas/database';
import { startCouchPeer, type CouchPeer } from '../peer/couch';
import { searchDatabase } from './search-data';
import { realistic } from './store-bench';
import type { DomainSize } from './generate-domain';
import { median, ms, percentile, ratio, table } from './stats';

/** Each upload's time on stderr as it ends (a 10× upload takes minutes; its row prints after all of them). */
function progress(what: string, since: number): void {
  process.stderr.write(`  team: ${what} ${ms(performance.now() - since)}\n`);
}

/** A table row, kept for the table and on stderr at once: a run killed later still gives its figures. */
function measured(rows: Array<Record<string, string>>, row: Record<string, string>): void {
  rows.push(row);
  process.stderr.write(`  team: ${Object.values(row).join(' | ')}\n`);
}

const scaled = (k: number): DomainSize => Object.fromEntries(Object.entries(realistic).map(([key, n]) => [key, n * k])) as unknown as DomainSize;
const share = [...shareKinds];

async function call(b: Backend, name: string, input: unknown): Promise<never> {
  const env = await b.dispatch(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.data as never;
}

async function untilSynced(b: Backend): Promise<void> {
  for (;;) {
    const s = (await call(b, 'team.status', {})) as { state: string; pending: number; error: unknown };
    if (s.state === 'synced' && s.pending === 0) return;
    if (s.state === 'error') throw new Error(`sync error ${JSON.stringify(s.error)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function sharedDocs(db: Database): Array<Record<string, unknown>> {
  const by = { user: 'floor', at: new Date().toISOString(), device: 'floor' };
  const out: Array<Record<string, unknown>> = [];
  for (const collection of sharedCollections(share)) {
    for (const record of db[collection] as unknown as Iterable<Record<string, unknown> & { id: string; revision: number; createdAt: string; updatedAt: string }>) {
      if (!isConfidential(record)) out.push(recordDoc(collection, outgoing(collection, record), by));
    }
  }
  return out;
}

async function floorUpload(peer: CouchPeer, docs: Array<Record<string, unknown>>, database: string): Promise<number> {
  await peer.createDatabase(database, ['anna', 'ben']);
  const t0 = performance.now();
  const { mirror } = openMirror(null);
  for (let i = 0; i < docs.length; i += 5000) await mirror.db.bulkDocs(docs.slice(i, i + 5000));
  const remote = openRemote(peer.url, database, 'anna', 'anna-pw');
  await Pouch.replicate(mirror.db, remote, { batch_size: 250 });
  const took = performance.now() - t0;
  await mirror.close();
  await remote.close();
  return took;
}

async function attacheUpload(peer: CouchPeer, dataDir: string, database: string, expected: number): Promise<{ took: number; backend: Backend }> {
  await peer.createDatabase(database, ['anna', 'ben']);
  const backend = await openBackend({ dataDir, platform: downloadPlatform });
  const t0 = performance.now();
  await call(backend, 'team.connect', { url: peer.url, database, user: 'anna', password: 'anna-pw', share });
  await untilSynced(backend);
  const took = performance.now() - t0;
  // The status said synced: the server must hold every document by then.
  const info = (await peer.request('GET', `/${database}`)).body as { doc_count: number };
  if (info.doc_count < expected) throw new Error(`synced at ${took} ms with ${info.doc_count} of ${expected} documents on the server`);
  return { took, backend };
}

/** PouchDB alone downloading the team database into an empty memory database. */
async function floorDownload(peer: CouchPeer, database: string): Promise<number> {
  const t0 = performance.now();
  const { mirror } = openMirror(null);
  const remote = openRemote(peer.url, database, 'ben', 'ben-pw');
  await Pouch.replicate(remote, mirror.db, { batch_size: 250 });
  const took = performance.now() - t0;
  await mirror.close();
  await remote.close();
  return took;
}

/** The save → arrival delay through Attaché: an edit on A until B's store has it. */
async function attacheDelay(a: Backend, b: Backend, n: number): Promise<number> {
  // Confidential cases never travel: only shared ones are edited.
  const shared = a.store.db.cases.filter((x) => x.classification !== 'confidential');
  const c = shared[n % shared.length]!;
  const title = `Bench edit ${n} ${Math.random()}`;
  const arrived = new Promise<number>((resolve) => {
    const stop = b.store.onPublish((next) => {
      const i = b.store.locate('cases', c.id);
      if (i >= 0 && next.cases.at(i)?.title === title) {
        stop();
        resolve(performance.now());
      }
    });
  });
  const t0 = performance.now();
  await call(a, 'cases.update', { id: c.id, revision: c.revision, changes: { title } });
  return (await arrived) - t0;
}

interface FloorPair {
  put(n: number): Promise<number>;
  close(): Promise<void>;
}

/** Two PouchDB clients live-syncing with the same server database: a put on one until the other's feed has it. */
async function floorPair(peer: CouchPeer, database: string): Promise<FloorPair> {
  const one = openMirror(null).mirror;
  const two = openMirror(null).mirror;
  const r1 = openRemote(peer.url, database, 'anna', 'anna-pw');
  const r2 = openRemote(peer.url, database, 'ben', 'ben-pw');
  const s1 = Pouch.sync(one.db, r1, { live: true, retry: true });
  const s2 = Pouch.sync(two.db, r2, { live: true, retry: true });
  const waiting = new Map<string, (t: number) => void>();
  const feed = two.db.changes({ live: true, since: 'now' }).on('change', (ch: { id: string }) => {
    waiting.get(ch.id)?.(performance.now());
    waiting.delete(ch.id);
  });
  return {
    async put(n) {
      const id = `floor:${n}-${Math.random()}`;
      const arrived = new Promise<number>((resolve) => waiting.set(id, resolve));
      const t0 = performance.now();
      await one.db.bulkDocs([{ _id: id, type: 'floor', record: { title: `Floor ${n}` } }]);
      return (await arrived) - t0;
    },
    async close() {
      feed.cancel();
      s1.cancel();
      s2.cancel();
      await Promise.all([one.close(), two.close(), r1.close(), r2.close()]);
    },
  };
}

export async function benchTeam(dir: string, factors: number[] = [1, 10], runs = 15): Promise<string> {
  const rows: Array<Record<string, string>> = [];
  for (const factor of factors) {
    const peer = await startCouchPeer();
    try {
      await peer.createUser('anna', 'anna-pw');
      await peer.createUser('ben', 'ben-pw');
      const db = searchDatabase(scaled(factor));
      const docs = sharedDocs(db);
      const uploads = factor >= 10 ? 1 : 2;
      const floors: number[] = [];
      const ours: number[] = [];
      let kept: Backend | null = null;
      let keptDb = '';
      for (let i = 0; i < uploads; i++) {
        const f0 = performance.now();
        floors.push(await floorUpload(peer, docs, `floor-${factor}-${i}`));
        progress(`${factor}× upload floor (${docs.length} documents)`, f0);
        const dataDir = join(dir, `team-${factor}-${i}`);
        await mkdir(dataDir, { recursive: true });
        await writeFileDurably(join(dataDir, DATABASE_FILE), serializeChunks(db));
        const up = await attacheUpload(peer, dataDir, `team-${factor}-${i}`, docs.length);
        ours.push(up.took);
        progress(`${factor}× upload through Attaché`, performance.now() - up.took);
        if (kept) await kept.close();
        kept = up.backend;
        keptDb = `team-${factor}-${i}`;
      }
      const a = kept!;
      measured(rows, {
        measure: `first sync, upload (${docs.length.toLocaleString('en')} documents) ${factor}×`,
        attaché: `${ms(median(ours))} · ${Math.round(docs.length / (median(ours) / 1000)).toLocaleString('en')} docs/s`,
        floor: `${ms(median(floors))} PouchDB alone`,
        ratio: ratio(median(ours), median(floors)),
      });

      // A colleague's first sync into an empty workspace.
      const sharedCases = db.cases.filter((c) => c.classification !== 'confidential').length;
      const bDir = join(dir, `team-${factor}-colleague`);
      const b = await openBackend({ dataDir: bDir, platform: downloadPlatform });
      await call(b, 'workspace.initialize', { sample: false });
      const t0 = performance.now();
      await call(b, 'team.connect', { url: peer.url, database: keptDb, user: 'ben', password: 'ben-pw', share });
      await untilSynced(b);
      for (;;) {
        // Every shared record has arrived (Confidential ones never travel).
        if (b.store.db.contacts.length >= db.contacts.length && b.store.db.cases.length >= sharedCases) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const down = performance.now() - t0;
      const downFloor = await floorDownload(peer, keptDb);
      measured(rows, {
        measure: `first sync, download into an empty workspace ${factor}×`,
        attaché: `${ms(down)} · ${Math.round(docs.length / (down / 1000)).toLocaleString('en')} docs/s`,
        floor: `${ms(downFloor)} PouchDB alone`,
        ratio: ratio(down, downFloor),
      });

      // Save → arrival, alternately with the floor pair on its own database.
      await peer.createDatabase(`pair-${factor}`, ['anna', 'ben']);
      const pair = await floorPair(peer, `pair-${factor}`);
      const delays: number[] = [];
      const floorDelays: number[] = [];
      await pair.put(-1);
      for (let n = 0; n < runs; n++) {
        floorDelays.push(await pair.put(n));
        delays.push(await attacheDelay(a, b, n));
      }
      await pair.close();
      measured(rows, {
        measure: `save → arrival on the colleague's machine ${factor}×`,
        attaché: `${ms(median(delays))} (p95 ${ms(percentile(delays, 95))})`,
        floor: `${ms(median(floorDelays))} (p95 ${ms(percentile(floorDelays, 95))}) PouchDB alone`,
        ratio: ratio(median(delays), median(floorDelays)),
      });
      await a.close();
      await b.close();
    } finally {
      await peer.stop();
    }
  }
  return table(rows);
}
