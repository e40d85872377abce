/**
 * Migration 10 → 11 on a real sealed version-10 file: a backup of the file as it was first, then
 * every case and strategy note marked internal — the live ones and every copy Undo can bring back
 * (deleted ones in the trash, a note a merge kept as it was, a case a shortlist save kept as it was).
 * The step writes the field itself rather than leaning on the schema's default (the pure step is
 * checked on its own below); the migrated workspace takes the field, and each Undo still works.
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

/** The file as version 10 wrote it: cases and notes without `classification`, in the trash too. */
function asVersion10(db: Raw): Raw {
  const strip = (records: unknown) => (records as Raw[]).map(({ classification: _c, ...rest }) => rest);
  const stripSome = (collections: Raw) => {
    const out = { ...collections };
    for (const name of ['cases', 'notes']) if (out[name]) out[name] = strip(out[name]);
    return out;
  };
  return {
    ...stripSome(db),
    schemaVersion: 10,
    trash: (db.trash as Raw[]).map((t) => ({
      ...t,
      removed: stripSome(t.removed as Raw),
      ...(t.replaced ? { replaced: (t.replaced as Raw[]).map((r) => (r.collection === 'cases' || r.collection === 'notes' ? { ...r, before: strip([r.before])[0] } : r)) } : {}),
    })),
  };
}

async function version10Workspace() {
  const b = await openTestBackend();
  const org = await b.call('organisations.create', { name: 'Kumasi Water Institute', country: 'GH' });
  const keep = await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Mensah' }, positions: [] });
  const other = await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Mensah-Owusu' }, positions: [] });
  const kept = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-11-01' });
  const shortlisted = await b.call('cases.saveShortlist', { id: kept.id, revision: kept.revision, entries: [{ collection: 'organisations', id: org.id, score: 10, reasons: [], addedOn: '2026-12-01' }] });
  const goneCase = await b.call('cases.create', { title: 'Closed request', openedOn: '2026-10-01' });
  await b.call('cases.delete', { id: goneCase.id, revision: goneCase.revision });
  const note = await b.call('notes.create', { title: 'Country strategy Ghana', contactIds: [other.id] });
  const merged = await b.call('contacts.merge', { keepId: keep.id, keepRevision: keep.revision, otherId: other.id, otherRevision: other.revision, choices: {} });
  const goneNote = await b.call('notes.create', { title: 'Old minutes' });
  const deletedNote = await b.call('notes.delete', { id: goneNote.id, revision: goneNote.revision });
  await b.close();
  const path = join(b.dataDir, DATABASE_FILE);
  const text = JSON.stringify(asVersion10(JSON.parse(await readFile(path, 'utf8')) as Raw));
  await writeFile(path, text);
  const bytes = Buffer.from(text);
  await writeFile(`${path}.seal`, JSON.stringify({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, schemaVersion: 10, rules: RULES_VERSION }));
  return { dataDir: b.dataDir, text, kept: kept.id, shortlistUndo: shortlisted.undoId, goneCase: goneCase.id, note: note.id, mergeUndo: merged.undoId, goneNote: goneNote.id, noteUndo: deletedNote.undoId };
}

describe('migration 10 → 11: cases and strategy notes carry a classification', () => {
  it('is the current step', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(11);
    expect(migrations.map((m) => m.from)).toContain(10);
  });

  it('opens a sealed version-10 file: backed up first, every case and note (and every copy Undo keeps) internal', async () => {
    const w = await version10Workspace();
    expect(w.text).not.toContain('classification');
    const store = await Store.open({ dataDir: w.dataDir });
    expect(store.state).toBe('ready');
    expect(store.db.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.db.cases.map((c) => c.classification)).toEqual(['internal']);
    expect(store.db.notes.map((n) => n.classification)).toEqual(['internal']);
    const trash = store.db.trash;
    expect(trash.flatMap((t) => t.removed.cases ?? []).map((c) => [c.id, c.classification])).toEqual([[w.goneCase, 'internal']]);
    expect(trash.flatMap((t) => t.removed.notes ?? []).map((n) => [n.id, n.classification])).toEqual([[w.goneNote, 'internal']]);
    const replaced = trash.flatMap((t) => t.replaced ?? []).filter((r) => r.collection === 'cases' || r.collection === 'notes');
    expect(replaced.map((r) => [r.collection, r.before.id, (r.before as { classification?: string }).classification])).toEqual([
      ['cases', w.kept, 'internal'],
      ['notes', w.note, 'internal'],
    ]);
    const backup = (await store.backups.list()).find((x) => x.reason === 'migration');
    expect(backup).toBeDefined();
    expect(await readFile(join(w.dataDir, 'backups', backup!.file), 'utf8')).toBe(w.text);
    await store.close();

    const b = await openTestBackend({ dataDir: w.dataDir });
    // Each Undo brings its copy back with the field, valid under the new schema.
    await b.call('undo.apply', { undoId: w.noteUndo });
    expect((await b.call('notes.get', { id: w.goneNote })).classification).toBe('internal');
    await b.call('undo.apply', { undoId: w.mergeUndo });
    expect((await b.call('notes.get', { id: w.note })).classification).toBe('internal');
    await b.call('undo.apply', { undoId: w.shortlistUndo });
    const c = await b.call('cases.get', { id: w.kept });
    expect(c).toMatchObject({ classification: 'internal', shortlist: [] });
    await b.call('undo.apply', { undoId: b.store.db.trash.find((t) => t.removed.cases?.length)!.id });
    expect((await b.call('cases.get', { id: w.goneCase })).classification).toBe('internal');
    // And the migrated records take another marking.
    const marked = await b.call('cases.update', { id: c.id, revision: c.revision, changes: { classification: 'confidential' } });
    expect(marked.classification).toBe('confidential');
  });

  it('keeps values already in the file and leaves other collections and trash entries as they were', () => {
    const step = migrations.find((m) => m.from === 10)!;
    const before = {
      schemaVersion: 10,
      settings: { language: 'en' },
      cases: [{ id: 'c1', classification: 'confidential' }, { id: 'c2' }],
      notes: [{ id: 'n1' }, { id: 'n2', classification: 'public' }],
      trips: [{ id: 't1', classification: 'public' }],
      contacts: [{ id: 'p1' }],
      trash: [
        { id: 'x1', removed: { contacts: [{ id: 'p2' }] }, relinks: [] },
        { id: 'x2', removed: { cases: [{ id: 'c3' }], notes: [{ id: 'n3', classification: 'confidential' }] }, relinks: [] },
        {
          id: 'x3',
          removed: {},
          relinks: [],
          replaced: [
            { collection: 'cases', before: { id: 'c1' }, revision: 2 },
            { collection: 'notes', before: { id: 'n1', classification: 'public' }, revision: 3 },
            { collection: 'contacts', before: { id: 'p1' }, revision: 4 },
          ],
        },
      ],
    };
    const after = step.up(structuredClone(before));
    expect(after.settings).toEqual(before.settings);
    expect(after.cases).toEqual([{ id: 'c1', classification: 'confidential' }, { id: 'c2', classification: 'internal' }]);
    expect(after.notes).toEqual([{ id: 'n1', classification: 'internal' }, { id: 'n2', classification: 'public' }]);
    expect(after.trips).toEqual(before.trips);
    expect(after.contacts).toEqual(before.contacts);
    expect(after.trash).toEqual([
      before.trash[0],
      { id: 'x2', removed: { cases: [{ id: 'c3', classification: 'internal' }], notes: [{ id: 'n3', classification: 'confidential' }] }, relinks: [] },
      {
        id: 'x3',
        removed: {},
        relinks: [],
        replaced: [
          { collection: 'cases', before: { id: 'c1', classification: 'internal' }, revision: 2 },
          { collection: 'notes', before: { id: 'n1', classification: 'public' }, revision: 3 },
          { collection: 'contacts', before: { id: 'p1' }, revision: 4 },
        ],
      },
    ]);
  });
});
