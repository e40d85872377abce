import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { DatabaseFile, SCHEMA_VERSION, emptyDatabase } from '../../shared/schemas/database';
import { acquireWorkspaceLock } from '../../electron/backend/store/lock';
import { DATABASE_FILE, Store } from '../../electron/backend/store/store';
import { serializeDatabase } from '../../electron/backend/store/json-adapter';
import { openTestBackend, rejection, tempDir } from './helpers/workspace';

const caseInput = (title: string, extra: Record<string, unknown> = {}) => ({ title, openedOn: '2026-03-01', ...extra });

describe('store: durable writes', () => {
  it('writes through to disk and a new process-equivalent reload sees the same data', async () => {
    const b = await openTestBackend();
    const created = await b.call('cases.create', caseInput('Climate partners in Ghana', { countries: ['GH'], topics: ['climate'] }));
    await b.close();

    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.state).toBe('ready');
    expect(reopened.db.cases).toHaveLength(1);
    expect(reopened.db.cases.at(0)).toEqual(created);
    const onDisk = DatabaseFile.parse(JSON.parse(await readFile(join(b.dataDir, DATABASE_FILE), 'utf8')));
    expect(onDisk.cases.at(0)!.title).toBe('Climate partners in Ghana');
  });

  it('leaves no temp files behind after writes', async () => {
    const b = await openTestBackend();
    for (let i = 0; i < 5; i++) await b.call('cases.create', caseInput(`Case ${i}`));
    const names = await readdir(b.dataDir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a refused change leaves the file and memory exactly as they were', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', caseInput('First', { reference: 'AC-2026-001' }));
    const fileBefore = await readFile(join(b.dataDir, DATABASE_FILE));
    const memoryBefore = b.store.db;

    const err = await rejection(b.call('cases.create', caseInput('Duplicate', { reference: 'ac-2026-001' })));
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.reference?.key).toBe('validation.referenceTaken');

    // A mutator that throws half-way through its edits must not leave the half-done edit anywhere.
    await expect(
      b.store.update((draft) => {
        draft.cases.at(0)!.title = 'half-done';
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');

    expect(b.store.db).toBe(memoryBefore);
    expect(b.store.db.cases.at(0)!.title).toBe('First');
    expect(await readFile(join(b.dataDir, DATABASE_FILE))).toEqual(fileBefore);
  });

  it('serialises concurrent writes: twenty creations at once all land with unique references', async () => {
    const b = await openTestBackend();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => b.call('cases.create', caseInput(`Parallel ${i}`))));
    const refs = new Set(results.map((r) => r.reference));
    expect(refs.size).toBe(20);
    await b.close();
    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.db.cases).toHaveLength(20);
  });

  it('refuses an update based on a stale revision', async () => {
    const b = await openTestBackend();
    const c = await b.call('cases.create', caseInput('Revisioned'));
    const first = await b.call('cases.update', { id: c.id, revision: c.revision, changes: { title: 'Edited once' } });
    expect(first.revision).toBe(2);
    const err = await rejection(b.call('cases.update', { id: c.id, revision: 1, changes: { title: 'Edited from a stale copy' } }));
    expect(err.code).toBe('CONFLICT');
    expect((await b.call('cases.get', { id: c.id })).title).toBe('Edited once');
  });

  it('serialises records one per line, and the text parses back to the same data', async () => {
    const db = { ...emptyDatabase(), cases: [] };
    const text = serializeDatabase(db);
    expect(JSON.parse(text)).toEqual(db);
  });
});

describe('store: the seal of a validated file', () => {
  it('is written with every save and lets the next open skip re-validation only for the same bytes', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', caseInput('Sealed'));
    await b.close();
    const path = join(b.dataDir, DATABASE_FILE);
    const seal = JSON.parse(await readFile(`${path}.seal`, 'utf8'));
    const { createHash, createHmac } = await import('node:crypto');
    const key = Buffer.from((await readFile(join(b.dataDir, 'attache.seal-key'), 'utf8')).trim(), 'hex');
    const sha = createHash('sha256').update(await readFile(path)).digest('hex');
    expect(seal.mac).toBe(createHmac('sha256', key).update(`${sha}:${seal.size}:${SCHEMA_VERSION}:${seal.rules}`).digest('hex'));
    expect(seal.schemaVersion).toBe(SCHEMA_VERSION);

    // Same length, different bytes: the seal no longer matches, so the edit is validated and refused.
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"revision":1', '"revision":0'));
    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.state).toBe('damaged');
  });

  it('a valid file without a seal is validated in full, then sealed', async () => {
    const dir = await tempDir();
    const db = { ...emptyDatabase(), cases: [] };
    await writeFile(join(dir, DATABASE_FILE), serializeDatabase(db));
    const store = await Store.open({ dataDir: dir });
    expect(store.state).toBe('ready');
    expect(JSON.parse(await readFile(join(dir, `${DATABASE_FILE}.seal`), 'utf8')).size).toBe((await readFile(join(dir, DATABASE_FILE))).byteLength);
    await store.close();
  });
});

describe('store: damaged files are reported and never overwritten', () => {
  type RawDb = { schemaVersion: number; cases: Array<Record<string, unknown>> | string };
  const edit = (change: (db: RawDb) => void) => (good: string) => {
    const db = JSON.parse(good);
    change(db);
    return JSON.stringify(db);
  };
  const damaged: Array<[string, (good: string) => string, string]> = [
    ['truncated', (good) => good.slice(0, Math.floor(good.length / 2)), 'notJson'],
    ['not JSON', () => 'this is not json at all', 'notJson'],
    ['wrong schema', edit((db) => { db.cases = 'oops'; }), 'invalidSchema'],
    ['a record that breaks a rule', edit((db) => { (db.cases as Array<Record<string, unknown>>)[0]!.countries = ['XX']; }), 'invalidSchema'],
    ['from a newer version', edit((db) => { db.schemaVersion = SCHEMA_VERSION + 5; }), 'tooNew'],
  ];

  for (const [label, corrupt, kind] of damaged) {
    it(`${label}: state "damaged" (${kind}), path reported, bytes untouched, writes refused`, async () => {
      const b = await openTestBackend();
      await b.call('cases.create', caseInput('Will be damaged', { countries: ['GH'] }));
      await b.call('workspace.backupNow', {});
      await b.close();
      const path = join(b.dataDir, DATABASE_FILE);
      const bad = corrupt(await readFile(path, 'utf8'));
      await writeFile(path, bad);

      const again = await openTestBackend({ dataDir: b.dataDir, init: false });
      const status = await again.call('workspace.status', {});
      expect(status.state).toBe('damaged');
      expect(status.problem?.kind).toBe(kind);
      expect(status.databasePath).toBe(path);
      expect(status.backups.some((x) => x.valid)).toBe(true);

      const err = await rejection(again.call('cases.create', caseInput('Must not be written')));
      expect(err.code).toBe('WORKSPACE_DAMAGED');
      const init = await rejection(again.call('workspace.initialize', { sample: false }));
      expect(init.code).toBe('CONFLICT');
      expect(await readFile(path, 'utf8')).toBe(bad);
    });
  }

  it('restoring the newest good backup moves the damaged file aside, byte for byte', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', caseInput('Precious'));
    await b.call('workspace.backupNow', {});
    await b.close();
    const path = join(b.dataDir, DATABASE_FILE);
    await writeFile(path, '{"truncated": ');

    const again = await openTestBackend({ dataDir: b.dataDir, init: false });
    const status = await again.call('workspace.status', {});
    const newest = status.backups.find((x) => x.valid)!;
    const restored = await again.call('workspace.restoreBackup', { file: newest.file });
    expect(restored.state).toBe('ready');
    expect((await again.call('cases.list', {})).rows.map((c) => c.title)).toEqual(['Precious']);
    const aside = (await readdir(b.dataDir)).filter((n) => n.startsWith('attache.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(b.dataDir, aside[0]!), 'utf8')).toBe('{"truncated": ');
  });

  it('refuses to restore a backup that is itself damaged, changing nothing', async () => {
    const b = await openTestBackend();
    const status = await b.call('workspace.backupNow', {});
    const file = status.backups[0]!.file;
    await writeFile(join(b.dataDir, 'backups', file), 'garbage');
    const before = await readFile(join(b.dataDir, DATABASE_FILE));
    const err = await rejection(b.call('workspace.restoreBackup', { file }));
    expect(err.code).toBe('VALIDATION');
    expect(await readFile(join(b.dataDir, DATABASE_FILE))).toEqual(before);
  });

  it('rejects backup names that try to leave the backups folder', async () => {
    const b = await openTestBackend();
    const err = await rejection(b.call('workspace.restoreBackup', { file: '../attache.json' }));
    expect(err.code).toBe('VALIDATION');
  });
});

describe('store: migrations', () => {
  it('writes a backup of the old file before migrating it forward', async () => {
    const dir = await tempDir();
    const legacy = {
      cases: [
        {
          id: 'legacy-1',
          createdAt: '2025-01-01T10:00:00.000Z',
          updatedAt: '2025-01-01T10:00:00.000Z',
          revision: 1,
          title: 'From the prototype',
          reference: 'AC-2025-001',
          client: '',
          countries: ['KE'],
          topics: [],
          status: 'intake',
          priority: 'normal',
          owner: '',
          openedOn: '2025-01-01',
          dueOn: null,
          summary: '',
        },
      ],
    };
    const legacyText = JSON.stringify(legacy);
    await writeFile(join(dir, DATABASE_FILE), legacyText);

    const store = await Store.open({ dataDir: dir });
    expect(store.state).toBe('ready');
    expect(store.db.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.db.cases.at(0)!.title).toBe('From the prototype');

    const backups = await store.backups.list();
    const migration = backups.find((x) => x.reason === 'migration');
    expect(migration).toBeDefined();
    expect(await readFile(join(dir, 'backups', migration!.file), 'utf8')).toBe(legacyText);
    const migrated = JSON.parse(await readFile(join(dir, DATABASE_FILE), 'utf8'));
    expect(migrated.schemaVersion).toBe(SCHEMA_VERSION);
    await store.close();
  });

  it('migrates a version-1 workspace (cases only) to version 2 with status history and empty new collections', async () => {
    const dir = await tempDir();
    const v1 = {
      schemaVersion: 1,
      settings: { language: 'de', theme: 'dark' },
      cases: [
        {
          id: 'c1',
          createdAt: '2026-01-01T10:00:00.000Z',
          updatedAt: '2026-01-01T10:00:00.000Z',
          revision: 3,
          title: 'Before organisations existed',
          reference: 'AC-2026-001',
          client: 'Institute written as text',
          countries: ['GH'],
          topics: ['water'],
          status: 'advising',
          priority: 'high',
          owner: 'A. Berger',
          openedOn: '2026-01-01',
          dueOn: null,
          summary: 'Kept as it was.',
        },
      ],
      trash: [],
    };
    await writeFile(join(dir, DATABASE_FILE), JSON.stringify(v1));
    const store = await Store.open({ dataDir: dir });
    expect(store.state).toBe('ready');
    expect(store.db.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.db.settings).toEqual({ language: 'de', theme: 'dark', lockAfterMinutes: 15, advisorName: '', notifyDue: false });
    expect(store.db.cases.at(0)).toMatchObject({ client: 'Institute written as text', clientId: null, partnerOrganisationIds: [], statusHistory: [{ status: 'advising', on: '2026-01-01' }], revision: 3 });
    expect(store.db.contacts).toEqual([]);
    expect(store.db.noteRevisions).toEqual([]);
    expect((await store.backups.list()).map((b) => b.reason)).toContain('migration');
    await store.close();
  });

  it('a migration that fails leaves the old file untouched and reports it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, DATABASE_FILE), JSON.stringify({ cases: [] }));
    const store = await Store.open({
      dataDir: dir,
      migrations: [{ from: 0, describe: 'broken', up: () => { throw new Error('boom'); } }],
    });
    expect(store.state).toBe('damaged');
    expect(store.problem?.detail).toContain('boom');
    expect(await readFile(join(dir, DATABASE_FILE), 'utf8')).toBe(JSON.stringify({ cases: [] }));
  });
});

describe('store: one process per workspace', () => {
  it('a second owner of the same folder is refused with a clear message', async () => {
    const dir = await tempDir();
    const first = await acquireWorkspaceLock(dir, 'web');
    const err = await rejection(acquireWorkspaceLock(dir, 'web'));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('WORKSPACE_LOCKED');
    expect(err.message).toContain(dir);
    expect(err.message).toContain(String(process.pid));
    await first.release();
    const second = await acquireWorkspaceLock(dir, 'web');
    await second.release();
  });

  it('a lock left by a process that no longer runs is taken over', async () => {
    const dir = await tempDir();
    const { hostname } = await import('node:os');
    await writeFile(join(dir, 'attache.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), shell: 'web', since: '2020-01-01' }));
    const lock = await acquireWorkspaceLock(dir, 'web');
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('the backend refuses to open a workspace another backend holds', async () => {
    const b = await openTestBackend();
    const err = await rejection(openTestBackend({ dataDir: b.dataDir }));
    expect(err.code).toBe('WORKSPACE_LOCKED');
  });
});

describe('store: backups', () => {
  it('writes a daily backup when the workspace is opened and the newest is older than a day', async () => {
    let now = new Date('2026-11-01T09:00:00Z');
    const b = await openTestBackend({ now: () => now });
    await b.call('cases.create', caseInput('Daily'));
    await b.close();
    now = new Date('2026-11-03T09:00:00Z');
    const again = await openTestBackend({ dataDir: b.dataDir, now: () => now });
    const status = await again.call('workspace.status', {});
    expect(status.backups.filter((x) => x.reason === 'daily')).toHaveLength(1);
    expect(status.backups[0]!.createdAt).toBe('2026-11-03T09:00:00.000Z');
  });
});

describe('store: caches read ahead at open', () => {
  it('hands the bytes read ahead to the first read, and never once the cache was written or dropped since', async () => {
    const dataDir = await tempDir();
    const first = await Store.open({ dataDir });
    await first.initialize(emptyDatabase());
    expect(await first.writeCache('search-index', Buffer.from('first'), first.cacheEpoch)).toBe(true);
    await first.close();

    const read = await Store.open({ dataDir, prefetchCaches: ['search-index'] });
    expect((await read.readCache('search-index'))?.toString()).toBe('first');
    await read.close();

    const written = await Store.open({ dataDir, prefetchCaches: ['search-index'] });
    expect(await written.writeCache('search-index', Buffer.from('second'), written.cacheEpoch)).toBe(true);
    expect((await written.readCache('search-index'))?.toString()).toBe('second');
    await written.close();

    const dropped = await Store.open({ dataDir, prefetchCaches: ['search-index'] });
    await dropped.dropCaches();
    expect(await dropped.readCache('search-index')).toBeNull();
    await dropped.close();
  });
});
