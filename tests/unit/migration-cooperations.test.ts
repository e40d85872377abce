/**
 * Migration 6 → 7 on a real sealed version-6 file: a backup of the file as it was first, then
 * empty cooperations, programmes and groups, and every organisation (deleted ones in the trash too)
 * in no group; the migrated workspace takes groups and cooperations, and Undo still works.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/backend/store/migrations';
import { RULES_VERSION } from '../../electron/backend/store/seal';
import { DATABASE_FILE, Store } from '../../electron/backend/store/store';
import { SCHEMA_VERSION } from '../../shared/schemas/database';
import { openTestBackend } from './helpers/workspace';

type Raw = Record<string, unknown>;

/** The file as version 6 wrote it: no new collections, organisations without `groupIds` (in the trash too). */
function asVersion6(db: Raw): Raw {
  const strip = (orgs: unknown) => (orgs as Raw[]).map(({ groupIds: _g, ...rest }) => rest);
  const { cooperations: _c, programmes: _p, groups: _g, ...rest } = db;
  return {
    ...rest,
    schemaVersion: 6,
    organisations: strip(db.organisations),
    trash: (db.trash as Raw[]).map((t) => {
      const removed = t.removed as Raw;
      return removed.organisations ? { ...t, removed: { ...removed, organisations: strip(removed.organisations) } } : t;
    }),
  };
}

async function version6Workspace() {
  const b = await openTestBackend();
  const org = await b.call('organisations.create', { name: 'University of Ghana', country: 'GH' });
  const gone = await b.call('organisations.create', { name: 'Closed Institute' });
  await b.call('organisations.delete', { id: gone.id, revision: gone.revision });
  await b.close();
  const path = join(b.dataDir, DATABASE_FILE);
  const text = JSON.stringify(asVersion6(JSON.parse(await readFile(path, 'utf8')) as Raw));
  await writeFile(path, text);
  const bytes = Buffer.from(text);
  await writeFile(`${path}.seal`, JSON.stringify({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, schemaVersion: 6, rules: RULES_VERSION }));
  return { dataDir: b.dataDir, path, text, org: org.id, gone: gone.id };
}

describe('migration 6 → 7: cooperations, programmes and groups', () => {
  it('is the current step', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    expect(migrations.map((m) => m.from)).toContain(6);
  });

  it('opens a sealed version-6 file: backed up first, new collections empty, every organisation (and the deleted one) in no group', async () => {
    const w = await version6Workspace();
    expect(w.text).not.toContain('groupIds');
    const store = await Store.open({ dataDir: w.dataDir });
    expect(store.state).toBe('ready');
    expect(store.db.schemaVersion).toBe(SCHEMA_VERSION);
    expect([store.db.cooperations, store.db.programmes, store.db.groups]).toEqual([[], [], []]);
    expect(store.db.organisations.map((o) => o.groupIds)).toEqual([[]]);
    expect(store.db.trash.flatMap((t) => t.removed.organisations ?? []).map((o) => o.groupIds)).toEqual([[]]);
    const backup = (await store.backups.list()).find((x) => x.reason === 'migration');
    expect(backup).toBeDefined();
    expect(await readFile(join(w.dataDir, 'backups', backup!.file), 'utf8')).toBe(w.text);
    await store.close();

    const b = await openTestBackend({ dataDir: w.dataDir });
    const group = await b.call('groups.create', { name: 'Africa Network', kind: 'network' });
    const org = await b.call('organisations.get', { id: w.org });
    await b.call('organisations.update', { id: org.id, revision: org.revision, changes: { groupIds: [group.id] } });
    await b.call('cooperations.create', { title: 'Joint lab', partners: [org.id] });
    expect((await b.call('cooperations.list', { groups: [group.id] })).total).toBe(1);
    await b.call('undo.apply', { undoId: b.store.db.trash.find((t) => t.removed.organisations?.length)!.id });
    expect((await b.call('organisations.get', { id: w.gone })).groupIds).toEqual([]);
  });

  it('keeps groups already in the file and leaves other collections and trash entries as they were', () => {
    const step = migrations.find((m) => m.from === 6)!;
    const before = {
      schemaVersion: 6,
      organisations: [{ id: 'o1', groupIds: ['g1'] }, { id: 'o2' }],
      cases: [{ id: 'c1' }],
      trash: [{ id: 't1', removed: { contacts: [{ id: 'p1' }] }, relinks: [] }, { id: 't2', removed: { organisations: [{ id: 'o3' }] }, relinks: [] }],
    };
    const after = step.up(structuredClone(before));
    expect(after.organisations).toEqual([{ id: 'o1', groupIds: ['g1'] }, { id: 'o2', groupIds: [] }]);
    expect(after.cases).toEqual(before.cases);
    expect([after.cooperations, after.programmes, after.groups]).toEqual([[], [], []]);
    expect(after.trash).toEqual([before.trash[0], { id: 't2', removed: { organisations: [{ id: 'o3', groupIds: [] }] }, relinks: [] }]);
  });
});
