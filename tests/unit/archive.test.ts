// The workspace archive through the real services on real data folders: export → open as a new
// workspace gives the identical database; an encrypted workspace makes an encrypted archive (no
// known name in its bytes) that opens elsewhere with the passphrase only; every bad input — not a
// zip, no manifest, a bad checksum, a newer schema, a wrong passphrase, a file over the limit, a zip
// bomb — is refused with the data folder left byte for byte as it was; opening over a workspace
// backs it up first and re-applies the erasure register.
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { base64Parts, MAX_ARCHIVE_BYTES, MAX_DATA_BYTES, UPLOAD_SLICE_BYTES } from '../../shared/features/archive/schema';
import { DatabaseFile, SCHEMA_VERSION, toDatabaseFile } from '../../shared/schemas/database';
import { jobFile } from './helpers/jobs';
import { openTestBackend, rejection, tempDir, type TestBackend } from './helpers/workspace';
import { filesOf } from './helpers/files';

const clock = () => new Date('2026-11-21T10:00:00Z');
const PASS = 'a long enough passphrase';
const SECRET_NAME = 'Wambugu-Kiprotich';

async function exportArchive(b: TestBackend, passphrase?: string): Promise<Buffer> {
  const { jobId } = await b.call('archive.export', passphrase ? { passphrase } : {});
  const file = await jobFile(b, jobId);
  expect(file.fileName).toBe('attache-2026-11-21.attache');
  return file.bytes;
}

/** Sends a file in slices as the window does; returns the upload id. */
async function upload(b: TestBackend, bytes: Uint8Array): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const slice = bytes.subarray(offset, Math.min(offset + UPLOAD_SLICE_BYTES, bytes.byteLength));
    const r = await b.call('archive.upload', { ...(uploadId ? { uploadId } : {}), total: bytes.byteLength, offset, parts: base64Parts(slice) });
    uploadId = r.uploadId;
    offset = r.received;
  } while (offset < bytes.byteLength);
  return uploadId!;
}


/** A zip with the given entries (the archive's, or forged ones). */
const zipOf = (entries: Record<string, Uint8Array>) => Buffer.from(zipSync(entries));
const entriesOf = (bytes: Uint8Array) => unzipSync(bytes);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function withPerson(b: TestBackend) {
  const org = await b.call('organisations.create', { name: 'Kenya Water Institute', country: 'KE' });
  return b.call('contacts.create', { contact: { givenName: 'Zuberi', familyName: SECRET_NAME }, positions: [{ organisationId: org.id, role: 'Director', from: null, to: null }] });
}

describe('the workspace archive', () => {
  it('round trip: export, inspect and open as a new workspace gives the identical database', async () => {
    const source = await openTestBackend({ now: clock, sample: true });
    const bytes = await exportArchive(source);
    const manifest = JSON.parse(Buffer.from(entriesOf(bytes)['manifest.json']!).toString('utf8'));
    expect(manifest).toMatchObject({ format: 'attache-archive', formatVersion: 1, schemaVersion: SCHEMA_VERSION, encrypted: false, createdAt: clock().toISOString() });
    expect(manifest.data.sha256).toBe(sha(entriesOf(bytes)['database.json']!));

    const target = await openTestBackend({ now: clock, init: false });
    expect(target.store.state).toBe('new');
    const uploadId = await upload(target, bytes);
    const summary = await target.call('archive.inspect', { uploadId });
    expect(summary).toMatchObject({ encrypted: false, schemaVersion: SCHEMA_VERSION, size: bytes.byteLength });
    expect(summary.counts.contacts).toBe(source.store.db.contacts.length);
    expect(summary.counts.organisations).toBe(source.store.db.organisations.length);
    const opened = await target.call('archive.open', { uploadId, mode: 'new' });
    expect(opened.status.state).toBe('ready');
    expect(opened.backup).toBeNull();
    expect(target.store.db).toEqual(source.store.db);
    // The staged file is gone once opened.
    expect((await rejection(target.call('archive.inspect', { uploadId }))).messageKey?.key).toBe('archive.errors.notStaged');
  });

  it('opens over the current workspace after backing it up; restoring that backup undoes it', async () => {
    const source = await openTestBackend({ now: clock });
    await withPerson(source);
    const bytes = await exportArchive(source);
    const target = await openTestBackend({ now: clock });
    await target.call('organisations.create', { name: 'Only in the target' });
    const before = target.store.db;
    const { backup, status } = await target.call('archive.open', { uploadId: await upload(target, bytes), mode: 'replace' });
    expect(status.state).toBe('ready');
    expect(backup?.reason).toBe('restore');
    expect(target.store.db).toEqual(source.store.db);
    // A new workspace cannot be set up over one that exists.
    expect((await rejection(target.call('archive.open', { uploadId: await upload(target, bytes), mode: 'new' }))).messageKey?.key).toBe('archive.errors.notNew');
    await target.call('workspace.restoreBackup', { file: backup!.file });
    expect(target.store.db).toEqual(before);
  });

  it('an encrypted workspace exports an encrypted archive that opens elsewhere with the passphrase only', async () => {
    const source = await openTestBackend({ now: clock, init: false });
    await source.call('workspace.initialize', { sample: false, passphrase: PASS });
    await withPerson(source);
    expect((await rejection(source.call('archive.export', {}))).messageKey?.key).toBe('archive.errors.workspacePassphrase');
    expect((await rejection(source.call('archive.export', { passphrase: 'not the passphrase' }))).code).toBe('WRONG_PASSPHRASE');
    const bytes = await exportArchive(source, PASS);
    expect(bytes.includes(Buffer.from(SECRET_NAME))).toBe(false);
    const entries = entriesOf(bytes);
    expect(Object.keys(entries).sort()).toEqual(['database.json.aenc', 'manifest.json']);
    expect(Buffer.from(entries['database.json.aenc']!).includes(Buffer.from(SECRET_NAME))).toBe(false);
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8'));
    expect(manifest.encrypted).toBe(true);
    expect(manifest.encryption.key.kdf).toMatchObject({ name: 'scrypt' });

    const target = await openTestBackend({ now: clock, init: false });
    // A changed byte in the ciphertext, with a checksum made to match: it does not authenticate.
    const forged = Buffer.from(entries['database.json.aenc']!);
    forged[forged.length - 20]! ^= 1;
    const forgedManifest = { ...manifest, data: { ...manifest.data, sha256: sha(forged) } };
    const forgedId = await upload(target, zipOf({ 'manifest.json': strToU8(JSON.stringify(forgedManifest)), 'database.json.aenc': forged }));
    expect((await rejection(target.call('archive.open', { uploadId: forgedId, mode: 'new', passphrase: PASS }))).messageKey?.key).toBe('archive.errors.checksum');
    const uploadId = await upload(target, bytes);
    expect((await target.call('archive.inspect', { uploadId })).encrypted).toBe(true);
    const files = await filesOf(target.dataDir);
    expect((await rejection(target.call('archive.open', { uploadId, mode: 'new' }))).messageKey?.key).toBe('archive.errors.passphraseRequired');
    expect((await rejection(target.call('archive.open', { uploadId, mode: 'new', passphrase: 'correct horse battery stapler' }))).code).toBe('WRONG_PASSPHRASE');
    expect(await filesOf(target.dataDir)).toEqual(files);
    expect(target.store.state).toBe('new');
    const { status } = await target.call('archive.open', { uploadId, mode: 'new', passphrase: PASS });
    expect(status).toMatchObject({ state: 'ready', encrypted: true });
    expect(target.store.db.contacts.map((c) => c.familyName)).toEqual([SECRET_NAME]);
    // Nothing readable was written: the new workspace is protected with the archive's passphrase.
    expect(await readableIn(target.dataDir, SECRET_NAME)).toEqual([]);
  });

  it('refuses every bad input with a clear message and leaves the workspace byte for byte as it was', async () => {
    const source = await openTestBackend({ now: clock });
    await withPerson(source);
    const good = await exportArchive(source);
    const { 'manifest.json': manifestBytes, 'database.json': data } = entriesOf(good);
    const manifest = JSON.parse(Buffer.from(manifestBytes!).toString('utf8'));
    const withManifest = (m: object, d: Uint8Array = data!) => zipOf({ 'manifest.json': strToU8(JSON.stringify(m)), 'database.json': d });

    const target = await openTestBackend({ now: clock });
    await target.call('organisations.create', { name: 'Before' });
    await target.store.flush();
    const files = await filesOf(target.dataDir);
    const db = target.store.db;

    const tampered = Buffer.from(data!);
    tampered[tampered.indexOf(Buffer.from(SECRET_NAME))] = 0x58;
    const newerData = Buffer.from(Buffer.from(data!).toString('utf8').replace(`"schemaVersion": ${SCHEMA_VERSION}`, `"schemaVersion": ${SCHEMA_VERSION + 1}`));
    expect(newerData.equals(Buffer.from(data!))).toBe(false);
    // A zip whose directory claims the database unpacks beyond the limit: refused before inflating.
    const bomb = Buffer.from(good);
    // The central directory's entry for database.json (the last name in the file); its uncompressed size is at +24.
    const dataHeader = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), bomb.lastIndexOf(Buffer.from('database.json')));
    expect(dataHeader).toBeGreaterThan(0);
    bomb.writeUInt32LE(MAX_DATA_BYTES + 1, dataHeader + 24);
    // And one that claims less than it holds: it cannot grow past its claim, and then fails its checksum.
    const liar = Buffer.from(good);
    liar.writeUInt32LE(10, dataHeader + 24);

    const cases: Array<[string, Uint8Array, string]> = [
      ['not a zip', strToU8('name;email\nAmina;a@example.org\n'), 'archive.errors.notZip'],
      ['empty file', new Uint8Array(0), 'archive.errors.notZip'],
      ['no manifest', zipOf({ 'database.json': data! }), 'archive.errors.noManifest'],
      ['manifest not JSON', zipOf({ 'manifest.json': strToU8('{ nope'), 'database.json': data! }), 'archive.errors.badManifest'],
      ['not our manifest', withManifest({ ...manifest, format: 'other' }), 'archive.errors.badManifest'],
      ['no data entry', zipOf({ 'manifest.json': manifestBytes! }), 'archive.errors.noData'],
      ['bad checksum', withManifest(manifest, tampered), 'archive.errors.checksum'],
      ['newer schema in the manifest', withManifest({ ...manifest, schemaVersion: SCHEMA_VERSION + 1 }), 'archive.errors.tooNew'],
      ['newer schema in the data', withManifest({ ...manifest, data: { ...manifest.data, size: newerData.byteLength, sha256: sha(newerData) } }, newerData), 'archive.errors.tooNew'],
      ['zip bomb', bomb, 'archive.errors.tooBig'],
      ['size that lies', liar, 'archive.errors.checksum'],
    ];
    for (const [what, bytes, key] of cases) {
      const failure = await rejection(
        (async () => {
          const uploadId = await upload(target, bytes);
          await target.call('archive.inspect', { uploadId });
          await target.call('archive.open', { uploadId, mode: 'replace' });
        })(),
      );
      expect(failure.code, what).toBe('VALIDATION');
      expect(failure.messageKey?.key, what).toBe(key);
    }
    // Over the size limit: refused at the first slice, before anything is kept.
    const tooLarge = await rejection(target.call('archive.upload', { total: MAX_ARCHIVE_BYTES + 1, offset: 0, parts: [] }));
    expect(tooLarge.messageKey).toEqual({ key: 'archive.errors.tooLarge', params: { max: 200 } });
    // A slice that does not continue the upload.
    const { uploadId } = await target.call('archive.upload', { total: 10, offset: 0, parts: base64Parts(new Uint8Array(4)) });
    expect((await rejection(target.call('archive.upload', { uploadId, total: 10, offset: 8, parts: base64Parts(new Uint8Array(2)) }))).messageKey?.key).toBe('archive.errors.upload');

    expect(target.store.db).toBe(db);
    expect(await filesOf(target.dataDir)).toEqual(files);
  });

  it('re-applies the erasure register: a person erased after the export does not come back', async () => {
    const b = await openTestBackend({ now: clock });
    const person = await withPerson(b);
    const bytes = await exportArchive(b);
    await b.call('contacts.erase', { id: person.id, revision: person.revision });
    await b.call('archive.open', { uploadId: await upload(b, bytes), mode: 'replace' });
    expect(b.store.db.contacts).toEqual([]);
    expect(b.store.db.positions).toEqual([]);
    expect(b.store.db.erasures.map((e) => e.id)).toEqual([person.id]);

    // And at first start, from the register kept beside a database that is gone.
    const dir = await tempDir();
    const fresh = await openTestBackend({ dataDir: dir, now: clock, init: false });
    await copyFile(join(b.dataDir, 'attache.erasures.json'), join(dir, 'attache.erasures.json'));
    await fresh.call('archive.open', { uploadId: await upload(fresh, bytes), mode: 'new' });
    expect(fresh.store.db.contacts).toEqual([]);
  });
});

/** Files under the data folder that hold `text` readable (not encrypted). */
async function readableIn(dir: string, text: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && (await readFile(join(entry.parentPath, entry.name))).includes(Buffer.from(text))) out.push(entry.name);
  }
  return out;
}

describe('an archive’s protection meets the workspace’s', () => {
  async function encryptedArchive(): Promise<Buffer> {
    const source = await openTestBackend({ now: clock, init: false });
    await source.call('workspace.initialize', { sample: false, passphrase: PASS });
    await withPerson(source);
    return exportArchive(source, PASS);
  }

  it('an encrypted archive over an unprotected workspace needs a choice; kept, nothing readable is written and the workspace opens with the archive’s passphrase only', async () => {
    const bytes = await encryptedArchive();
    const target = await openTestBackend({ now: clock });
    await target.call('organisations.create', { name: 'Only in the target' });
    await target.store.flush();
    const files = await filesOf(target.dataDir);
    const uploadId = await upload(target, bytes);
    expect(await target.call('archive.inspect', { uploadId })).toMatchObject({ encrypted: true, workspaceEncrypted: false });
    // No silent landing: without a choice it is refused, and nothing changed.
    const refused = await rejection(target.call('archive.open', { uploadId, mode: 'replace', passphrase: PASS }));
    expect(refused.messageKey?.key).toBe('archive.errors.protectionRequired');
    expect(await filesOf(target.dataDir)).toEqual(files);

    const { status, backup } = await target.call('archive.open', { uploadId, mode: 'replace', passphrase: PASS, protection: 'archive' });
    expect(status).toMatchObject({ state: 'ready', encrypted: true });
    expect(target.store.db.contacts.map((c) => c.familyName)).toEqual([SECRET_NAME]);
    // Neither the archive's data nor the workspace as it was (its backups are re-encrypted) is readable on disk.
    expect(await readableIn(target.dataDir, SECRET_NAME)).toEqual([]);
    expect(await readableIn(target.dataDir, 'Only in the target')).toEqual([]);
    // Restoring the backup taken first undoes it (the backup is now encrypted too).
    await target.call('workspace.restoreBackup', { file: backup!.file });
    expect(target.store.db.organisations.map((o) => o.name)).toEqual(['Only in the target']);

    // A new start asks for the archive's passphrase.
    const dir = target.dataDir;
    await target.close();
    const again = await openTestBackend({ dataDir: dir, now: clock, init: false });
    expect(again.store.state).toBe('locked');
    expect((await rejection(again.call('workspace.unlock', { passphrase: 'not it' }))).code).toBe('WRONG_PASSPHRASE');
    await again.call('workspace.unlock', { passphrase: PASS });
    expect(again.store.state).toBe('ready');
  });

  it('“open it without a passphrase” is the user’s explicit choice: the workspace stays unprotected', async () => {
    const bytes = await encryptedArchive();
    const target = await openTestBackend({ now: clock });
    const { status } = await target.call('archive.open', { uploadId: await upload(target, bytes), mode: 'replace', passphrase: PASS, protection: 'none' });
    expect(status).toMatchObject({ state: 'ready', encrypted: false });
    expect(target.store.db.contacts.map((c) => c.familyName)).toEqual([SECRET_NAME]);
    expect(await readableIn(target.dataDir, SECRET_NAME)).not.toEqual([]);
  });

  it('a plain archive over an encrypted workspace keeps the workspace’s passphrase: nothing readable is written', async () => {
    const source = await openTestBackend({ now: clock });
    await withPerson(source);
    const bytes = await exportArchive(source);
    const target = await openTestBackend({ now: clock, init: false });
    await target.call('workspace.initialize', { sample: false, passphrase: PASS });
    const uploadId = await upload(target, bytes);
    expect(await target.call('archive.inspect', { uploadId })).toMatchObject({ encrypted: false, workspaceEncrypted: true });
    const { status } = await target.call('archive.open', { uploadId, mode: 'replace' });
    expect(status).toMatchObject({ state: 'ready', encrypted: true });
    expect(target.store.db.contacts.map((c) => c.familyName)).toEqual([SECRET_NAME]);
    expect(await readableIn(target.dataDir, SECRET_NAME)).toEqual([]);
  });
});

describe('inspect and open do the least they can', () => {
  it('inspect checks the checksum without parsing the database: data that is not JSON passes inspect and is refused by open', async () => {
    const source = await openTestBackend({ now: clock });
    const good = entriesOf(await exportArchive(source));
    const manifest = JSON.parse(Buffer.from(good['manifest.json']!).toString('utf8'));
    const notJson = strToU8('{ this is not the database');
    const bytes = zipOf({ 'manifest.json': strToU8(JSON.stringify({ ...manifest, data: { ...manifest.data, size: notJson.byteLength, sha256: sha(notJson) } })), 'database.json': notJson });
    const target = await openTestBackend({ now: clock });
    const uploadId = await upload(target, bytes);
    expect(await target.call('archive.inspect', { uploadId })).toMatchObject({ encrypted: false, workspaceEncrypted: false });
    expect((await rejection(target.call('archive.open', { uploadId, mode: 'replace' }))).messageKey?.key).toBe('archive.errors.badData');
  });

  it('open validates the database once, and what it stores (erasures re-applied) is valid', async () => {
    const source = await openTestBackend({ now: clock, sample: true });
    const person = source.store.db.contacts.at(0)!;
    const bytes = await exportArchive(source);
    await source.call('contacts.erase', { id: person.id, revision: person.revision });
    const uploadId = await upload(source, bytes);
    await source.call('archive.inspect', { uploadId });
    const parse = vi.spyOn(DatabaseFile, 'parse');
    const safeParse = vi.spyOn(DatabaseFile, 'safeParse');
    try {
      await source.call('archive.open', { uploadId, mode: 'replace' });
      expect(parse.mock.calls.length + safeParse.mock.calls.length).toBe(1);
    } finally {
      parse.mockRestore();
      safeParse.mockRestore();
    }
    expect(source.store.db.contacts.some((c) => c.id === person.id)).toBe(false);
    expect(DatabaseFile.safeParse(toDatabaseFile(source.store.db)).success).toBe(true);
  });
});
