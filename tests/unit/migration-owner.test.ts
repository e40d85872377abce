import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/schemas/database';
import { migrations } from '../../electron/backend/store/migrations';
import { RULES_VERSION } from '../../electron/backend/store/seal';
import { DATABASE_FILE, Store } from '../../electron/backend/store/store';
import { openTestBackend } from './helpers/workspace';

type Raw = Record<string, unknown>;
const owned = ['organisations', 'contacts', 'notes'] as const;

/** Drops `owner` from organisations, contacts and notes, in the collections and in the trash: a file as version 3 wrote it. */
function asVersion3(db: Raw): Raw {
  const strip = (collections: Raw) => {
    const out = { ...collections };
    for (const name of owned) {
      if (!Array.isArray(collections[name])) continue;
      out[name] = (collections[name] as Raw[]).map(({ owner: _owner, ...rest }) => rest);
    }
    return out;
  };
  return { ...strip(db), schemaVersion: 3, trash: (db.trash as Raw[]).map((t) => ({ ...t, removed: strip(t.removed as Raw) })) };
}

/**
 * A real version-3 workspace on disk: records made through the backend (one of each deleted, so the
 * trash holds them too), then written back without owners and sealed as version 3 sealed its files.
 */
async function version3Workspace() {
  const b = await openTestBackend();
  const org = await b.call('organisations.create', { name: 'Institute of Coastal Research', country: 'DE' });
  const gone = await b.call('organisations.create', { name: 'Closed Institute' });
  const person = await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Mensah' }, positions: [{ organisationId: org.id, role: 'Director' }] });
  const leaving = await b.call('contacts.create', { contact: { familyName: 'Former' } });
  const note = await b.call('notes.create', { title: 'Country strategy Ghana', countries: ['GH'], contactIds: [person.id] });
  const draft = await b.call('notes.create', { title: 'Discarded draft' });
  await b.call('organisations.delete', { id: gone.id, revision: gone.revision });
  await b.call('contacts.delete', { id: leaving.id, revision: leaving.revision });
  await b.call('notes.delete', { id: draft.id, revision: draft.revision });
  await b.close();

  const path = join(b.dataDir, DATABASE_FILE);
  const v3 = asVersion3(JSON.parse(await readFile(path, 'utf8')) as Raw);
  const text = JSON.stringify(v3);
  await writeFile(path, text);
  const bytes = Buffer.from(text);
  await writeFile(`${path}.seal`, JSON.stringify({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, schemaVersion: 3, rules: RULES_VERSION }));
  return { dataDir: b.dataDir, path, text, ids: { org: org.id, person: person.id, note: note.id } };
}

describe('migration 3 → 4: organisations, contacts and notes get an owner', () => {
  it('the version is bumped with the new field', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
    expect(migrations.map((m) => m.from)).toContain(3);
  });

  it('opens a sealed version-3 file: backed up first, migrated, every record (and every deleted one) owned by nobody yet', async () => {
    const { dataDir, path, text, ids } = await version3Workspace();
    expect(text).not.toContain('"owner"');

    const store = await Store.open({ dataDir });
    expect(store.state).toBe('ready');
    expect(store.db.schemaVersion).toBe(SCHEMA_VERSION);
    for (const name of owned) {
      expect(store.db[name].length, name).toBeGreaterThan(0);
      for (const r of store.db[name]) expect(r.owner, `${name} ${r.id}`).toBe('');
    }
    const trashed = store.db.trash.flatMap((t) => owned.flatMap((name): Array<{ owner: string }> => t.removed[name] ?? []));
    expect(trashed).toHaveLength(3);
    for (const r of trashed) expect(r.owner).toBe('');

    // The file as it was is kept, byte for byte, before the migrated one replaces it.
    const backup = (await store.backups.list()).find((x) => x.reason === 'migration');
    expect(backup).toBeDefined();
    expect(await readFile(join(dataDir, 'backups', backup!.file), 'utf8')).toBe(text);
    const onDisk = JSON.parse(await readFile(path, 'utf8')) as Raw;
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    for (const name of owned) for (const r of onDisk[name] as Raw[]) expect(r.owner).toBe('');
    expect(JSON.parse(await readFile(`${path}.seal`, 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);

    // The migrated workspace works with owners: set one, filter by it, and Undo brings a deleted record back with its field.
    const b = await openTestBackend({ dataDir });
    const org = await b.call('organisations.get', { id: ids.org });
    await b.call('organisations.update', { id: org.id, revision: org.revision, changes: { owner: 'A. Berger' } });
    expect((await b.call('organisations.list', { owners: ['A. Berger'] })).rows.map((r) => r.id)).toEqual([ids.org]);
    expect((await b.call('contacts.list', { owners: ['A. Berger'] })).total).toBe(0);
    const undo = b.store.db.trash.find((t) => t.removed.notes?.length)!;
    await b.call('undo.apply', { undoId: undo.id });
    expect(b.store.db.notes.every((n) => n.owner === '')).toBe(true);
  });

  it('keeps an owner already in the file and touches neither other collections nor missing ones', () => {
    const step = migrations.find((m) => m.from === 3)!;
    const before = {
      schemaVersion: 3,
      organisations: [{ id: 'o1', name: 'Kept', owner: 'L. Hoffmann' }, { id: 'o2', name: 'Unowned' }],
      contacts: [{ id: 'p1', familyName: 'Mensah' }],
      notes: [{ id: 'n1', title: 'Note' }],
      cases: [{ id: 'c1', owner: 'M. Keller' }],
      trash: [{ id: 't1', removed: { contacts: [{ id: 'p2' }], positions: [{ id: 'x1' }] }, relinks: [] }],
    };
    const after = step.up(structuredClone(before));
    expect(after.organisations).toEqual([{ id: 'o1', name: 'Kept', owner: 'L. Hoffmann' }, { id: 'o2', name: 'Unowned', owner: '' }]);
    expect(after.contacts).toEqual([{ id: 'p1', familyName: 'Mensah', owner: '' }]);
    expect(after.notes).toEqual([{ id: 'n1', title: 'Note', owner: '' }]);
    expect(after.cases).toEqual(before.cases);
    expect(after.trash).toEqual([{ id: 't1', removed: { contacts: [{ id: 'p2', owner: '' }], positions: [{ id: 'x1' }] }, relinks: [] }]);
  });
});
