/**
 * The `.attache` archive file: a zip (fflate) with `manifest.json` and the database as JSON, the
 * database compressed and then encrypted (AES-256-GCM, store/crypto.ts) under a fresh key wrapped
 * with the passphrase by scrypt when there is one. Reading checks, in order and before anything is trusted: the file size,
 * that it is a zip, the sizes the zip claims (before inflating: no zip bomb), the manifest, the
 * data entry's checksum, the schema version, then the passphrase, and validates the database
 * (migrating an older one). Every refusal is a VALIDATION error with a message key; nothing here
 * writes anything.
 */
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
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
import { collectionNames, Database, SCHEMA_VERSION } from '../../../../shared/schemas/database';
import { decryptBlock, encryptChunks, newDataKey, unwrapKey, wrapKey } from '../../store/crypto';
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

/** The archive's bytes. `passphrase` encrypts it; `kdf` is the scrypt cost (the store's). */
export async function writeArchive(db: Database, createdAt: Date, passphrase: string | null, kdf: { N: number; r: number; p: number }): Promise<Uint8Array> {
  const plain = serializeChunks(db);
  let entry: string;
  let data: Uint8Array;
  let encryption: ArchiveManifest['encryption'];
  let plainSize: number | undefined;
  if (passphrase) {
    // A fresh key for this archive, wrapped with the passphrase: never the workspace's own key.
    // Compressed before it is encrypted: ciphertext does not compress (10 × the size otherwise).
    const key = newDataKey();
    const wrapped = await wrapKey(key, passphrase, kdf);
    const json = Buffer.concat(plain);
    plainSize = json.byteLength;
    data = Buffer.concat([...encryptChunks(key.key, [deflateSync(json, { level: 6 })], aadOf(key.keyId))]);
    entry = ENCRYPTED_DATA_ENTRY;
    encryption = { cipher: 'aes-256-gcm', key: wrapped };
  } else {
    data = Buffer.concat(plain);
    entry = PLAIN_DATA_ENTRY;
  }
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: APP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    createdAt: createdAt.toISOString(),
    counts: countsOf(db),
    data: { entry: entry as ArchiveManifest['data']['entry'], size: data.byteLength, sha256: sha256(data), ...(plainSize !== undefined ? { plainSize } : {}) },
    encrypted: passphrase !== null,
    ...(encryption ? { encryption } : {}),
  };
  const files: Zippable = {
    [MANIFEST_ENTRY]: strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
    // The encrypted entry is compressed already; plain JSON compresses a lot.
    [entry]: [data, { level: passphrase ? 0 : 6 }],
  };
  return zipSync(files, { mtime: createdAt });
}

/** An archive whose container, manifest and checksum have been checked; its data not yet decoded. */
export interface CheckedArchive {
  manifest: ArchiveManifest;
  data: Uint8Array;
  size: number;
}

/** Everything that can be checked without the passphrase. */
export function checkArchive(bytes: Uint8Array, limits: ArchiveLimits = defaultLimits): CheckedArchive {
  if (bytes.byteLength > limits.maxArchive) {
    throw refuse('archive.errors.tooLarge', `The file is larger than ${limits.maxArchive} bytes.`, { max: Math.round(limits.maxArchive / 1024 / 1024) });
  }
  let entries: Record<string, Uint8Array>;
  let tooBig = false;
  try {
    entries = unzipSync(bytes, {
      // Called with the sizes the zip declares, before anything is inflated; the output buffer is
      // that size, so an entry that claims less than it holds cannot grow past it (the checksum then fails).
      filter: (file) => {
        const max = file.name === MANIFEST_ENTRY ? MAX_MANIFEST_BYTES : file.name === PLAIN_DATA_ENTRY || file.name === ENCRYPTED_DATA_ENTRY ? limits.maxData : -1;
        if (max < 0) return false; // anything else in the zip is not read
        if (file.originalSize > max || file.size > limits.maxArchive) {
          tooBig = true;
          throw new Error('too big');
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
  const data = entries[manifest.data.entry];
  if (!data) throw refuse('archive.errors.noData', `The archive has no ${manifest.data.entry}.`);
  if (data.byteLength !== manifest.data.size || sha256(data) !== manifest.data.sha256) {
    throw refuse('archive.errors.checksum', 'The data entry does not match the checksum in the manifest.');
  }
  return { manifest, data, size: bytes.byteLength };
}

/**
 * The archive's database, validated (and migrated from an older schema version). An encrypted
 * archive needs its passphrase: none given is refused, a wrong one is WRONG_PASSPHRASE.
 */
export async function readArchiveDatabase(archive: CheckedArchive, passphrase: string | undefined, maxData: number = MAX_DATA_BYTES): Promise<Database> {
  const { manifest } = archive;
  let text: Buffer;
  if (manifest.encryption) {
    if (!passphrase) throw refuse('archive.errors.passphraseRequired', 'The archive is encrypted; its passphrase is needed.');
    const key = await unwrapKey(manifest.encryption.key, passphrase);
    let compressed: Buffer;
    try {
      compressed = decryptBlock(key.key, archive.data, aadOf(key.keyId));
    } catch {
      throw refuse('archive.errors.checksum', 'The encrypted data does not authenticate.');
    }
    const plainSize = manifest.data.plainSize ?? 0;
    if (plainSize > maxData) throw refuse('archive.errors.tooBig', 'The archive declares more data than allowed; it was not unpacked.');
    try {
      // Into a buffer of the declared size: it cannot grow past it.
      const out = inflateSync(compressed, { out: new Uint8Array(plainSize) });
      text = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    } catch {
      throw refuse('archive.errors.badData', 'The archive’s database cannot be decompressed.');
    }
  } else {
    text = Buffer.from(archive.data.buffer, archive.data.byteOffset, archive.data.byteLength);
  }
  let raw: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(text.toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    raw = value as Record<string, unknown>;
  } catch {
    throw refuse('archive.errors.badData', 'The archive’s database is not JSON.');
  }
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
  const db = Database.safeParse(candidate);
  if (!db.success) throw refuse('archive.errors.badData', `The archive’s database is not valid: ${db.error.issues[0]?.path.join('.')}`);
  return db.data;
}
