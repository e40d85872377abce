/**
 * The search index kept between sessions (the store's cache beside the database): read at open and
 * brought up to date with edits made meanwhile; unreadable or damaged, built anew; encrypted with
 * the workspace's key once a passphrase is set (no plain copy left); gone when a person is erased.
 * Used as it is only when written at exactly the data opened: every way the data can move on
 * without the cache (an edit and a kill before it is written again, a restore, a file edited or a
 * journal put back by hand, an erasure, the team's changes) leads to the record-by-record comparison.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptIndexOf } from '../../electron/backend/services/search/kept';
import { buildTrip } from '../fixtures/trip';
import { linearScan } from './helpers/search';
import { teamHelpers } from './helpers/team';
import { openTestBackend, tempDir, type TestBackend } from './helpers/workspace';
import { startCouchPeer } from '../peer/couch';

const CACHE = 'attache.search-index.cache';
const PASS = 'correct horse battery staple';
const open: TestBackend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
async function backend(opts: Parameters<typeof openTestBackend>[0] = {}) {
  const b = await openTestBackend(opts);
  open.push(b);
  return b;
}
async function closeAll() {
  while (open.length) await open.pop()!.close();
}

const keys = (b: TestBackend, q: string) =>
  keptIndexOf(b.store)
    .current(b.store.db)!
    .search(q, { limit: 100_000 })
    .hits.map((h) => h.key)
    .sort();

/** Opens with the warm-up (as the shells do) and waits until the index is ready. */
async function openWarm(dataDir?: string) {
  const b = await backend({ ...(dataDir ? { dataDir } : {}), warmWhenIdleMs: 10 });
  await vi.waitFor(() => expect(keptIndexOf(b.store).ready).toBe(true), { timeout: 10_000, interval: 10 });
  return b;
}

/**
 * Closes `first` cleanly and as if killed (an image of its folder), reopens each, and expects the
 * cache compared record by record (not trusted) and `word` to find exactly `expected`.
 */
async function comparedOnReopen(first: TestBackend, words: string[], word: string, expected: string[]) {
  const killed = await killImage(first);
  const dataDir = first.dataDir;
  await closeAll();
  for (const dir of [dataDir, killed]) {
    const { b, counts } = await reopenMatches(dir, words);
    expect(counts).toMatchObject({ loaded: 1, reconciled: 1 });
    expect(keys(b, word)).toEqual(expected);
    await closeAll();
  }
}

describe('the search index kept between sessions', () => {
  it('is read at open and brought up to date with what changed while it was not running', async () => {
    const first = await openWarm();
    const { people, caseA } = await buildTrip(first, 3);
    await first.call('contacts.create', { contact: { givenName: 'Zofia', familyName: 'Wiśniewska' }, positions: [] });
    expect(await keptIndexOf(first.store).persist()).toBe(true);
    const dataDir = first.dataDir;
    await closeAll();
    expect((await readdir(dataDir)).includes(CACHE)).toBe(true);

    // Meanwhile, without the warm-up (nothing reads or writes the cache): an edit, a new record, a deletion.
    const other = await backend({ dataDir });
    const kwame = other.store.db.contacts.find((c) => c.id === people[1]!.id)!;
    await other.call('contacts.update', { id: kwame.id, revision: kwame.revision, changes: { familyName: 'Quarshie' } });
    await other.call('tasks.create', { caseId: caseA.id, title: 'Book the kingfisher room' });
    const zofia = other.store.db.contacts.find((c) => c.familyName === 'Wiśniewska')!;
    await other.call('contacts.delete', { id: zofia.id, revision: zofia.revision });
    await closeAll();

    const b = await openWarm(dataDir);
    const kept = keptIndexOf(b.store);
    expect(kept.counts).toMatchObject({ loaded: 1, builds: 0 });
    for (const q of ['quarshie', 'mensah', 'kingfisher', 'wisniewska', 'insist supervision', 'coastal', 'nairobi']) expect(keys(b, q), q).toEqual(linearScan(b.store.db, q));
    expect(keys(b, 'quarshie')).toEqual([`contact:${kwame.id}`]);
    expect(keys(b, 'wisniewska')).toEqual([]);
  });

  it('a damaged cache is not used: the index is built anew and the cache rewritten', async () => {
    const first = await openWarm();
    await buildTrip(first, 2);
    await keptIndexOf(first.store).persist();
    const dataDir = first.dataDir;
    await closeAll();
    const bytes = await readFile(join(dataDir, CACHE));
    bytes.fill(7, 40, 200);
    await writeFile(join(dataDir, CACHE), bytes);
    const b = await openWarm(dataDir);
    expect(keptIndexOf(b.store).counts).toMatchObject({ loaded: 0, builds: 1 });
    expect(keys(b, 'kwame')).toEqual(linearScan(b.store.db, 'kwame'));
    await vi.waitFor(() => expect(keptIndexOf(b.store).counts.persisted).toBe(1), { timeout: 5000, interval: 10 });
  });

  it('once a passphrase is set the cache is encrypted: the plain one is gone, no word is readable, and it is read back after unlocking', async () => {
    const first = await openWarm();
    await buildTrip(first, 2);
    await first.call('contacts.create', { contact: { givenName: 'Ngozi', familyName: 'Okonkwo-Adebayo' }, positions: [] });
    await keptIndexOf(first.store).persist();
    expect((await readFile(join(first.dataDir, CACHE))).includes('okonkwo')).toBe(true);
    await first.call('workspace.setPassphrase', { current: null, next: PASS });
    expect((await readdir(first.dataDir)).includes(CACHE)).toBe(false);
    await first.call('contacts.create', { contact: { givenName: 'Chidi', familyName: 'Eze' }, positions: [] });
    expect(await keptIndexOf(first.store).persist()).toBe(true);
    const cache = await readFile(join(first.dataDir, CACHE));
    for (const word of ['okonkwo', 'ngozi', 'kwame', 'mensah', 'chidi', 'nairobi']) expect(cache.includes(word), word).toBe(false);
    const dataDir = first.dataDir;
    await closeAll();

    const b = await backend({ dataDir, warmWhenIdleMs: 10 });
    expect(b.store.state).toBe('locked');
    await b.call('workspace.unlock', { passphrase: PASS });
    await vi.waitFor(() => expect(keptIndexOf(b.store).ready).toBe(true), { timeout: 10_000, interval: 10 });
    expect(keptIndexOf(b.store).counts).toMatchObject({ loaded: 1, builds: 0 });
    expect(keys(b, 'okonkwo')).toHaveLength(1);
  });

  it('erasing a person removes the cache that held their words', async () => {
    const b = await openWarm();
    const person = await b.call('contacts.create', { contact: { givenName: 'Oluwaseun', familyName: 'Xylander' }, positions: [] });
    await keptIndexOf(b.store).persist();
    expect((await readFile(join(b.dataDir, CACHE))).includes('xylander')).toBe(true);
    await b.call('contacts.erase', { id: person.id, revision: person.revision });
    expect((await readdir(b.dataDir)).includes(CACHE)).toBe(false);
    expect(keys(b, 'xylander')).toEqual([]);
    // Written again from the index as it is now.
    expect(await keptIndexOf(b.store).persist()).toBe(true);
    expect((await readFile(join(b.dataDir, CACHE))).includes('xylander')).toBe(false);
  });
});

/** The files as a kill leaves them (the journal is on disk before a change is published), in a folder of their own. */
async function killImage(b: TestBackend): Promise<string> {
  const dir = await tempDir();
  await cp(b.dataDir, dir, { recursive: true, filter: (src) => !src.endsWith('attache.lock') });
  return dir;
}

/** A session without the warm-up: the index built and written when the test says so, never in the background. */
async function quiet(dataDir?: string) {
  return backend(dataDir ? { dataDir } : {});
}
async function writeIndex(b: TestBackend) {
  keptIndexOf(b.store).finish(b.store.db);
  expect(await keptIndexOf(b.store).persist()).toBe(true);
}

/** Opens with the warm-up and checks the index against a scan of the records for `words`. */
async function reopenMatches(dataDir: string, words: string[]) {
  const b = await openWarm(dataDir);
  for (const q of words) expect(keys(b, q), q).toEqual(linearScan(b.store.db, q));
  return { b, counts: keptIndexOf(b.store).counts };
}

async function rename(b: TestBackend, id: string, familyName: string) {
  const c = b.store.db.contacts.find((x) => x.id === id)!;
  await b.call('contacts.update', { id, revision: c.revision, changes: { familyName } });
}

describe('the cache is used as it is only when written at exactly the data opened', () => {
  const WORDS = ['quarshie', 'okafor', 'mensah', 'kwame', 'nairobi'];

  it('nothing changed since it was written: used without comparing, also after the compaction at close', async () => {
    const first = await quiet();
    await buildTrip(first, 3);
    await writeIndex(first);
    const dataDir = first.dataDir;
    await closeAll(); // folds the journal into a new snapshot: other file, same data
    const { counts } = await reopenMatches(dataDir, WORDS);
    expect(counts).toMatchObject({ loaded: 1, reconciled: 0, builds: 0 });
  });

  it('an edit after it was written: compared, whether the app closed cleanly or was killed before writing it again', async () => {
    const first = await quiet();
    const { people } = await buildTrip(first, 3);
    await writeIndex(first);
    await rename(first, people[1]!.id, 'Quarshie');
    await comparedOnReopen(first, WORDS, 'quarshie', [`contact:${people[1]!.id}`]);
  });

  it('a backup restored after it was written: compared', async () => {
    const first = await quiet();
    const { people } = await buildTrip(first, 3);
    await first.call('workspace.backupNow', {});
    const backup = (await first.call('workspace.backups', { verify: false }))[0]!;
    await rename(first, people[1]!.id, 'Quarshie');
    await writeIndex(first);
    await first.call('workspace.restoreBackup', { file: backup.file });
    await comparedOnReopen(first, WORDS, 'quarshie', []);
  });

  it('the database file edited by hand (its identity unchanged): the cache is dropped and the index built anew', async () => {
    const first = await quiet();
    const { people } = await buildTrip(first, 3);
    await writeIndex(first);
    const dataDir = first.dataDir;
    await closeAll();
    const file = join(dataDir, 'attache.json');
    const text = await readFile(file, 'utf8');
    const kwame = people[1]!;
    expect(text.includes(`"familyName":"${kwame.familyName}"`)).toBe(true);
    await writeFile(file, text.replace(`"familyName":"${kwame.familyName}"`, '"familyName":"Quarshie"'));
    const { b, counts } = await reopenMatches(dataDir, WORDS);
    expect(counts).toMatchObject({ loaded: 0, builds: 1 });
    expect(keys(b, 'quarshie')).toEqual([`contact:${kwame.id}`]);
  });

  it('a journal of the same snapshot with other changes under the same numbers (a folder put back): compared', async () => {
    const first = await quiet();
    const { people } = await buildTrip(first, 3);
    await closeAll();
    const first2 = await quiet(first.dataDir);
    const before = await killImage(first2); // the folder as it was, copied aside
    await rename(first2, people[1]!.id, 'Quarshie');
    await writeIndex(first2);
    const cache = await readFile(join(first2.dataDir, CACHE));
    await closeAll();
    // The copy goes on its own way: its change takes the same number as "Quarshie" did.
    const other = await quiet(before);
    await rename(other, people[1]!.id, 'Okafor');
    await closeAll();
    await writeFile(join(before, CACHE), cache);
    const { b, counts } = await reopenMatches(before, WORDS);
    expect(counts).toMatchObject({ loaded: 1, reconciled: 1 });
    expect(keys(b, 'quarshie')).toEqual([]);
    expect(keys(b, 'okafor')).toEqual([`contact:${people[1]!.id}`]);
  });

  it('an erasure after it was written: the cache is gone, also when the app is killed right after', async () => {
    const first = await quiet();
    await buildTrip(first, 2);
    const person = await first.call('contacts.create', { contact: { givenName: 'Oluwaseun', familyName: 'Xylander' }, positions: [] });
    await writeIndex(first);
    await first.call('contacts.erase', { id: person.id, revision: person.revision });
    const killed = await killImage(first);
    await closeAll();
    const { b, counts } = await reopenMatches(killed, [...WORDS, 'xylander']);
    expect(counts).toMatchObject({ loaded: 0, builds: 1 });
    expect(keys(b, 'xylander')).toEqual([]);
  });

  it("the team's changes applied after it was written: compared", { timeout: 120_000 }, async () => {
    const peer = await startCouchPeer();
    try {
      await peer.createUser('anna', 'anna-pw');
      await peer.createUser('ben', 'ben-pw');
      const { newTeamDb, link, synced } = teamHelpers(() => peer, 'search');
      const database = await newTeamDb();
      const a = await quiet();
      const b = await quiet();
      await link(a, database, 'anna');
      await link(b, database, 'ben');
      await writeIndex(b);
      const made = await a.call('contacts.create', { contact: { givenName: 'Efua', familyName: 'Quarshie' }, positions: [] });
      await synced(a);
      await vi.waitFor(() => expect(b.store.db.contacts.some((c) => c.id === made.id)).toBe(true), { timeout: 30_000, interval: 50 });
      const killed = await killImage(b);
      await closeAll();
      const { b: reopened, counts } = await reopenMatches(killed, WORDS);
      expect(counts).toMatchObject({ loaded: 1, reconciled: 1 });
      expect(keys(reopened, 'quarshie')).toEqual([`contact:${made.id}`]);
    } finally {
      await closeAll();
      await peer.stop();
    }
  });
});
