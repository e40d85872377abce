/**
 * The search index kept between sessions (the store's cache beside the database): read at open and
 * brought up to date with edits made meanwhile; unreadable or damaged, built anew; encrypted with
 * the workspace's key once a passphrase is set (no plain copy left); gone when a person is erased.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptIndexOf } from '../../electron/backend/services/search/kept';
import { buildTrip } from '../fixtures/trip';
import { linearScan } from './helpers/search';
import { openTestBackend, type TestBackend } from './helpers/workspace';

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
