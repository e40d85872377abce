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

type Seal = z.infer<typeof Seal>;

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

/** The seal beside a database, or null when there is none or it is not one. */
export async function readSeal(dbPath: string): Promise<Seal | null> {
  try {
    const seal = Seal.safeParse(JSON.parse(await readFile(sealPath(dbPath), 'utf8')));
    return seal.success ? seal.data : null;
  } catch {
    return null;
  }
}

/**
 * Whether `seal` vouches for a file of `size` bytes with that SHA-256 (taken while the file was
 * read: snapshot.ts readSnapshotText), under this app's schema and rules.
 */
export async function sealVouches(dbPath: string, seal: Seal | null, sha256: string, size: number): Promise<boolean> {
  if (!seal || seal.schemaVersion !== SCHEMA_VERSION || seal.rules !== RULES_VERSION || seal.size !== size) return false;
  const key = await sealKey(dbPath, false);
  if (!key) return false;
  return timingSafeEqual(Buffer.from(macOf(key, sha256, size)), Buffer.from(seal.mac));
}

export const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An encrypted workspace keeps no seal and no seal key: nothing beside it should hint at its content. */
export async function removeSeal(dbPath: string): Promise<void> {
  await unlink(sealPath(dbPath)).catch(() => undefined);
  await unlink(keyPath(dbPath)).catch(() => undefined);
}
