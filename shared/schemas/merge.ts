/**
 * Merging two duplicate records (people, organisations), the part both processes share: which
 * fields a merge offers, how a field's two values combine for each choice, the proposed choice, and
 * the shapes of the merge operations. The dialog shows the result of a choice with the same
 * `combine` the backend stores, so what the user sees is what is saved.
 */
import { z } from 'zod';
import { Id } from './common';
import { collectionNames, type CollectionName } from './database';

/** Per field: keep the kept record's value, take the other's, or unite both (lists, long text). */
export const MergeChoice = z.enum(['keep', 'other', 'both']);
export type MergeChoice = z.infer<typeof MergeChoice>;

/**
 * How a field merges. `single`: one value or the other. `list`: values can be united (duplicates
 * dropped by `same`). `text`: long text can be joined, one after the other.
 */
export type MergeFieldKind = 'single' | 'list' | 'text';

export interface MergeField<F extends string = string> {
  field: F;
  kind: MergeFieldKind;
  /** For lists: the identity of an item, so a united list holds each once (an e-mail address in any case). */
  identity?: (item: unknown) => string;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The value a field gets for `choice`. */
export function combine(spec: MergeField, keep: unknown, other: unknown, choice: MergeChoice): unknown {
  if (choice === 'keep') return keep;
  if (choice === 'other') return other;
  if (spec.kind === 'list') {
    const identity = spec.identity ?? ((x: unknown) => JSON.stringify(x));
    const seen = new Set<string>();
    const out: unknown[] = [];
    for (const item of [...((keep as unknown[]) ?? []), ...((other as unknown[]) ?? [])]) {
      const key = identity(item);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
    return out;
  }
  if (spec.kind === 'text') {
    const a = String(keep ?? '').trim();
    const b = String(other ?? '').trim();
    if (!a || a === b) return b || a;
    if (!b) return a;
    return `${a}\n\n${b}`;
  }
  return keep;
}

/** Whether the two values differ (fields that agree need no choice). */
export const differs = (keep: unknown, other: unknown) => JSON.stringify(keep ?? null) !== JSON.stringify(other ?? null);

/**
 * The proposed choice: the kept record's value, unless it is empty and the other's is not; lists
 * that differ are united, since a duplicate usually holds an address or topic the other lacks.
 */
export function proposedChoice(spec: MergeField, keep: unknown, other: unknown): MergeChoice {
  if (!differs(keep, other)) return 'keep';
  if (isEmpty(keep) && !isEmpty(other)) return 'other';
  if (spec.kind === 'list' && !isEmpty(other)) return 'both';
  return 'keep';
}

/** The kept record's fields after the merge, with `choices` (missing ones: the proposal). */
export function mergedFields(specs: readonly MergeField[], keep: Record<string, unknown>, other: Record<string, unknown>, choices: Partial<Record<string, MergeChoice>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const choice = choices[spec.field] ?? proposedChoice(spec, keep[spec.field], other[spec.field]);
    out[spec.field] = combine(spec, keep[spec.field], other[spec.field], choice === 'both' && spec.kind === 'single' ? 'keep' : choice);
  }
  return out;
}

const Collection = z.enum(collectionNames as [CollectionName, ...CollectionName[]]);

/** The two records of a merge: the one that stays and the one that goes to the trash. */
export const MergePair = z.object({ keepId: Id, otherId: Id });

/** A merge as the user confirmed it: both revisions (a stale one is refused) and a choice per field. */
export const mergeInput = <F extends readonly [string, ...string[]]>(fields: F) =>
  MergePair.extend({
    keepRevision: z.number().int().min(1),
    otherRevision: z.number().int().min(1),
    choices: z.partialRecord(z.enum(fields), MergeChoice).default({}),
  });

/** The references that move from the other record to the kept one, per collection and field. */
export const MergeMoves = z.array(z.object({ collection: Collection, field: z.string(), count: z.number().int() }));
export type MergeMoves = z.infer<typeof MergeMoves>;

/** What the merge dialog shows: both records, the proposed choice per field, and what moves. */
export const mergePreview = <R extends z.ZodType, F extends readonly [string, ...string[]]>(record: R, fields: F) =>
  z.object({
    keep: record,
    other: record,
    proposed: z.partialRecord(z.enum(fields), MergeChoice),
    moves: MergeMoves,
  });

/** The merged record and the token whose Undo brings back both records and every moved reference. */
export const mergeResult = <R extends z.ZodType>(record: R) => z.object({ record, undoId: Id });
