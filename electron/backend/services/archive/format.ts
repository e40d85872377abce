/**
 * The `.attache` archive file: a zip (fflate) with `manifest.json` and the database as JSON, the
 * database compressed and then encrypted (AES-256-GCM, store/crypto.ts) under a fresh key wrapped
 * with the passphrase by scrypt when there is one. Reading checks, in order and before anything is
 * trusted: the file size, that it is a zip, the sizes the zip claims (before inflating: no zip bomb),
 * the manifest, the data entry's declared size, then — streaming the entry out of the zip in slices —
 * its checksum, the schema version, the passphrase, and validates the database once (migrating an
 * older one). The entry is found through the zip's directory and inflated by zlib as a stream:
 * inspecting hashes it as it streams and keeps none of it; opening inflates it once into a buffer of
 * the declared size. Writing yields between steps and takes a checkpoint, so an export
 * job can be cancelled. Every refusal is a VALIDATION error with a message key; nothing here writes a file.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { createInflateRaw, inflateRaw } from 'node:zlib';
import { Deflate, strFromU8, strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { AppError } from '../../../../shared/errors';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchiveManifest,
  ENCRYPTED_DATA_ENTRY,
  MANIFEST_ENTRY,
  MAX_ARCHIVE_BYTES,
  MAX_DATA_BYTES,
  MAX_MANIFEST_BYTES,
  PLAIN_DATA_ENTRY,
  type ArchiveCounts,
} from '../../../../shared/features/archive/schema';
import type { TranslationKey } from '../../../../shared/i18n';
import { collectionNames, DatabaseFile, SCHEMA_VERSION, toDatabase, type Database } from '../../../../shared/schemas/database';
import { decryptBlock, encryptChunks, newDataKey, unwrapKey, wrapKey, type DataKey } from '../../store/crypto';
import { serializeChunks } from '../../store/json-adapter';
import { migrate, versionOf } from '../../store/migrations';
import { version } from '../../../../package.json';

export const APP_VERSION: string = version;

export interface ArchiveLimits {
  maxArchive: number;
  maxData: number;
}
export const defaultLimits: ArchiveLimits = { maxArchive: MAX_ARCHIVE_BYTES, maxData: MAX_DATA_BYTES };

const refuse = (key: TranslationKey, message: string, params?: Record<string, string | number>) =>
  new AppError('VALIDATION', message, { messageKey: { key, ...(params ? { params } : {}) } });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Binds the encrypted body to this format and its key. */
const aadOf = (keyId: string) => Buffer.from(`attache-archive:${ARCHIVE_FORMAT_VERSION}:${keyId}`);

export const countsOf = (db: Database): ArchiveCounts => Object.fromEntries(collectionNames.map((name) => [name, db[name].length]));

/** What an export job gives the writer: progress (0…1) and a checkpoint that throws once it was cancelled. */
export interface WriteControl {
  progress?: (fraction: number) => void;
  checkpoint?: () => void;
}

/** Lets the event loop breathe (the window's calls — progress, Cancel — are answered between slices). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Record chunks gathered into blocks of about this size, each pushed to a compressor before a breath. */
const BLOCK = 4 * 1024 * 1024;

/** Groups many small chunks (one per record) into blocks of about BLOCK bytes. */
function* blocks(chunks: readonly Uint8Array[]): Generator<Uint8Array> {
  let group: Uint8Array[] = [];
  let size = 0;
  for (const c of chunks) {
    group.push(c);
    size += c.byteLength;
    if (size >= BLOCK) {
      yield Buffer.concat(group, size);
      group = [];
      size = 0;
    }
  }
  if (size) yield Buffer.concat(group, size);
}

/**
 * The archive's bytes. `passphrase` encrypts it; `kdf` is the scrypt cost (the store's). The work
 * goes in blocks with a breath and a checkpoint between them, so a cancelled export stops there.
 */
export async function writeArchive(db: Database, createdAt: Date, passphrase: string | null, kdf: { N: number; r: number; p: number }, control: WriteControl = {}): Promise<Uint8Array> {
  const checkpoint = control.checkpoint ?? (() => {});
  const progress = control.progress ?? (() => {});
  const plain = serializeChunks(db);
  const total = plain.reduce((n, c) => n + c.byteLength, 0);
  await breathe();
  checkpoint();
  progress(0.2);
  /** Pushes the JSON through a stream (a compressor) block by block, breathing and checking in between. */
  const pump = async (push: (block: Uint8Array, final: boolean) => void, from: number, to: number) => {
    let done = 0;
    for (const block of blocks(plain)) {
      done += block.byteLength;
      push(block, done === total);
      await breathe();
      checkpoint();
      progress(from + ((to - from) * done) / Math.max(1, total));
    }
    if (total === 0) push(new Uint8Array(0), true);
  };
  const manifestOf = (entry: ArchiveManifest['data']['entry'], data: { size: number; sha256: string }, encryption?: ArchiveManifest['encryption']): ArchiveManifest => ({
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: APP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    createdAt: createdAt.toISOString(),
    counts: countsOf(db),
    data: { entry, ...data, ...(encryption ? { plainSize: total } : {}) },
    encrypted: encryption !== undefined,
    ...(encryption ? { encryption } : {}),
  });
  const manifestBytes = (m: ArchiveManifest) => strToU8(`${JSON.stringify(m, null, 2)}\n`);

  if (passphrase) {
    // A fresh key for this archive, wrapped with the passphrase: never the workspace's own key.
    // Compressed before it is encrypted: ciphertext does not compress (10 × the size otherwise).
    const key = newDataKey();
    const wrapped = await wrapKey(key, passphrase, kdf);
    const compressed: Uint8Array[] = [];
    const deflate = new Deflate({ level: 6 }, (chunk) => compressed.push(chunk));
    await pump((block, final) => deflate.push(block, final), 0.2, 0.8);
    const data = Buffer.concat([...encryptChunks(key.key, compressed, aadOf(key.keyId))]);
    checkpoint();
    const manifest = manifestOf(ENCRYPTED_DATA_ENTRY, { size: data.byteLength, sha256: sha256(data) }, { cipher: 'aes-256-gcm', key: wrapped });
    // The encrypted entry is stored as it is (it does not compress), with its sizes in the header.
    return zipSync({ [MANIFEST_ENTRY]: manifestBytes(manifest), [ENCRYPTED_DATA_ENTRY]: [data, { level: 0 }] }, { mtime: createdAt });
  }

  // Plain: the checksum first (the manifest comes first in the zip), then the JSON deflated into the zip block by block.
  const hash = createHash('sha256');
  for (const c of plain) hash.update(c);
  const manifest = manifestOf(PLAIN_DATA_ENTRY, { size: total, sha256: hash.digest('hex') });
  await breathe();
  checkpoint();
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  let ended = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else out.push(chunk);
    if (final) ended = true;
  });
  const head = new ZipDeflate(MANIFEST_ENTRY, { level: 6 });
  head.mtime = createdAt;
  zip.add(head);
  head.push(manifestBytes(manifest), true);
  const body = new ZipDeflate(PLAIN_DATA_ENTRY, { level: 6 });
  body.mtime = createdAt;
  zip.add(body);
  await pump((block, final) => body.push(block, final), 0.25, 0.95);
  zip.end();
  if (failure) throw failure;
  if (!ended) throw new Error('The archive was not finished.');
  return Buffer.concat(out);
}

/** An archive whose container, manifest and declared sizes have been checked; its data not yet read. */
export interface CheckedArchive {
  manifest: ArchiveManifest;
  /** The whole file: the data entry is streamed out of it when it is needed. */
  bytes: Uint8Array;
  size: number;
}

/**
 * Everything that can be checked without reading the data: the file's size, the zip's directory
 * and the sizes it declares (before anything is inflated), the manifest, and that the data entry is
 * there with the size the manifest names. Only the manifest is inflated.
 */
export function checkArchive(bytes: Uint8Array, limits: ArchiveLimits = defaultLimits): CheckedArchive {
  if (bytes.byteLength > limits.maxArchive) {
    throw refuse('archive.errors.tooLarge', `The file is larger than ${limits.maxArchive} bytes.`, { max: Math.round(limits.maxArchive / 1024 / 1024) });
  }
  let entries: Record<string, Uint8Array>;
  let tooBig = false;
  const declared = new Map<string, number>();
  try {
    entries = unzipSync(bytes, {
      // Called with the sizes the zip declares, before anything is inflated.
      filter: (file) => {
        const data = file.name === PLAIN_DATA_ENTRY || file.name === ENCRYPTED_DATA_ENTRY;
        const max = file.name === MANIFEST_ENTRY ? MAX_MANIFEST_BYTES : data ? limits.maxData : -1;
        if (max < 0) return false; // anything else in the zip is not read
        if (file.originalSize > max || file.size > limits.maxArchive) {
          tooBig = true;
          throw new Error('too big');
        }
        if (data) {
          if (!declared.has(file.name)) declared.set(file.name, file.originalSize);
          return false; // streamed later, when it is needed
        }
        return true;
      },
    });
  } catch (e) {
    if (tooBig) throw refuse('archive.errors.tooBig', 'The archive declares more data than allowed; it was not unpacked.');
    throw refuse('archive.errors.notZip', `Not a zip archive: ${(e as Error).message}`);
  }
  const manifestBytes = entries[MANIFEST_ENTRY];
  if (!manifestBytes) throw refuse('archive.errors.noManifest', 'The archive has no manifest.json.');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw refuse('archive.errors.badManifest', 'The manifest is not JSON.');
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw refuse('archive.errors.tooNew', `The archive's schema version ${version} is newer than this app's ${SCHEMA_VERSION}.`, { version, known: SCHEMA_VERSION });
  }
  const parsed = ArchiveManifest.safeParse(raw);
  if (!parsed.success || parsed.data.formatVersion > ARCHIVE_FORMAT_VERSION) throw refuse('archive.errors.badManifest', 'The manifest is not an Attaché archive manifest this version knows.');
  const manifest = parsed.data;
  const size = declared.get(manifest.data.entry);
  if (size === undefined) throw refuse('archive.errors.noData', `The archive has no ${manifest.data.entry}.`);
  if (size !== manifest.data.size) throw checksumMismatch();
  return { manifest, bytes, size: bytes.byteLength };
}

const inflateRawAsync = promisify(inflateRaw);

const checksumMismatch = () => refuse('archive.errors.checksum', 'The data entry does not match the checksum in the manifest.');

/**
 * Where an entry's stored bytes lie, by the zip's central directory — the directory whose sizes
 * checkArchive checked (the first entry of the name, as there) — and its compression method. Null
 * when the directory does not lead to it.
 */
function locate(bytes: Uint8Array, name: string): { start: number; size: number; method: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.byteLength ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.byteLength ? view.getUint16(at, true) : -1);
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const wanted = Buffer.from(name, 'utf8');
  let at = u32(end + 16);
  for (let n = u16(end + 10); n > 0; n--) {
    if (u32(at) !== 0x02014b50) return null;
    const nameLength = u16(at + 28);
    if (Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.min(nameLength, Math.max(0, bytes.byteLength - at - 46))).equals(wanted)) {
      const local = u32(at + 42);
      if (u32(local) !== 0x04034b50) return null;
      const start = local + 30 + u16(local + 26) + u16(local + 28);
      const size = u32(at + 20);
      if (start + size > bytes.byteLength) return null;
      return { start, size, method: u16(at + 10) };
    }
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return null;
}

/**
 * Streams the data entry out of the zip: `sink` receives each inflated piece and where it starts.
 * Inflating is zlib's, on its own thread (the event loop stays free). The entry may not yield more
 * than the manifest's size, and must yield exactly that; anything else (a damaged stream, an entry
 * that grows) is the checksum's refusal.
 */
async function streamData(archive: CheckedArchive, sink: (chunk: Uint8Array, at: number) => void): Promise<void> {
  const { manifest, bytes } = archive;
  const want = manifest.data.size;
  const entry = locate(bytes, manifest.data.entry);
  if (!entry || (entry.method !== 0 && entry.method !== 8)) throw checksumMismatch();
  const stored = bytes.subarray(entry.start, entry.start + entry.size);
  let got = 0;
  let failed = false;
  const take = (chunk: Uint8Array) => {
    if (failed) return;
    if (got + chunk.byteLength > want) {
      failed = true;
      return;
    }
    sink(chunk, got);
    got += chunk.byteLength;
  };
  if (entry.method === 0) {
    take(stored);
  } else {
    await new Promise<void>((resolve) => {
      const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
      inflate.on('data', (chunk: Buffer) => {
        take(chunk);
        if (failed) inflate.destroy();
      });
      inflate.on('end', () => resolve());
      inflate.on('close', () => resolve());
      inflate.on('error', () => {
        failed = true;
        resolve();
      });
      inflate.end(stored);
    });
  }
  if (failed || got !== want) throw checksumMismatch();
}

/** Checks the data entry against the manifest's checksum as it streams, keeping none of it (inspect). */
export async function verifyArchive(archive: CheckedArchive): Promise<void> {
  const hash = createHash('sha256');
  await streamData(archive, (chunk) => hash.update(chunk));
  if (hash.digest('hex') !== archive.manifest.data.sha256) throw checksumMismatch();
}

/** The data entry, inflated once into a buffer of its declared size and checked against the manifest's checksum. */
async function readData(archive: CheckedArchive): Promise<Buffer> {
  const out = Buffer.allocUnsafe(archive.manifest.data.size);
  const hash = createHash('sha256');
  await streamData(archive, (chunk, at) => {
    out.set(chunk, at);
    hash.update(chunk);
  });
  if (hash.digest('hex') !== archive.manifest.data.sha256) throw checksumMismatch();
  return out;
}

/** The database's JSON text: the data entry read once, decrypted and inflated when it is encrypted. */
async function readText(archive: CheckedArchive, key: DataKey | null, maxData: number): Promise<string> {
  const data = await readData(archive);
  if (!key) return data.toString('utf8');
  let compressed: Buffer;
  try {
    compressed = decryptBlock(key.key, data, aadOf(key.keyId));
  } catch {
    throw refuse('archive.errors.checksum', 'The encrypted data does not authenticate.');
  }
  const plainSize = archive.manifest.data.plainSize ?? 0;
  if (plainSize > maxData) throw refuse('archive.errors.tooBig', 'The archive declares more data than allowed; it was not unpacked.');
  let out: Buffer;
  try {
    // zlib on its own thread, stopped at the declared size: it cannot grow past it.
    out = await inflateRawAsync(compressed, { maxOutputLength: Math.max(1, plainSize) });
  } catch {
    throw refuse('archive.errors.badData', 'The archive’s database cannot be decompressed.');
  }
  return out.toString('utf8');
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw refuse('archive.errors.badData', 'The archive’s database is not JSON.');
  }
}

/**
 * The archive's database: the data entry read once and checked against its checksum, decrypted
 * when encrypted, parsed, and validated once (migrated from an older schema version first). An
 * encrypted archive needs its passphrase: none given is refused, a wrong one is WRONG_PASSPHRASE.
 */
export async function readArchiveDatabase(archive: CheckedArchive, passphrase: string | undefined, maxData: number = MAX_DATA_BYTES): Promise<Database> {
  const { manifest } = archive;
  let unwrapped: DataKey | null = null;
  if (manifest.encryption) {
    // The passphrase before the data: a wrong one costs no inflating.
    if (!passphrase) throw refuse('archive.errors.passphraseRequired', 'The archive is encrypted; its passphrase is needed.');
    unwrapped = await unwrapKey(manifest.encryption.key, passphrase);
  }
  // Neither the bytes nor the text outlive the parse: only the parsed value is held from here on.
  const raw = parseObject(await readText(archive, unwrapped, maxData));
  const version = versionOf(raw);
  if (version > SCHEMA_VERSION) {
    throw refuse('archive.errors.tooNew', `The archive's schema version ${version} is newer than this app's ${SCHEMA_VERSION}.`, { version, known: SCHEMA_VERSION });
  }
  let candidate: unknown;
  try {
    candidate = version < SCHEMA_VERSION ? migrate(raw) : raw;
  } catch {
    throw refuse('archive.errors.badData', 'The archive’s database could not be migrated.');
  }
  const db = DatabaseFile.safeParse(candidate);
  if (!db.success) throw refuse('archive.errors.badData', `The archive’s database is not valid: ${db.error.issues[0]?.path.join('.')}`);
  return toDatabase(db.data);
}
