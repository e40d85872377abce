/**
 * Reading a snapshot file (the database or a backup) into a validated database: classify (plain,
 * encrypted, missing), decrypt, parse, apply the journal, migrate, validate. Never writes.
 * A plain file whose seal matches, or an encrypted file that authenticates, was validated when it
 * was written and is not validated again (only the journal's records are, in plain workspaces).
 */
import type { z } from 'zod';
import { DatabaseFile, SCHEMA_VERSION, toDatabase, type Database } from '../../../shared/schemas/database';
import type { DamageKind } from '../../../shared/features/workspace/schema';
import type { DataKey } from './crypto';
import { replay, type JournalEntry } from './journal';
import { migrate, versionOf, type Migration } from './migrations';
import { hashOf, readSeal, RULES_VERSION, sealVouches } from './seal';
import { decryptSnapshot, parseSnapshotJson, readEncryptedHeader, readSnapshot, readSnapshotText, SnapshotUnreadable, type EncryptedHeader, type SnapshotMeta } from './snapshot';

export type Problem = { kind: DamageKind; detail: string };

export type Decoded =
  | { kind: 'missing' }
  | { kind: 'locked'; header: EncryptedHeader }
  | { kind: 'damaged'; problem: Problem }
  | {
      kind: 'ok';
      raw: Record<string, unknown>;
      meta: SnapshotMeta | null;
      version: number;
      trusted: boolean;
      encrypted: EncryptedHeader | null;
      /** The file's size (after a byte-order mark) and, for a plain file, its SHA-256 as decoded. */
      size: number;
      sha256: string | null;
      /** The file's bytes, for a backup of it as it was (a plain file is read again, and must be the same). */
      bytes: () => Promise<Buffer>;
    };

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/**
 * Reads and decodes a snapshot file. `keyFor` gives the data key for an encrypted file (null:
 * locked). `sealPath` is the database path whose seal may vouch for a plain file (backups have none).
 */
export async function decodeSnapshotFile(path: string, keyFor: (keyId: string) => DataKey | null, sealPath: string | null): Promise<Decoded> {
  try {
    // Locked (no key for it): the header is all there is to read until the passphrase is given.
    const head = await readEncryptedHeader(path);
    if (head && !keyFor(head.key.keyId)) return { kind: 'locked', header: head };
    // The seal file is read while the snapshot is; whether it vouches is known once the bytes are hashed.
    const seal = sealPath !== null ? readSeal(sealPath) : null;
    const snap = await readSnapshotText(path);
    if (snap.kind === 'missing') return { kind: 'missing' };
    let text: Buffer | string;
    let trusted: boolean;
    let encrypted: EncryptedHeader | null = null;
    let sealCheck: Promise<boolean> | null = null;
    if (snap.kind === 'encrypted') {
      const key = keyFor(snap.header.key.keyId);
      if (!key) return { kind: 'locked', header: snap.header };
      text = decryptSnapshot(snap, key);
      trusted = snap.header.schemaVersion === SCHEMA_VERSION && snap.header.rules === RULES_VERSION;
      encrypted = snap.header;
    } else {
      text = snap.text;
      trusted = false;
      if (seal && sealPath !== null) sealCheck = seal.then((s) => sealVouches(sealPath, s, snap.sha256, snap.size));
    }
    const { raw, meta } = parseSnapshotJson(text);
    if (sealCheck) trusted = await sealCheck;
    const version = versionOf(raw);
    if (version > SCHEMA_VERSION) {
      return { kind: 'damaged', problem: { kind: 'tooNew', detail: `Schema version ${version} is newer than this app's ${SCHEMA_VERSION}.` } };
    }
    const common = { kind: 'ok' as const, raw, meta, version, trusted: trusted && version === SCHEMA_VERSION, encrypted };
    if (snap.kind === 'encrypted') return { ...common, size: snap.bytes.byteLength, sha256: null, bytes: async () => snap.bytes };
    return { ...common, size: snap.size, sha256: snap.sha256, bytes: () => plainBytesAgain(path, snap.sha256) };
  } catch (e) {
    if (e instanceof SnapshotUnreadable) return { kind: 'damaged', problem: { kind: e.kind, detail: e.message } };
    throw e;
  }
}

/**
 * A plain snapshot's bytes read again (for the backup a migration makes first), checked to be the
 * bytes that were parsed: the workspace is locked to this app, so a difference means damage.
 */
async function plainBytesAgain(path: string, sha256: string): Promise<Buffer> {
  const snap = await readSnapshot(path);
  if (snap.kind !== 'plain' || hashOf(snap.bytes) !== sha256) throw new Error('The database file changed while it was being opened.');
  return snap.bytes;
}

export type Finished = { kind: 'ok'; db: Database; migratedFrom: number | null } | { kind: 'damaged'; problem: Problem };

/**
 * Journal, migration and validation on a decoded snapshot. Journal entries are replayed on the raw
 * data (before migration: they were written under the file's own schema version).
 */
export function finishDecode(decoded: Extract<Decoded, { kind: 'ok' }>, entries: readonly JournalEntry[], steps?: Migration[]): Finished {
  const { raw, version, trusted } = decoded;
  try {
    replay(raw, entries, version === SCHEMA_VERSION && decoded.encrypted === null);
  } catch (e) {
    return { kind: 'damaged', problem: { kind: 'journal', detail: `The journal does not apply: ${(e as Error).message}` } };
  }
  if (trusted) return { kind: 'ok', db: toDatabase(raw as DatabaseFile), migratedFrom: null };
  let candidate: unknown;
  try {
    candidate = version < SCHEMA_VERSION ? migrate(raw, steps) : raw;
  } catch (e) {
    return { kind: 'damaged', problem: { kind: 'invalidSchema', detail: `Migration failed: ${(e as Error).message}` } };
  }
  const parsed = DatabaseFile.safeParse(candidate);
  if (!parsed.success) return { kind: 'damaged', problem: { kind: 'invalidSchema', detail: describeIssues(parsed.error) } };
  return { kind: 'ok', db: toDatabase(parsed.data), migratedFrom: version < SCHEMA_VERSION ? version : null };
}

/** A backup (or any snapshot file) decoded and checked in full, or why it cannot be restored. */
export async function loadSnapshotFile(path: string, keyFor: (keyId: string) => DataKey | null, steps?: Migration[]): Promise<Finished | { kind: 'missing' } | { kind: 'locked' }> {
  const decoded = await decodeSnapshotFile(path, keyFor, null);
  if (decoded.kind !== 'ok') return decoded.kind === 'locked' ? { kind: 'locked' } : decoded;
  return finishDecode(decoded, [], steps);
}
