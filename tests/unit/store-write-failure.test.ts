import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as DurableWrite from '../../electron/backend/store/durable-write';
import { DATABASE_FILE } from '../../electron/backend/store/store';
import { openTestBackend, rejection } from './helpers/workspace';

// The disk refuses the next write (full disk, yanked USB stick): simulated at the one place that writes.
const failNext = vi.hoisted(() => ({ on: false }));
vi.mock('../../electron/backend/store/durable-write', async (importOriginal) => {
  const real = await importOriginal<typeof DurableWrite>();
  return {
    writeFileDurably: async (path: string, data: string | Uint8Array) => {
      if (failNext.on) {
        failNext.on = false;
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return real.writeFileDurably(path, data);
    },
  };
});

describe('store: a failed disk write', () => {
  it('publishes nothing: memory and file stay as they were, and the next write works', async () => {
    const b = await openTestBackend();
    const kept = await b.call('cases.create', { title: 'Kept', openedOn: '2026-01-10' });
    const fileBefore = await readFile(join(b.dataDir, DATABASE_FILE));
    const memoryBefore = b.store.db;

    failNext.on = true;
    const err = await rejection(b.call('cases.update', { id: kept.id, revision: 1, changes: { title: 'Lost on a full disk' } }));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('ENOSPC');
    expect(b.store.db).toBe(memoryBefore);
    expect((await b.call('cases.get', { id: kept.id })).title).toBe('Kept');
    expect(await readFile(join(b.dataDir, DATABASE_FILE))).toEqual(fileBefore);

    const retried = await b.call('cases.update', { id: kept.id, revision: 1, changes: { title: 'Saved after space was freed' } });
    expect(retried.revision).toBe(2);
  });
});
