/**
 * Migration 7 → 8 on a real sealed version-7 file: a backup of the file as it was first, then an
 * empty priorities collection and every case (deleted ones in the trash too) with an empty
 * shortlist; the migrated workspace takes priorities and shortlists, and Undo still works.
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

/** The file as version 7 wrote it: no priorities, cases without `shortlist` (in the trash too). */
function asVersion7(db: Raw): Raw {
  const strip = (cases: unknown) => (cases as Raw[]).map(({ shortlist: _s, ...rest }) => rest);
  const { priorities: _p, ...rest } = db;
  return {
    ...rest,
    schemaVersion: 7,
    cases: strip(db.cases),
    trash: (db.trash as Raw[]).map((t) => {
      const removed = t.removed as Raw;
      return removed.cases ? { ...t, removed: { ...removed, cases: strip(removed.cases) } } : t;
    }),
  };
}

async function version7Workspace() {
  const b = await openTestBackend();
  const kept = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-11-01' });
  const gone = await b.call('cases.create', { title: 'Closed request', openedOn: '2026-10-01' });
  await b.call('cases.delete', { id: gone.id, revision: gone.revision });
  await b.close();
  const path = join(b.dataDir, DATABASE_FILE);
  const text = JSON.stringify(asVersion7(JSON.parse(await readFile(path, 'utf8')) as Raw));
  await writeFile(path, text);
  const bytes = Buffer.from(text);
  await writeFile(`${path}.seal`, JSON.stringify({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, schemaVersion: 7, rules: RULES_VERSION }));
  return { dataDir: b.dataDir, text, kept: kept.id, gone: gone.id };
}

describe('migration 7 → 8: strategy priorities and case shortlists', () => {
  it('is the current step', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
    expect(migrations.map((m) => m.from)).toContain(7);
  });

  it('opens a sealed version-7 file: backed up first, priorities empty, every case (and the deleted one) with an empty shortlist', async () => {
    const w = await version7Workspace();
    expect(w.text).not.toContain('shortlist');
    const store = await Store.open({ dataDir: w.dataDir });
    expect(store.state).toBe('ready');
    expect(store.db.schemaVersion).toBe(SCHEMA_VERSION);
    expect([...store.db.priorities]).toEqual([]);
    expect(store.db.cases.map((c) => c.shortlist)).toEqual([[]]);
    expect(store.db.trash.flatMap((t) => t.removed.cases ?? []).map((c) => c.shortlist)).toEqual([[]]);
    const backup = (await store.backups.list()).find((x) => x.reason === 'migration');
    expect(backup).toBeDefined();
    expect(await readFile(join(w.dataDir, 'backups', backup!.file), 'utf8')).toBe(w.text);
    await store.close();

    const b = await openTestBackend({ dataDir: w.dataDir });
    const org = await b.call('organisations.create', { name: 'University of Ghana', country: 'GH' });
    const c = await b.call('cases.get', { id: w.kept });
    const saved = await b.call('cases.saveShortlist', { id: c.id, revision: c.revision, entries: [{ collection: 'organisations', id: org.id, score: 10, reasons: [], addedOn: '2026-12-01' }] });
    expect(saved.record.shortlist).toHaveLength(1);
    await b.call('priorities.create', { title: 'Ghana', country: 'GH', level: 1 });
    expect(await b.call('priorities.list', {})).toHaveLength(1);
    await b.call('undo.apply', { undoId: b.store.db.trash.find((t) => t.removed.cases?.length)!.id });
    expect((await b.call('cases.get', { id: w.gone })).shortlist).toEqual([]);
  });

  it('keeps a shortlist already in the file and leaves other collections and trash entries as they were', () => {
    const step = migrations.find((m) => m.from === 7)!;
    const before = {
      schemaVersion: 7,
      cases: [{ id: 'c1', shortlist: [{ id: 'o1' }] }, { id: 'c2' }],
      organisations: [{ id: 'o1' }],
      trash: [
        { id: 't1', removed: { contacts: [{ id: 'p1' }] }, relinks: [] },
        { id: 't2', removed: { cases: [{ id: 'c3' }] }, relinks: [] },
        { id: 't3', removed: {}, relinks: [], replaced: [{ collection: 'cases', before: { id: 'c1' }, revision: 2 }, { collection: 'notes', before: { id: 'n1' }, revision: 3 }] },
      ],
    };
    const after = step.up(structuredClone(before));
    expect(after.cases).toEqual([{ id: 'c1', shortlist: [{ id: 'o1' }] }, { id: 'c2', shortlist: [] }]);
    expect(after.organisations).toEqual(before.organisations);
    expect(after.priorities).toEqual([]);
    expect(after.trash).toEqual([
      before.trash[0],
      { id: 't2', removed: { cases: [{ id: 'c3', shortlist: [] }] }, relinks: [] },
      { id: 't3', removed: {}, relinks: [], replaced: [{ collection: 'cases', before: { shortlist: [], id: 'c1' }, revision: 2 }, { collection: 'notes', before: { id: 'n1' }, revision: 3 }] },
    ]);
  });
});
