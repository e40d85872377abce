/**
 * What the store publishes is frozen (freeze.ts): every record deeply, at once outside production
 * and in slices after the open in production, where the open must not wait for it (`later`,
 * passed here: tests run outside production). Checked directly: the JSON walk freezes everything a
 * record holds, the slices reach every record, and a closed store's slices stop (they kept a
 * closed workspace's data alive).
 */
import { describe, expect, it } from 'vitest';
import { emptyDatabase } from '../../shared/schemas/database';
import { Collection, CHUNK } from '../../shared/schemas/collection';
import { freeze, freezeDatabase, stopFreezing } from '../../electron/backend/store/freeze';

const record = (i: number) => ({ id: `c${i}`, name: { first: 'Ada', last: `L${i}` }, tags: ['a', { deep: [1, { deeper: true }] }], n: i, none: null });

/** Lets the freezing slices (one per setImmediate) run until `done` or `turns` turns have passed. */
async function turns(n: number) {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

describe('freezing published data', () => {
  it('freezes JSON data all the way down, and leaves frozen parts and primitives as they are', async () => {
    const shared = Object.freeze({ kept: { inner: 1 } }); // frozen on top only: the walk stops there
    const value = { ...record(1), shared };
    freeze(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.name)).toBe(true);
    expect(Object.isFrozen(value.tags)).toBe(true);
    expect(Object.isFrozen(value.tags[1])).toBe(true);
    const deep = (value.tags[1] as { deep: [number, { deeper: boolean }] }).deep;
    expect(Object.isFrozen(deep)).toBe(true);
    expect(Object.isFrozen(deep[1])).toBe(true);
    expect(Object.isFrozen(shared.kept)).toBe(false);
    expect(() => freeze(null)).not.toThrow();
    expect(() => freeze('text')).not.toThrow();
  });

  it('in production (later), freezes every record after the open, in slices, and stops for a closed store', async () => {
    const count = CHUNK * 3 + 5;
    const make = () => {
      const db = emptyDatabase();
      return { ...db, contacts: Collection.from(Array.from({ length: count }, (_, i) => record(i))) } as unknown as typeof db;
    };

    const open = freezeDatabase(make(), true);
    expect(Object.isFrozen(open)).toBe(true);
    expect(Object.isFrozen(open.settings)).toBe(true); // not a collection: frozen at once
    expect(Object.isFrozen(open.contacts.at(0))).toBe(false); // the open does not wait for the records
    await turns(10);
    expect(open.contacts.toArray().every((r) => Object.isFrozen(r) && Object.isFrozen((r as unknown as { name: object }).name))).toBe(true);

    const closed = freezeDatabase(make(), true);
    stopFreezing(closed);
    await turns(10);
    expect(closed.contacts.toArray().some((r) => Object.isFrozen(r))).toBe(false);
  });
});
