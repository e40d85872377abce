/**
 * A seal records that this app wrote (or fully validated) a plain snapshot under the current schema
 * and rules, so opening it can skip re-validating every record; any other file — edited by hand,
 * restored, from another version — is validated in full. The seal is an HMAC of the file's SHA-256
 * with a random key kept beside it (attache.seal-key, owner-only), so a seal cannot be made up from
 * the file alone. Encrypted snapshots need no seal: AES-GCM authenticates them.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../../shared/schemas/database';
import { writeFileDurably } from './durable-write';

/**
 * Bump when validation rules change without a schema version change, so files validated under
 * the old rules are checked again.
 */
export const RULES_VERSION = 2;

const Seal = z.object({ mac: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int(), schemaVersion: z.number().int(), rules: z.number().int() });

const sealPath = (dbPath: string) => `${dbPath}.seal`;
const keyPath = (dbPath: string) => dbPath.replace(/\.json$/, '') + '.seal-key';

async function sealKey(dbPath: string, create: boolean): Promise<Buffer | null> {
  try {
    const hex = (await readFile(keyPath(dbPath), 'utf8')).trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  } catch {
    // missing: made below when sealing
  }
  if (!create) return null;
  const key = randomBytes(32);
  await writeFileDurably(keyPath(dbPath), key.toString('hex'));
  return key;
}

const macOf = (key: Buffer, sha256: string, size: number) =>
  createHmac('sha256', key).update(`${sha256}:${size}:${SCHEMA_VERSION}:${RULES_VERSION}`).digest('hex');

export async function writeSeal(dbPath: string, seal: { sha256: string; size: number }): Promise<void> {
  const key = (await sealKey(dbPath, true))!;
  await writeFileDurably(sealPath(dbPath), JSON.stringify({ mac: macOf(key, seal.sha256, seal.size), size: seal.size, schemaVersion: SCHEMA_VERSION, rules: RULES_VERSION }));
}

/**
 * Whether the seal vouches for `bytes`. The seal is read first, and the file hashed only when the
 * seal could match (right size, schema and rules): a workspace without one pays no hash. The hash
 * is node:crypto's on this thread: WebCrypto's digest looked like it ran beside a parse, but it
 * copies its input on this thread first, which took about four times as long as hashing it here
 * (365 ms against 80 ms for 133 MB).
 */
export async function sealMatches(dbPath: string, bytes: Uint8Array): Promise<boolean> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(sealPath(dbPath), 'utf8'));
  } catch {
    return false;
  }
  const seal = Seal.safeParse(parsed);
  if (!seal.success) return false;
  const s = seal.data;
  if (s.schemaVersion !== SCHEMA_VERSION || s.rules !== RULES_VERSION || s.size !== bytes.byteLength) return false;
  const key = await sealKey(dbPath, false);
  if (!key) return false;
  return timingSafeEqual(Buffer.from(macOf(key, hashOf(bytes), bytes.byteLength)), Buffer.from(s.mac));
}

export const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An encrypted workspace keeps no seal and no seal key: nothing beside it should hint at its content. */
export async function removeSeal(dbPath: string): Promise<void> {
  await unlink(sealPath(dbPath)).catch(() => undefined);
  await unlink(keyPath(dbPath)).catch(() => undefined);
}
