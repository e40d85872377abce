import type { z } from 'zod';
import { Database, SCHEMA_VERSION } from '../../../shared/schemas/database';
import type { DamageKind } from '../../../shared/features/workspace/schema';
import { DatabaseReadError, DurableJsonFile, parseJson } from './json-adapter';
import { migrate, versionOf, type Migration } from './migrations';
import { hashOf, sealMatches } from './seal';

export type LoadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; db: Database; migratedFrom: number | null; sealed: boolean; sha256: string; size: number }
  | { kind: 'damaged'; problem: { kind: DamageKind; detail: string } };

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/**
 * Reads, migrates in memory and validates a database file; never writes. A file whose bytes match
 * the seal this app wrote with them was validated when written and is not validated again.
 */
export async function loadDatabaseFile(path: string, steps?: Migration[]): Promise<LoadResult> {
  let bytes: Buffer | null;
  let raw: unknown;
  try {
    bytes = await new DurableJsonFile<object>(path).readBytes();
    if (bytes === null) return { kind: 'missing' };
    raw = parseJson(bytes);
  } catch (e) {
    if (e instanceof DatabaseReadError) return { kind: 'damaged', problem: e.failure };
    throw e;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'damaged', problem: { kind: 'invalidSchema', detail: 'The file does not hold a JSON object.' } };
  }
  const version = versionOf(raw as Record<string, unknown>);
  if (version > SCHEMA_VERSION) {
    return {
      kind: 'damaged',
      problem: { kind: 'tooNew', detail: `Schema version ${version} is newer than this app's ${SCHEMA_VERSION}.` },
    };
  }
  const sha256 = hashOf(bytes);
  if (version === SCHEMA_VERSION && (await sealMatches(path, bytes))) {
    return { kind: 'ok', db: raw as Database, migratedFrom: null, sealed: true, sha256, size: bytes.byteLength };
  }
  let candidate: unknown;
  try {
    candidate = version < SCHEMA_VERSION ? migrate(raw as Record<string, unknown>, steps) : raw;
  } catch (e) {
    return { kind: 'damaged', problem: { kind: 'invalidSchema', detail: `Migration failed: ${(e as Error).message}` } };
  }
  const parsed = Database.safeParse(candidate);
  if (!parsed.success) return { kind: 'damaged', problem: { kind: 'invalidSchema', detail: describeIssues(parsed.error) } };
  return { kind: 'ok', db: parsed.data, migratedFrom: version < SCHEMA_VERSION ? version : null, sealed: false, sha256, size: bytes.byteLength };
}
