/**
 * A list of records held in chunks of at most CHUNK records: how the store keeps each collection
 * in memory. Why: the store publishes an immutable database and every save makes the next version
 * by copy-on-write (immer). With one flat array, editing one of 50,000 contacts copies all 50,000
 * pointers into a fresh allocation (V8 gives arrays over 128 KB pages of their own, so the copy
 * also pays for new memory) — milliseconds per save, growing with the workspace. In chunks, a save
 * copies only the chunk it touches and the short list of chunks, so its cost does not depend on
 * the size of the workspace, and comparing two versions (journal.ts) skips every shared chunk.
 *
 * Readers get the array methods they use (length, at, iteration, filter, map, find, …); there is
 * no numeric indexing. Writers (inside a store update) use push, set and Collection.from. On disk
 * and across processes a collection is a plain JSON array (toJSON).
 */

/** 4,096 pointers = 32 KB: copied in microseconds, far below V8's large-object threshold. */
export const CHUNK = 4096;

/** immer's `immerable`: immer drafts instances of a class whose constructor carries it. */
const IMMERABLE: unique symbol = Symbol.for('immer-draftable');

/** The read side shared by collections and plain arrays, for helpers that take either. */
export interface Rows<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
  filter<S extends T>(predicate: (value: T, index: number) => value is S): S[];
  filter(predicate: (value: T, index: number) => unknown): T[];
  map<U>(fn: (value: T, index: number) => U): U[];
  flatMap<U>(fn: (value: T, index: number) => U | readonly U[]): U[];
  find<S extends T>(predicate: (value: T, index: number) => value is S): S | undefined;
  find(predicate: (value: T, index: number) => unknown): T | undefined;
  findIndex(predicate: (value: T, index: number) => unknown): number;
  some(predicate: (value: T, index: number) => unknown): boolean;
  every(predicate: (value: T, index: number) => unknown): boolean;
  forEach(fn: (value: T, index: number) => void): void;
  reduce<U>(fn: (acc: U, value: T, index: number) => U, initial: U): U;
}

export class Collection<T> implements Rows<T> {
  static readonly [IMMERABLE] = true;

  /** Never empty chunks; every chunk but the last may be shorter than CHUNK after removals. */
  chunks: T[][];

  constructor(chunks: T[][] = []) {
    this.chunks = chunks;
  }

  static from<T>(items: Iterable<T>): Collection<T> {
    if (items instanceof Collection) return new Collection<T>([...(items.chunks as T[][])]);
    const all = Array.isArray(items) ? (items as T[]) : [...items];
    const chunks: T[][] = [];
    for (let i = 0; i < all.length; i += CHUNK) chunks.push(all.slice(i, i + CHUNK));
    return new Collection(chunks);
  }

  get length(): number {
    let n = 0;
    for (const chunk of this.chunks) n += chunk.length;
    return n;
  }

  /** Which chunk holds position `index`, and where in it; null outside the list. */
  private place(index: number): [number, number] | null {
    if (!Number.isInteger(index)) return null;
    let i = index < 0 ? index + this.length : index;
    if (i < 0) return null;
    for (let c = 0; c < this.chunks.length; c++) {
      const size = this.chunks[c]!.length;
      if (i < size) return [c, i];
      i -= size;
    }
    return null;
  }

  at(index: number): T | undefined {
    const at = this.place(index);
    return at ? this.chunks[at[0]]![at[1]] : undefined;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++) yield chunk[i]!;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++) out.push(chunk[i]!);
    return out;
  }

  /** On disk, in archives and across processes a collection is a plain array. */
  toJSON(): T[] {
    return this.toArray();
  }

  filter(predicate: (value: T, index: number) => unknown): T[] {
    const out: T[] = [];
    let n = 0;
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++, n++) if (predicate(chunk[i]!, n)) out.push(chunk[i]!);
    return out;
  }

  map<U>(fn: (value: T, index: number) => U): U[] {
    const out: U[] = [];
    let n = 0;
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++, n++) out.push(fn(chunk[i]!, n));
    return out;
  }

  flatMap<U>(fn: (value: T, index: number) => U | readonly U[]): U[] {
    const out: U[] = [];
    let n = 0;
    for (const chunk of this.chunks)
      for (let i = 0; i < chunk.length; i++, n++) {
        const v = fn(chunk[i]!, n);
        if (Array.isArray(v)) for (const x of v as readonly U[]) out.push(x);
        else out.push(v as U);
      }
    return out;
  }

  find(predicate: (value: T, index: number) => unknown): T | undefined {
    let n = 0;
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++, n++) if (predicate(chunk[i]!, n)) return chunk[i];
    return undefined;
  }

  findIndex(predicate: (value: T, index: number) => unknown): number {
    let n = 0;
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++, n++) if (predicate(chunk[i]!, n)) return n;
    return -1;
  }

  some(predicate: (value: T, index: number) => unknown): boolean {
    return this.findIndex(predicate) >= 0;
  }

  every(predicate: (value: T, index: number) => unknown): boolean {
    return this.findIndex((v, n) => !predicate(v, n)) < 0;
  }

  forEach(fn: (value: T, index: number) => void): void {
    let n = 0;
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++, n++) fn(chunk[i]!, n);
  }

  reduce<U>(fn: (acc: U, value: T, index: number) => U, initial: U): U {
    let acc = initial;
    let n = 0;
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++, n++) acc = fn(acc, chunk[i]!, n);
    return acc;
  }

  /**
   * A new collection: every record mapped (null removes it), then `added` appended. A chunk whose
   * records all map to themselves is shared with this collection, not copied — so a delete or an
   * import writes (and the journal compares) only the chunks it changed. Never modifies this one.
   */
  rebuild(map: (value: T) => T | null, added: readonly T[] = []): Collection<T> {
    const chunks: T[][] = [];
    for (const chunk of this.chunks) {
      let out: T[] | null = null;
      for (let i = 0; i < chunk.length; i++) {
        const v = map(chunk[i]!);
        if (out === null && v !== chunk[i]) out = chunk.slice(0, i);
        if (out !== null && v !== null) out.push(v);
      }
      if (out === null) chunks.push(chunk);
      else if (out.length) chunks.push(out);
    }
    let rest = added;
    const last = chunks[chunks.length - 1];
    if (rest.length && last && last.length < CHUNK) {
      chunks[chunks.length - 1] = [...last, ...rest.slice(0, CHUNK - last.length)];
      rest = rest.slice(CHUNK - last.length);
    }
    for (let i = 0; i < rest.length; i += CHUNK) chunks.push(rest.slice(i, i + CHUNK));
    return new Collection(chunks);
  }

  // Writers: called on a draft inside a store update, they touch one chunk (copy-on-write).

  /** Appends to the last chunk, or starts a new one when it is full. */
  push(...items: T[]): number {
    for (const item of items) {
      const last = this.chunks[this.chunks.length - 1];
      if (last && last.length < CHUNK) last.push(item);
      else this.chunks.push([item]);
    }
    return this.length;
  }

  /** Replaces the record at `index` (a position from `at`/`findIndex` or the store's locate). */
  set(index: number, item: T): void {
    const at = this.place(index);
    if (!at) throw new RangeError(`No record at position ${index} (the list has ${this.length}).`);
    this.chunks[at[0]]![at[1]] = item;
  }
}
