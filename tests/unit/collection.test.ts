/**
 * The chunked record list the store keeps each collection in: it must read exactly like the array
 * it replaces, and a save through immer must copy only the chunk it touches — that property is what
 * makes a save cost independent of the workspace's size (issue 11), so it is checked here directly,
 * in the list itself, in the journal's diff and through the real store and contacts service.
 */
import { describe, expect, it, vi } from 'vitest';
import { freeze, Immer } from 'immer';
import { Collection, CHUNK } from '../../shared/schemas/collection';
import { diffDatabase } from '../../electron/backend/store/journal';
import { Store } from '../../electron/backend/store/store';
import { ContactRecord } from '../../shared/features/contacts/schema';
import { openTestBackend } from './helpers/workspace';

type Rec = { id: string; n: number };
const records = (count: number, from = 0): Rec[] => Array.from({ length: count }, (_, i) => ({ id: `r${from + i}`, n: from + i }));
const immer = new Immer({ autoFreeze: false });

describe('Collection', () => {
  it('reads like the array of its records: order, length, at, and every array method it offers', () => {
    const all = records(2 * CHUNK + 17);
    const c = Collection.from(all);
    expect(c.chunks.map((k) => k.length)).toEqual([CHUNK, CHUNK, 17]);
    expect(c.length).toBe(all.length);
    expect([...c]).toEqual(all);
    expect(c.toArray()).toEqual(all);
    expect(JSON.parse(JSON.stringify({ list: c }))).toEqual({ list: all });
    for (const i of [0, CHUNK - 1, CHUNK, 2 * CHUNK + 16, -1, -(2 * CHUNK + 17)]) expect(c.at(i)).toBe(all.at(i));
    for (const i of [2 * CHUNK + 17, -(2 * CHUNK + 18), 1.5]) expect(c.at(i)).toBeUndefined();
    const odd = (r: Rec) => r.n % 3 === 1;
    expect(c.filter(odd)).toEqual(all.filter(odd));
    expect(c.map((r, i) => r.n * 2 + i)).toEqual(all.map((r, i) => r.n * 2 + i));
    expect(c.flatMap((r) => (r.n % 1000 === 0 ? [r.id, r.id] : []))).toEqual(all.flatMap((r) => (r.n % 1000 === 0 ? [r.id, r.id] : [])));
    expect(c.find((r) => r.n === CHUNK + 5)).toBe(all[CHUNK + 5]);
    expect(c.findIndex((r) => r.n === 2 * CHUNK + 3)).toBe(2 * CHUNK + 3);
    expect(c.findIndex(() => false)).toBe(-1);
    expect(c.some((r) => r.id === 'r8000')).toBe(true);
    expect(c.some((r) => r.id === 'r9000')).toBe(false);
    expect(c.every((r) => r.n >= 0)).toBe(true);
    expect(c.every((r) => r.n < CHUNK)).toBe(false);
    expect(c.reduce((sum, r) => sum + r.n, 0)).toBe(all.reduce((sum, r) => sum + r.n, 0));
    const seen: number[] = [];
    c.forEach((_r, i) => seen.push(i));
    expect(seen).toEqual(all.map((_r, i) => i));
    expect(new Collection<Rec>().length).toBe(0);
  });

  it('an edit through immer copies one chunk; every other chunk stays the same object, and the base is untouched', () => {
    const base = { list: Collection.from(records(3 * CHUNK)) };
    freeze(base, true);
    const edited = { id: `r${CHUNK + 7}`, n: -1 };
    const next = immer.produce(base, (draft) => {
      draft.list.set(CHUNK + 7, edited);
    });
    expect(next.list).toBeInstanceOf(Collection);
    expect(next.list.chunks.map((k, i) => k === base.list.chunks[i])).toEqual([true, false, true]);
    expect(next.list.at(CHUNK + 7)).toBe(edited);
    expect(base.list.at(CHUNK + 7)).toEqual({ id: `r${CHUNK + 7}`, n: CHUNK + 7 });
    expect(() => immer.produce(base, (draft) => draft.list.set(3 * CHUNK, edited))).toThrow(RangeError);
  });

  it('push fills the last chunk (copying only it) and starts a new chunk when it is full', () => {
    const base = { list: Collection.from(records(CHUNK + CHUNK - 1)) };
    const once = immer.produce(base, (draft) => {
      draft.list.push({ id: 'new1', n: 1 });
    });
    expect(once.list.chunks.map((k) => k.length)).toEqual([CHUNK, CHUNK]);
    expect(once.list.chunks[0]).toBe(base.list.chunks[0]);
    const twice = immer.produce(once, (draft) => {
      draft.list.push({ id: 'new2', n: 2 });
    });
    expect(twice.list.chunks.map((k) => k.length)).toEqual([CHUNK, CHUNK, 1]);
    expect(twice.list.chunks.slice(0, 2)).toEqual(once.list.chunks);
    expect(twice.list.chunks[1]).toBe(once.list.chunks[1]);
    expect(base.list.length).toBe(2 * CHUNK - 1);
  });

  it('rebuild removes, replaces and appends, shares every chunk it did not change, and never modifies the original', () => {
    const original = Collection.from(records(3 * CHUNK - 2));
    freeze(original, true);
    for (const chunk of original.chunks) Object.freeze(chunk);
    const replaced = { id: 'r5', n: 500 };
    const next = original.rebuild((r) => (r.id === 'r3' ? null : r.id === 'r5' ? replaced : r), records(5, 100_000));
    expect(next.chunks[1]).toBe(original.chunks[1]);
    expect(next.chunks[0]).not.toBe(original.chunks[0]);
    expect(next.length).toBe(original.length - 1 + 5);
    expect(next.toArray()).toEqual([...original.toArray().filter((r) => r.id !== 'r3').map((r) => (r.id === 'r5' ? replaced : r)), ...records(5, 100_000)]);
    expect(next.chunks.every((k) => k.length > 0 && k.length <= CHUNK)).toBe(true);
    expect(original.length).toBe(3 * CHUNK - 2);
    const same = original.rebuild((r) => r);
    expect(same.chunks.every((k, i) => k === original.chunks[i])).toBe(true);
    expect(original.rebuild(() => null).chunks).toEqual([]);
  });

  it('the journal diff names exactly the records that changed, comparing only the chunks that differ', () => {
    const before = { schemaVersion: 1, list: Collection.from(records(3 * CHUNK)) };
    const edit = immer.produce(before, (d) => {
      d.list.set(2 * CHUNK + 1, { id: `r${2 * CHUNK + 1}`, n: 0 });
      d.list.push({ id: 'added', n: 0 });
    });
    expect(diffDatabase(before, edit)).toEqual({ c: { list: { put: [{ id: `r${2 * CHUNK + 1}`, n: 0 }, { id: 'added', n: 0 }] } } });
    const removal = { ...before, list: before.list.rebuild((r) => (r.id === 'r10' || r.id === `r${CHUNK * 2}` ? null : r)) };
    expect(diffDatabase(before, removal)).toEqual({ c: { list: { del: ['r10', `r${CHUNK * 2}`] } } });
    expect(diffDatabase(before, { ...before, list: before.list.rebuild((r) => r) })).toBeNull();
  });

  it('a save through the real store and contacts service shares every chunk of the list but the one it edits', async () => {
    const b = await openTestBackend();
    const stamp = '2026-01-01T00:00:00.000Z';
    const people = Array.from({ length: 2 * CHUNK + 10 }, (_, i) =>
      ContactRecord.parse({ id: `c-${i}`, createdAt: stamp, updatedAt: stamp, revision: 1, givenName: `P${i}`, familyName: 'Test' }),
    );
    await b.store.update((draft) => {
      draft.contacts.push(...people);
    });
    const before = b.store.db.contacts;
    expect(before.chunks.length).toBe(3);
    const target = before.at(CHUNK + 3)!;
    await b.call('contacts.update', { id: target.id, revision: target.revision, changes: { notes: 'edited' } });
    const after = b.store.db.contacts;
    expect(after.chunks.map((k, i) => k === before.chunks[i])).toEqual([true, false, true]);
    expect(after.at(CHUNK + 3)).toMatchObject({ id: target.id, notes: 'edited', revision: 2 });
    // What the next start sees: snapshot + journal replayed.
    await b.store.flush();
    const reread = await Store.peek(b.dataDir);
    expect(reread.contacts.at(CHUNK + 3)).toMatchObject({ id: target.id, notes: 'edited' });
    expect(reread.contacts.length).toBe(2 * CHUNK + 10);
  });

  it('in production the store freezes the records after an open, a chunk per turn, so the open does not wait for it', async () => {
    vi.resetModules();
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const { freezeDatabase } = await import('../../electron/backend/store/freeze');
      const { toDatabase, emptyDatabaseFile } = await import('../../shared/schemas/database');
      const db = toDatabase({ ...emptyDatabaseFile(), contacts: records(3 * CHUNK) as never });
      freezeDatabase(db);
      expect(Object.isFrozen(db)).toBe(true);
      expect(Object.isFrozen(db.settings)).toBe(true);
      expect(Object.isFrozen(db.contacts.at(0))).toBe(false); // not yet: the open returned first
      await vi.waitFor(() => expect(db.contacts.every((r) => Object.isFrozen(r))).toBe(true));
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
