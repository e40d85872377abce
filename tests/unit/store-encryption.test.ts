/**
 * The passphrase: once set, nothing readable is on disk (database, journal, backups, temp files);
 * a wrong passphrase changes nothing; a changed byte is detected; the passphrase can be changed or
 * removed, and a change interrupted half-way still opens. The app lock refuses everything but unlock.
 */
import { asciiJson } from '../../electron/backend/store/json-adapter';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, downloadPlatform } from '../../electron/backend';
import { JOURNAL_FILE } from '../../electron/backend/store/journal';
import { DATABASE_FILE, KEYS_FILE, Store } from '../../electron/backend/store/store';
import type { WorkspaceStatus } from '../../shared/features/workspace/schema';
import { openTestBackend, rejection, TEST_KDF, type TestBackend } from './helpers/workspace';

const PASS = 'correct horse battery staple';
const SECRET_NAME = 'Kamau-Otieno';

/** Every file under the data folder, recursively, as bytes. */
async function allFiles(dir: string): Promise<Array<{ name: string; bytes: Buffer }>> {
  const out: Array<{ name: string; bytes: Buffer }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name === 'attache.lock') continue; // who holds the workspace, not its content
    if (entry.isDirectory()) out.push(...(await allFiles(path)));
    else out.push({ name: path, bytes: await readFile(path) });
  }
  return out;
}

async function filesNaming(dir: string, text: string): Promise<string[]> {
  // As written, in UTF-16, and as the database file writes characters beyond ASCII (\u escapes).
  const needles = [Buffer.from(text), Buffer.from(text, 'utf16le'), Buffer.from(asciiJson(text).slice(1, -1))];
  return (await allFiles(dir)).filter((f) => needles.some((n) => f.bytes.includes(n))).map((f) => f.name);
}

async function personIn(b: TestBackend) {
  return b.call('contacts.create', { contact: { givenName: 'Wanjiru', familyName: 'Kamau-Otieno', emails: [{ label: 'work', address: 'w.kamau@example.org' }] } } as never);
}

async function reopen(dataDir: string) {
  const backend = await openBackend({ dataDir, platform: downloadPlatform, validateOutput: true, kdf: TEST_KDF });
  return backend;
}

describe('encryption at rest', () => {
  it('after a passphrase is set, no file in the data folder holds a known name — database, journal, backups', async () => {
    const b = await openTestBackend({ sample: true });
    await personIn(b);
    await b.call('workspace.backupNow', {});
    expect((await filesNaming(b.dataDir, SECRET_NAME)).length).toBeGreaterThan(0);

    const status = await b.call('workspace.setPassphrase', { current: null, next: PASS });
    expect(status.encrypted).toBe(true);
    // Saves after the change go to the journal, encrypted too.
    const other = await b.call('contacts.create', { contact: { givenName: 'Kofi', familyName: 'Mensah-Boateng' } } as never);
    expect(other.familyName).toBe('Mensah-Boateng');
    await b.store.flush();
    expect(await filesNaming(b.dataDir, SECRET_NAME)).toEqual([]);
    expect(await filesNaming(b.dataDir, 'Mensah-Boateng')).toEqual([]);
    expect(await filesNaming(b.dataDir, 'Nairobi')).toEqual([]); // from the sample
    expect((await b.call('workspace.status', {})).backups.every((x) => x.encrypted)).toBe(true);
    await b.close();
    expect(await filesNaming(b.dataDir, SECRET_NAME)).toEqual([]);
  });

  it('opens locked; a wrong passphrase is refused with nothing touched; the right one opens it', async () => {
    const b = await openTestBackend();
    await personIn(b);
    await b.call('workspace.setPassphrase', { current: null, next: PASS });
    await b.close();
    const before = await allFiles(b.dataDir);

    const again = await reopen(b.dataDir);
    const status = await again.dispatch('workspace.status', {});
    expect(status.ok && (status.data as WorkspaceStatus).state).toBe('locked');
    const refused = await again.dispatch('contacts.list', {});
    expect(!refused.ok && refused.error.code).toBe('LOCKED');
    const wrong = await again.dispatch('workspace.unlock', { passphrase: 'correct horse battery stapler' });
    expect(!wrong.ok && wrong.error.code).toBe('WRONG_PASSPHRASE');
    expect(!wrong.ok && wrong.error.messageKey?.key).toBe('errors.wrongPassphrase');
    expect(await allFiles(b.dataDir)).toEqual(before);

    const opened = await again.dispatch('workspace.unlock', { passphrase: PASS });
    expect(opened.ok && (opened.data as WorkspaceStatus).state).toBe('ready');
    const people = await again.dispatch('contacts.list', {});
    expect(people.ok && JSON.stringify(people.data)).toContain('Kamau-Otieno');
    await again.close();
  });

  it('a changed byte in the encrypted database is detected, never silently accepted', async () => {
    const b = await openTestBackend();
    await personIn(b);
    await b.call('workspace.setPassphrase', { current: null, next: PASS });
    await b.close();
    const path = join(b.dataDir, DATABASE_FILE);
    const bytes = await readFile(path);
    bytes[bytes.length - 40]! ^= 0x01;
    await writeFile(path, bytes);

    const again = await reopen(b.dataDir);
    const opened = await again.dispatch('workspace.unlock', { passphrase: PASS });
    expect(opened.ok && (opened.data as WorkspaceStatus).state).toBe('damaged');
    expect(opened.ok && (opened.data as WorkspaceStatus).problem?.kind).toBe('tampered');
    expect(await readFile(path)).toEqual(bytes);
    await again.close();
  });

  it('a changed byte in an encrypted journal line is detected', async () => {
    const b = await openTestBackend();
    await b.call('workspace.setPassphrase', { current: null, next: PASS });
    await personIn(b);
    await b.call('contacts.create', { contact: { givenName: 'Second', familyName: 'Line' } } as never);
    await b.store.flush();
    const path = join(b.dataDir, JOURNAL_FILE);
    const lines = (await readFile(path, 'utf8')).split('\n');
    const [seq, body] = lines[1]!.split('\t');
    const flipped = Buffer.from(body!, 'base64');
    flipped[20]! ^= 0x01;
    lines[1] = `${seq}\t${flipped.toString('base64')}`;
    await writeFile(path, lines.join('\n'));
    // Simulates a crash: the journal is read by the next process without a clean close.
    const store = await Store.open({ dataDir: b.dataDir, kdf: TEST_KDF });
    await store.unlock(PASS);
    expect(store.state).toBe('damaged');
    expect(store.problem?.kind).toBe('journal');
  });

  it('the passphrase can be changed (the old one no longer opens) and removed (plain again)', async () => {
    const b = await openTestBackend();
    await personIn(b);
    await b.call('workspace.setPassphrase', { current: null, next: PASS });
    const wrongCurrent = await rejection(b.call('workspace.setPassphrase', { current: 'not it at all', next: 'another long passphrase' }));
    expect(wrongCurrent.code).toBe('WRONG_PASSPHRASE');
    await b.call('workspace.setPassphrase', { current: PASS, next: 'another long passphrase' });
    await b.close();

    let again = await reopen(b.dataDir);
    expect((await again.dispatch('workspace.unlock', { passphrase: PASS })).ok).toBe(false);
    expect((await again.dispatch('workspace.unlock', { passphrase: 'another long passphrase' })).ok).toBe(true);
    const removed = await again.dispatch('workspace.setPassphrase', { current: 'another long passphrase', next: null });
    expect(removed.ok && (removed.data as WorkspaceStatus).encrypted).toBe(false);
    await again.close();

    expect((await readdir(b.dataDir)).includes(KEYS_FILE)).toBe(false);
    again = await reopen(b.dataDir);
    expect(again.store.state).toBe('ready');
    expect((await readFile(join(b.dataDir, DATABASE_FILE), 'utf8')).includes('Kamau-Otieno')).toBe(true);
    await again.close();
  });

  it('a passphrase change interrupted after the keys file was written still opens with the old data key', async () => {
    const b = await openTestBackend();
    await personIn(b);
    await b.call('workspace.setPassphrase', { current: null, next: PASS });
    await b.close();
    // The crash: a new keys file (another passphrase, same data key) is in place, the database still has the old header.
    const store = await Store.open({ dataDir: b.dataDir, kdf: TEST_KDF });
    await store.unlock(PASS);
    const { wrapKey } = await import('../../electron/backend/store/crypto');
    const dataKey = (store as unknown as { keyring: { dataKey: { key: Buffer; keyId: string } } }).keyring.dataKey;
    await writeFile(join(b.dataDir, KEYS_FILE), JSON.stringify(await wrapKey(dataKey, 'the new passphrase', TEST_KDF)));

    for (const passphrase of [PASS, 'the new passphrase']) {
      const again = await Store.open({ dataDir: b.dataDir, kdf: TEST_KDF });
      expect(again.state).toBe('locked');
      await again.unlock(passphrase);
      expect(again.state).toBe('ready');
      expect(again.db.contacts.map((c) => c.familyName)).toEqual(['Kamau-Otieno']);
    }
  });

  it('setting a passphrase interrupted before the database was encrypted leaves the plain workspace as it was', async () => {
    const b = await openTestBackend();
    await personIn(b);
    await b.close();
    await writeFile(join(b.dataDir, KEYS_FILE), JSON.stringify({ stale: true }));
    const again = await Store.open({ dataDir: b.dataDir });
    expect(again.state).toBe('ready');
    expect(again.encrypted).toBe(false);
    expect((await readdir(b.dataDir)).includes(KEYS_FILE)).toBe(false);
  });

  it('the app lock refuses every operation but unlock, keeps the data, and wants the passphrase', async () => {
    const b = await openTestBackend();
    const person = await personIn(b);
    await b.call('workspace.setPassphrase', { current: null, next: PASS });
    const locked = await b.call('workspace.lock', {});
    expect(locked.state).toBe('locked');
    for (const [name, input] of [
      ['contacts.get', { id: person.id }],
      ['settings.get', {}],
      ['workspace.backupNow', {}],
      ['workspace.backups', {}],
    ] as const) {
      const res = await b.dispatch(name, input);
      expect(!res.ok && res.error.code, name).toBe('LOCKED');
    }
    expect((await b.dispatch('workspace.unlock', { passphrase: 'wrong wrong wrong' })).ok).toBe(false);
    expect(b.store.state).toBe('locked');
    await b.call('workspace.unlock', { passphrase: PASS });
    expect((await b.call('contacts.get', { id: person.id })).familyName).toBe('Kamau-Otieno');
  });

  it('a new workspace can be protected from the start', async () => {
    const b = await openTestBackend({ init: false });
    const status = await b.call('workspace.initialize', { sample: true, passphrase: PASS });
    expect(status.encrypted).toBe(true);
    expect(status.backups.map((x) => x.reason)).toContain('setup');
    await b.store.flush();
    expect(await filesNaming(b.dataDir, 'Nairobi')).toEqual([]);
    const short = await rejection(b.call('workspace.setPassphrase', { current: PASS, next: 'short' }));
    expect(short.code).toBe('VALIDATION');
  });
});
