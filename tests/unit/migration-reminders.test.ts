/**
 * Migration 9 → 10 on a real sealed version-9 file: a backup of the file as it was first, then an
 * empty list of reminders and the notification setting off. A sealed file is not validated again at
 * open, so zod's defaults alone would leave both missing in memory: the step writes them. The
 * migrated workspace takes reminders, and deleting a person takes theirs with them.
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

/** The file as version 9 wrote it: no reminders, settings without `notifyDue`. */
function asVersion9(db: Raw): Raw {
  const { notifyDue: _n, ...settings } = db.settings as Raw;
  const { reminders: _r, ...rest } = db;
  return { ...rest, schemaVersion: 9, settings };
}

async function version9Workspace() {
  const b = await openTestBackend();
  await b.call('settings.update', { language: 'de', advisorName: 'Anna Berger' });
  const person = await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Okafor' }, positions: [] });
  await b.close();
  const path = join(b.dataDir, DATABASE_FILE);
  const text = JSON.stringify(asVersion9(JSON.parse(await readFile(path, 'utf8')) as Raw));
  await writeFile(path, text);
  const bytes = Buffer.from(text);
  await writeFile(`${path}.seal`, JSON.stringify({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, schemaVersion: 9, rules: RULES_VERSION }));
  return { dataDir: b.dataDir, text, person: person.id };
}

describe('migration 9 → 10: reminders on people, the notification setting', () => {
  it('is the current step', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
    expect(migrations.map((m) => m.from)).toContain(9);
  });

  it('opens a sealed version-9 file: backed up first, no reminders, notifications off', async () => {
    const w = await version9Workspace();
    expect(w.text).not.toContain('reminders');
    expect(w.text).not.toContain('notifyDue');
    const store = await Store.open({ dataDir: w.dataDir });
    expect(store.state).toBe('ready');
    expect(store.db.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.db.reminders.length).toBe(0);
    expect(store.db.settings).toMatchObject({ language: 'de', advisorName: 'Anna Berger', notifyDue: false });
    const backup = (await store.backups.list()).find((x) => x.reason === 'migration');
    expect(backup).toBeDefined();
    expect(await readFile(join(w.dataDir, 'backups', backup!.file), 'utf8')).toBe(w.text);
    await store.close();

    const b = await openTestBackend({ dataDir: w.dataDir });
    const r = await b.call('reminders.create', { contactId: w.person, text: 'Call back after the deadline', dueOn: '2027-02-16' });
    expect(r.assignee).toBe('Anna Berger');
    const person = await b.call('contacts.get', { id: w.person });
    await b.call('contacts.delete', { id: w.person, revision: person.revision });
    expect(b.store.db.reminders.length).toBe(0);
  });

  it('keeps values already in the file and leaves everything else as it was', () => {
    const step = migrations.find((m) => m.from === 9)!;
    const before = { schemaVersion: 9, settings: { language: 'en', notifyDue: true }, reminders: [{ id: 'r1' }], cases: [{ id: 'c1' }], trash: [] };
    expect(step.up(structuredClone(before))).toEqual(before);
    expect(step.up({ schemaVersion: 9, settings: { language: 'de' }, cases: [], trash: [] })).toEqual({ schemaVersion: 9, settings: { notifyDue: false, language: 'de' }, reminders: [], cases: [], trash: [] });
  });
});
