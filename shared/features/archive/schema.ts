/**
 * The workspace archive (`.attache`): one zip holding `manifest.json` and the database. The manifest
 * says what is inside (format and schema version, app version, date, record counts, the data
 * entry's SHA-256) and, for an encrypted archive, how to recover its key from the passphrase (scrypt
 * parameters and the wrapped key; never the key itself). Everything read from an archive passes
 * these schemas before it is used.
 */
import { z } from 'zod';
import { Id, Timestamp } from '../../schemas/common';
import { collectionNames, type CollectionName } from '../../schemas/database';

export const ARCHIVE_FORMAT = 'attache-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_EXTENSION = '.attache';
export const MANIFEST_ENTRY = 'manifest.json';
export const PLAIN_DATA_ENTRY = 'database.json';
export const ENCRYPTED_DATA_ENTRY = 'database.json.aenc';

/** The largest archive file accepted (what the window sends in slices). */
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;
/** The largest database an archive may unpack to; the zip's own sizes are checked against it before inflating. */
export const MAX_DATA_BYTES = 1024 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** One slice of an upload: up to 4 parts of base64 text (each under the contract's string limit), 3 MB of file. */
export const UPLOAD_PART_BYTES = 750_000;
export const UPLOAD_PART_CHARS = (UPLOAD_PART_BYTES / 3) * 4;
export const UPLOAD_SLICE_BYTES = 4 * UPLOAD_PART_BYTES;

/** A slice of the file as the base64 parts `archive.upload` takes (plain JS: the window has no Buffer). */
export function base64Parts(slice: Uint8Array): string[] {
  const parts: string[] = [];
  for (let at = 0; at < slice.byteLength; at += UPLOAD_PART_BYTES) {
    const part = slice.subarray(at, Math.min(at + UPLOAD_PART_BYTES, slice.byteLength));
    let binary = '';
    for (let i = 0; i < part.length; i += 0x8000) binary += String.fromCharCode(...part.subarray(i, i + 0x8000));
    parts.push((globalThis as unknown as { btoa: (s: string) => string }).btoa(binary));
  }
  return parts;
}

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Base64 = z.string().regex(/^[A-Za-z0-9+/=]*$/);

export const ArchiveCounts = z.partialRecord(z.enum(collectionNames as [CollectionName, ...CollectionName[]]), z.number().int().nonnegative());
export type ArchiveCounts = z.infer<typeof ArchiveCounts>;

/** The scrypt-wrapped key of an encrypted archive (the same shape the workspace's keys file has). */
export const ArchiveKey = z
  .object({
    kdf: z.object({
      name: z.literal('scrypt'),
      N: z.number().int().min(1024).max(2 ** 22),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: z.string().regex(/^[A-Za-z0-9+/=]{16,64}$/),
    }),
    wrapped: z.string().regex(/^[A-Za-z0-9+/=]{60,120}$/),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
  })
  .strict();

export const ArchiveManifest = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    formatVersion: z.number().int().min(1),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().min(0),
    createdAt: Timestamp,
    counts: ArchiveCounts,
    data: z
      .object({
        entry: z.enum([PLAIN_DATA_ENTRY, ENCRYPTED_DATA_ENTRY]),
        size: z.number().int().nonnegative(),
        sha256: Sha256,
        /** An encrypted entry is the DEFLATE-compressed JSON, encrypted (ciphertext does not compress): the JSON's size. */
        plainSize: z.number().int().nonnegative().optional(),
      })
      .strict(),
    encrypted: z.boolean(),
    /** For an encrypted archive: AES-256-GCM under a random key, wrapped with the passphrase by scrypt. */
    encryption: z.object({ cipher: z.literal('aes-256-gcm'), key: ArchiveKey }).strict().optional(),
  })
  .strict()
  .refine((m) => m.encrypted === (m.encryption !== undefined) && m.encrypted === (m.data.entry === ENCRYPTED_DATA_ENTRY) && m.encrypted === (m.data.plainSize !== undefined), {
    message: 'encryption',
  });
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;

/** Export: an encrypted workspace needs its passphrase (the archive is encrypted with it); a plain one may give one. */
export const ArchiveExportInput = z.object({ passphrase: z.string().min(1).max(1024).optional() });

/** One slice of a file the window sends: the first has no upload id and names the total size. */
export const ArchiveUploadInput = z.object({
  uploadId: Id.optional(),
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  parts: z.array(Base64.max(UPLOAD_PART_CHARS)).max(4),
});
export const ArchiveUploadResult = z.object({ uploadId: Id, received: z.number().int() });

export const StagedArchive = z.object({ uploadId: Id });

/** What the user sees before opening: the manifest in words. */
export const ArchiveSummary = z.object({
  createdAt: Timestamp,
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: ArchiveCounts,
  encrypted: z.boolean(),
  size: z.number().int(),
  /** Whether the workspace it would open over is protected with a passphrase (false at first start). */
  workspaceEncrypted: z.boolean(),
});
export type ArchiveSummary = z.infer<typeof ArchiveSummary>;

/**
 * What becomes of an encrypted archive's protection over an unprotected workspace: "archive" protects
 * the workspace with the archive's passphrase; "none" opens it unprotected (the user's explicit choice).
 */
export const archiveProtections = ['archive', 'none'] as const;
export const ArchiveProtection = z.enum(archiveProtections);
export type ArchiveProtection = z.infer<typeof ArchiveProtection>;

/** Open over the current workspace (a backup first) or as the new workspace at first start. */
export const ArchiveOpenInput = z.object({
  uploadId: Id,
  mode: z.enum(['replace', 'new']),
  passphrase: z.string().min(1).max(1024).optional(),
  /** Needed when an encrypted archive replaces an unprotected workspace; ignored otherwise. */
  protection: ArchiveProtection.optional(),
});
