/**
 * Results per chunk of a collection, memoised on the chunk's identity. The store shares every chunk
 * an edit did not touch (shared/schemas/collection.ts), so a derived list that is the union of
 * per-chunk results — the people due for a GDPR review, say — costs one chunk of 4,096 records
 * after an edit instead of a pass over all 50,000. Extra keys (the day) invalidate every chunk.
 */
import type { Collection } from '../../../shared/schemas/collection';
import { memoOn } from './indexes';

export function chunkMemo<T, R>(): (rows: Collection<T>, keys: readonly object[], fn: (chunk: readonly T[]) => R) => R[] {
  const memo = memoOn<R>();
  return (rows, keys, fn) => rows.chunks.map((chunk) => memo([...keys, chunk], () => fn(chunk)));
}
