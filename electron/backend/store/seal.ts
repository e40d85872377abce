import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../../shared/schemas/database';
import { writeFileDurably } from './durable-write';

/**
 * Bump when validation rules change without a schema version change, so files validated under
 * the old rules are checked again.
 */
export const RULES_VERSION = 1;

const Seal = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int(), schemaVersion: z.number().int(), rules: z.number().int() });

const sealPath = (dbPath: string) => `${dbPath}.seal`;

/**
 * A seal records the hash of a database file this app wrote (or fully validated) under the current
 * schema and rules. Opening a file whose bytes match its seal can skip re-validating every record;
 * any other file — edited by hand, restored, from another version — is validated in full.
 */
export async function writeSeal(dbPath: string, seal: { sha256: string; size: number }): Promise<void> {
  await writeFileDurably(sealPath(dbPath), JSON.stringify({ ...seal, schemaVersion: SCHEMA_VERSION, rules: RULES_VERSION }));
}

export async function sealMatches(dbPath: string, bytes: Buffer): Promise<boolean> {
  let raw: string;
  try {
    raw = await readFile(sealPath(dbPath), 'utf8');
  } catch {
    return false;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return false;
  }
  const seal = Seal.safeParse(parsed);
  if (!seal.success) return false;
  const s = seal.data;
  return s.schemaVersion === SCHEMA_VERSION && s.rules === RULES_VERSION && s.size === bytes.byteLength && s.sha256 === hashOf(bytes);
}

export const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function removeSeal(dbPath: string): Promise<void> {
  await unlink(sealPath(dbPath)).catch(() => undefined);
}
