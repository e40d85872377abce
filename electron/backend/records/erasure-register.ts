/**
 * The erasure register's copy outside the database: `attache.erasures.json` in the data folder, so
 * the register survives when the database itself is damaged and an older backup is restored (which
 * then gets the erasures re-applied, records/erasure.ts applyErasures). It holds record ids and
 * dates only, never a name. A damaged file is reported and moved aside, never overwritten silently.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ErasureEntry } from '../../../shared/schemas/database';
import { writeFileDurably } from '../store/durable-write';

export const ERASURE_REGISTER_FILE = 'attache.erasures.json';

const RegisterFile = z
  .object({
    format: z.literal('attache-erasures'),
    version: z.literal(1),
    erasures: z.array(ErasureEntry),
  })
  .strict();

export type RegisterRead =
  | { state: 'missing' | 'ok'; erasures: ErasureEntry[] }
  /** Unreadable, not JSON, or not a register: nothing in it is trusted, and nothing overwrites it unnoticed. */
  | { state: 'damaged'; erasures: []; detail: string };

export const registerPath = (dataDir: string) => join(dataDir, ERASURE_REGISTER_FILE);

/** Reads and validates the register beside the database. */
export async function readErasureRegister(dataDir: string): Promise<RegisterRead> {
  let text: string;
  try {
    text = await readFile(registerPath(dataDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing', erasures: [] };
    return { state: 'damaged', erasures: [], detail: `unreadable: ${(e as Error).message}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { state: 'damaged', erasures: [], detail: `not JSON: ${(e as Error).message}` };
  }
  const parsed = RegisterFile.safeParse(raw);
  if (!parsed.success) return { state: 'damaged', erasures: [], detail: `not an erasure register: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return { state: 'ok', erasures: parsed.data.erasures };
}

/** Replaces the register durably (temp file, fsync, rename, fsync folder). */
export async function writeErasureRegister(dataDir: string, erasures: readonly ErasureEntry[]): Promise<void> {
  const file: z.infer<typeof RegisterFile> = { format: 'attache-erasures', version: 1, erasures: [...erasures] };
  await writeFileDurably(registerPath(dataDir), `${JSON.stringify(file, null, 2)}\n`);
}

/** Moves a damaged register aside (kept for inspection) before a new one is written; returns the new file name. */
export async function moveDamagedRegisterAside(dataDir: string, now: Date): Promise<string> {
  const name = `attache.erasures.damaged-${now.toISOString().replace(/[:.]/g, '-')}.json`;
  await rename(registerPath(dataDir), join(dataDir, name));
  return name;
}
