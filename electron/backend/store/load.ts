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
import { RULES_VERSION, sealMatches } from './seal';
import { decryptSnapshot, parseSnapshotJson, readEncryptedHeader, readSnapshot, SnapshotUnreadable, type EncryptedHeader, type SnapshotMeta } from './snapshot';

export type Problem = { kind: DamageKind; detail: string };

export type Decoded =
  | { kind: 'missing' }
  | { kind: 'locked'; header: EncryptedHeader }
  | { kind: 'damaged'; problem: Problem }
  | { kind: 'ok'; raw: Record<string, unknown>; meta: SnapshotMeta | null; version: number; trusted: boolean; encrypted: EncryptedHeader | null; bytes: Buffer };

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
    const snap = await readSnapshot(path);
    if (snap.kind === 'missing') return { kind: 'missing' };
    let text: Buffer;
    let trusted: boolean;
    let sealCheck: Promise<boolean> | null = null;
    let encrypted: EncryptedHeader | null = null;
    if (snap.kind === 'encrypted') {
      const key = keyFor(snap.header.key.keyId);
      if (!key) return { kind: 'locked', header: snap.header };
      text = decryptSnapshot(snap, key);
      trusted = snap.header.schemaVersion === SCHEMA_VERSION && snap.header.rules === RULES_VERSION;
      encrypted = snap.header;
    } else {
      text = snap.bytes;
      trusted = false;
      // The seal file is read while the bytes are parsed; the hash (when the seal could match) runs after.
      if (sealPath !== null) sealCheck = sealMatches(sealPath, snap.bytes);
    }
    const { raw, meta } = parseSnapshotJson(text);
    if (sealCheck) trusted = await sealCheck;
    const version = versionOf(raw);
    if (version > SCHEMA_VERSION) {
      return { kind: 'damaged', problem: { kind: 'tooNew', detail: `Schema version ${version} is newer than this app's ${SCHEMA_VERSION}.` } };
    }
    return { kind: 'ok', raw, meta, version, trusted: trusted && version === SCHEMA_VERSION, encrypted, bytes: snap.bytes };
  } catch (e) {
    if (e instanceof SnapshotUnreadable) return { kind: 'damaged', problem: { kind: e.kind, detail: e.message } };
    throw e;
  }
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
