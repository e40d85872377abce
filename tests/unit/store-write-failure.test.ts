/**
 * A disk that refuses a write (full disk, yanked USB stick) must publish nothing and leave no half
 * line behind: the journal append is made to fail half-way through, at the one place saves write.
 */
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { JOURNAL_FILE } from '../../electron/backend/store/journal';
import { Store } from '../../electron/backend/store/store';
import { openTestBackend, rejection } from './helpers/workspace';

async function failNextWriteHalfway() {
  const probe = await open(__filename, 'r');
  const proto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
  await probe.close();
  const real = proto.write;
  const spy = vi.spyOn(proto, 'write').mockImplementationOnce(async function (this: unknown, ...args: unknown[]) {
    const buf = args[0] as Buffer;
    await real.call(this, buf.subarray(0, Math.floor(buf.length / 2)));
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  });
  return spy;
}

describe('store: a failed disk write', () => {
  it('publishes nothing: memory and journal stay as they were, and the next write works', async () => {
    const b = await openTestBackend();
    const kept = await b.call('cases.create', { title: 'Kept', openedOn: '2026-01-10' });
    const journalBefore = await readFile(join(b.dataDir, JOURNAL_FILE));
    const memoryBefore = b.store.db;

    const spy = await failNextWriteHalfway();
    const err = await rejection(b.call('cases.update', { id: kept.id, revision: 1, changes: { title: 'Lost on a full disk' } }));
    spy.mockRestore();
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('ENOSPC');
    expect(b.store.db).toBe(memoryBefore);
    expect((await b.call('cases.get', { id: kept.id })).title).toBe('Kept');
    // The half line was cut off again.
    expect(await readFile(join(b.dataDir, JOURNAL_FILE))).toEqual(journalBefore);

    const retried = await b.call('cases.update', { id: kept.id, revision: 1, changes: { title: 'Saved after space was freed' } });
    expect(retried.revision).toBe(2);
    await b.store.flush();
    const reopened = await Store.open({ dataDir: `${b.dataDir}` }).catch((e: unknown) => e);
    // The backend still holds the workspace; reading its files from a second store is what a restart sees.
    expect(reopened).toBeInstanceOf(Store);
    expect((reopened as Store).db.cases.find((c) => c.id === kept.id)?.title).toBe('Saved after space was freed');
  });
});
