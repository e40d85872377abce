/**
 * Migration 8 → 9 on a real sealed version-8 file: a backup of the file as it was first, then every
 * case (deleted ones in the trash too) naming no programme and settings with an empty advisor name.
 * A sealed file is not validated again at open, so zod's defaults alone would leave these fields
 * missing in memory: the step writes them. The migrated workspace takes both, and Undo still works.
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

/** The file as version 8 wrote it: cases without `programmeId` (in the trash too), settings without `advisorName`. */
function asVersion8(db: Raw): Raw {
  const strip = (cases: unknown) => (cases as Raw[]).map(({ programmeId: _p, ...rest }) => rest);
  const { advisorName: _a, ...settings } = db.settings as Raw;
  return {
    ...db,
    schemaVersion: 8,
    settings,
    cases: strip(db.cases),
    trash: (db.trash as Raw[]).map((t) => {
      const removed = t.removed as Raw;
      return removed.cases ? { ...t, removed: { ...removed, cases: strip(removed.cases) } } : t;
    }),
  };
}

async function version8Workspace() {
  const b = await openTestBackend();
  await b.call('settings.update', { language: 'de' });
  const kept = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-11-01' });
  const gone = await b.call('cases.create', { title: 'Closed request', openedOn: '2026-10-01' });
  await b.call('cases.delete', { id: gone.id, revision: gone.revision });
  await b.close();
  const path = join(b.dataDir, DATABASE_FILE);
  const text = JSON.stringify(asVersion8(JSON.parse(await readFile(path, 'utf8')) as Raw));
  await writeFile(path, text);
  const bytes = Buffer.from(text);
  await writeFile(`${path}.seal`, JSON.stringify({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, schemaVersion: 8, rules: RULES_VERSION }));
  return { dataDir: b.dataDir, text, kept: kept.id, gone: gone.id };
}

describe('migration 8 → 9: a case names its programme, settings carry the advisor name', () => {
  it('is the current step', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(9);
    expect(migrations.map((m) => m.from)).toContain(8);
  });

  it('opens a sealed version-8 file: backed up first, every case (and the deleted one) naming no programme, the advisor name empty', async () => {
    const w = await version8Workspace();
    expect(w.text).not.toContain('programmeId');
    expect(w.text).not.toContain('advisorName');
    const store = await Store.open({ dataDir: w.dataDir });
    expect(store.state).toBe('ready');
    expect(store.db.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.db.cases.map((c) => c.programmeId)).toEqual([null]);
    expect(store.db.trash.flatMap((t) => t.removed.cases ?? []).map((c) => c.programmeId)).toEqual([null]);
    expect(store.db.settings).toMatchObject({ language: 'de', advisorName: '' });
    const backup = (await store.backups.list()).find((x) => x.reason === 'migration');
    expect(backup).toBeDefined();
    expect(await readFile(join(w.dataDir, 'backups', backup!.file), 'utf8')).toBe(w.text);
    await store.close();

    const b = await openTestBackend({ dataDir: w.dataDir });
    const programme = await b.call('programmes.create', { name: 'Bilateral Africa Call', deadline: '2027-02-15' });
    const c = await b.call('cases.get', { id: w.kept });
    const linked = await b.call('cases.update', { id: c.id, revision: c.revision, changes: { programmeId: programme.id } });
    expect(linked.programmeId).toBe(programme.id);
    expect((await b.call('settings.update', { advisorName: 'Anna Berger' })).advisorName).toBe('Anna Berger');
    await b.call('undo.apply', { undoId: b.store.db.trash.find((t) => t.removed.cases?.length)!.id });
    expect((await b.call('cases.get', { id: w.gone })).programmeId).toBeNull();
  });

  it('keeps values already in the file and leaves other collections and trash entries as they were', () => {
    const step = migrations.find((m) => m.from === 8)!;
    const before = {
      schemaVersion: 8,
      settings: { language: 'en', theme: 'dark', lockAfterMinutes: 5, advisorName: 'A. Berger' },
      cases: [{ id: 'c1', programmeId: 'p1' }, { id: 'c2' }],
      cooperations: [{ id: 'k1', programmeId: 'p1' }],
      trash: [
        { id: 't1', removed: { contacts: [{ id: 'x1' }] }, relinks: [] },
        { id: 't2', removed: { cases: [{ id: 'c3' }] }, relinks: [] },
        { id: 't3', removed: {}, relinks: [], replaced: [{ collection: 'cases', before: { id: 'c1' }, revision: 2 }, { collection: 'notes', before: { id: 'n1' }, revision: 3 }] },
      ],
    };
    const after = step.up(structuredClone(before));
    expect(after.settings).toEqual(before.settings);
    expect(after.cases).toEqual([{ id: 'c1', programmeId: 'p1' }, { id: 'c2', programmeId: null }]);
    expect(after.cooperations).toEqual(before.cooperations);
    expect(after.trash).toEqual([
      before.trash[0],
      { id: 't2', removed: { cases: [{ id: 'c3', programmeId: null }] }, relinks: [] },
      { id: 't3', removed: {}, relinks: [], replaced: [{ collection: 'cases', before: { programmeId: null, id: 'c1' }, revision: 2 }, { collection: 'notes', before: { id: 'n1' }, revision: 3 }] },
    ]);
    // Settings without the field get it empty.
    expect(step.up({ schemaVersion: 8, settings: { language: 'de' }, cases: [], trash: [] }).settings).toEqual({ advisorName: '', language: 'de' });
  });
});
