/**
 * Backups you can rely on: whole under their final name, checked, kept by a retention rule, made
 * after setup and before risky steps, restorable from Settings, and offered when the database is gone.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/features/workspace/schema';
import { retained } from '../../electron/backend/store/backups';
import { DATABASE_FILE, Store } from '../../electron/backend/store/store';
import { openTestBackend, rejection } from './helpers/workspace';

const info = (iso: string, n = 0): BackupInfo => ({ file: `b-${iso}-${n}.json`, createdAt: iso, reason: 'daily', size: 1 });

describe('backups: the retention rule', () => {
  it('keeps the ten newest, then the newest per day for 7 days, per week for 4 weeks, per month for 12 months', () => {
    // One backup every 6 hours for 500 days, newest first.
    const start = Date.parse('2026-12-05T12:00:00.000Z');
    const list = Array.from({ length: 2000 }, (_, i) => info(new Date(start - i * 6 * 3600_000).toISOString()));
    const keep = retained(list);
    const kept = list.filter((b) => keep.has(b.file));
    expect(kept.slice(0, 10)).toEqual(list.slice(0, 10));
    const days = new Set(kept.map((b) => b.createdAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(7);
    const months = new Set(kept.map((b) => b.createdAt.slice(0, 7)));
    expect(months.size).toBe(12);
    // Bounded: 10 + 7 + 4 + 12 at most.
    expect(kept.length).toBeLessThanOrEqual(33);
    // The oldest kept is about a year back, never 500 days.
    expect(Date.parse(kept.at(-1)!.createdAt)).toBeGreaterThan(start - 366 * 86_400_000);
  });
});

describe('backups: written whole, or not at all', () => {
  it('a setup backup is made, and every listed backup is a complete, restorable database', async () => {
    const b = await openTestBackend({ init: false });
    const status = await b.call('workspace.initialize', { sample: true });
    expect(status.backups.map((x) => x.reason)).toEqual(['setup']);
    const verified = await b.call('workspace.backups', { verify: true });
    expect(verified.every((x) => x.valid)).toBe(true);
  });

  it('a backup cut short (the copy killed mid-way) never appears under a backup name, and is cleaned away at the next open', async () => {
    const b = await openTestBackend();
    await b.call('workspace.backupNow', {});
    const listed = await b.call('workspace.backups', { verify: false });
    const good = listed[0];
    const bytes = await readFile(join(b.dataDir, 'backups', good!.file));
    // What a killed writer leaves: only ever the temp file, never the final name.
    await writeFile(join(b.dataDir, 'backups', `.${good!.file}.4242.0123456789ab.tmp`), bytes.subarray(0, bytes.length >> 1));
    const after = await b.call('workspace.backups', { verify: true });
    expect(after.map((x) => x.file)).toEqual(listed.map((x) => x.file));
    expect(after.every((x) => x.valid)).toBe(true);
    await b.close();
    await Store.open({ dataDir: b.dataDir });
    expect((await readdir(join(b.dataDir, 'backups'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a truncated file under a backup name is listed as not valid and cannot be restored; nothing changes', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', { title: 'Current', openedOn: '2026-02-01' } as never);
    const made = await b.call('workspace.backupNow', {});
    const file = made.backups[0]!.file;
    const path = join(b.dataDir, 'backups', file);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 100));
    const listed = await b.call('workspace.backups', { verify: true });
    expect(listed.find((x) => x.file === file)?.valid).toBe(false);
    const before = b.store.db;
    const err = await rejection(b.call('workspace.restoreBackup', { file }));
    expect(err.messageKey?.key).toBe('errors.badBackup');
    expect(b.store.db).toBe(before);
  });
});

describe('backups: restore from Settings', () => {
  it('backs up the current state first, so restoring that backup undoes the restore', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', { title: 'Before', openedOn: '2026-02-01' } as never);
    const first = (await b.call('workspace.backupNow', {})).backups[0]!;
    await b.call('cases.create', { title: 'After', openedOn: '2026-02-02' } as never);

    const restored = await b.call('workspace.restoreBackup', { file: first.file });
    expect((await b.call('cases.list', {} as never)).rows.map((r) => r.title)).toEqual(['Before']);
    const undoFile = restored.backups.find((x) => x.reason === 'restore')!;
    expect(undoFile).toBeDefined();

    await b.call('workspace.restoreBackup', { file: undoFile.file });
    expect((await b.call('cases.list', {} as never)).rows.map((r) => r.title).sort()).toEqual(['After', 'Before']);
    // The restore survives a restart (journal and snapshot agree).
    await b.close();
    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.db.cases.map((c) => c.title).sort()).toEqual(['After', 'Before']);
  });
});

describe('backups: a missing database with backups beside it', () => {
  it('is not treated as a fresh start silently: the backups are listed (verified) and one can be restored', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', { title: 'Saved before the file went missing', openedOn: '2026-02-01' } as never);
    await b.call('workspace.backupNow', {});
    await b.close();
    await rm(join(b.dataDir, DATABASE_FILE));

    const again = await openTestBackend({ dataDir: b.dataDir, init: false });
    const status = await again.call('workspace.status', {});
    expect(status.state).toBe('new');
    expect(status.backups.length).toBeGreaterThan(0);
    expect(status.backups.every((x) => x.valid === true)).toBe(true);
    await again.call('workspace.restoreBackup', { file: status.backups[0]!.file });
    expect((await again.call('cases.list', {} as never)).rows.map((r) => r.title)).toEqual(['Saved before the file went missing']);
  });
});
