/**
 * Two versions of a record that the team database holds as a conflict (both edited from the same
 * version while apart), merged field by field against that common version: a field changed on one
 * side only takes that change; a field changed on both sides to different values is a conflict the
 * advisor decides (the Conflicts screen). Without the common version every differing field is one.
 */
import { canonical } from './documents';

/** Stamps, not content: they never make a conflict. */
const stampFields = new Set(['id', 'createdAt', 'updatedAt', 'revision']);

export interface FieldMerge {
  /** The merged record (conflicting fields from the first version, until decided). */
  merged: Record<string, unknown>;
  /** Fields changed on both sides to different values. */
  conflicts: string[];
}

const same = (a: unknown, b: unknown) => a === b || canonical(a) === canonical(b);

export function mergeVersions(base: Record<string, unknown> | null, a: Record<string, unknown>, b: Record<string, unknown>): FieldMerge {
  const merged: Record<string, unknown> = { ...a };
  const conflicts: string[] = [];
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (stampFields.has(field)) continue;
    const va = a[field];
    const vb = b[field];
    if (same(va, vb)) continue;
    if (base && same(base[field], va)) merged[field] = vb;
    else if (!(base && same(base[field], vb))) conflicts.push(field);
  }
  const ua = typeof a.updatedAt === 'string' ? a.updatedAt : '';
  const ub = typeof b.updatedAt === 'string' ? b.updatedAt : '';
  merged.updatedAt = ua > ub ? ua : ub || ua;
  return { merged, conflicts };
}

/** The fields whose values differ between any of the versions. */
export function differingFields(versions: ReadonlyArray<Record<string, unknown>>): string[] {
  const fields = new Set(versions.flatMap((v) => Object.keys(v)));
  return [...fields].filter((f) => !stampFields.has(f) && versions.some((v) => !same(v[f], versions[0]![f])));
}
