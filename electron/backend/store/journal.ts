/**
 * The journal: what changed since the snapshot, one line per save, appended and fsynced before the
 * change is published. A save therefore costs the size of the change, not of the workspace.
 *
 * A change is computed from the two immutable databases the store already has (before and after
 * immer): top-level values that changed are set whole; in each collection that changed, records
 * are matched by id in order, so the change lists removed ids and the records put (replaced in
 * place when their id exists, appended otherwise). Replaying that gives back exactly the new array.
 *
 * The file: a header line naming the snapshot the journal extends (and the data key, if any), then
 * one line per change: `seq TAB checksum TAB json` in plain workspaces, `seq TAB base64` (AES-GCM,
 * the sequence number authenticated with it) in encrypted ones. A last line without its newline or
 * checksum is a write that was never acknowledged and is dropped; a bad line before good ones means
 * the file is damaged.
 */
import { createHash } from 'node:crypto';
import { open as openFile, readFile, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { Collection } from '../../../shared/schemas/collection';
import { collectionSchemas, DatabaseFile, type CollectionName } from '../../../shared/schemas/database';
import { decryptBlock, encryptBlock, type DataKey } from './crypto';
import { writeFileDurably } from './durable-write';

export const JOURNAL_FILE = 'attache.journal';

export interface CollectionChange {
  del?: string[];
  put?: Array<{ id: string }>;
}

export interface Change {
  /** Collections (arrays of records with ids) that changed. */
  c?: Record<string, CollectionChange>;
  /** Other top-level values that changed, set whole. */
  s?: Record<string, unknown>;
}

export interface JournalEntry {
  seq: number;
  change: Change;
}

const JournalHeader = z.object({
  attacheJournal: z.literal(1),
  snapshot: z.string().min(1).max(64),
  keyId: z.string().nullable(),
});
export type JournalHeader = z.infer<typeof JournalHeader>;

/** A list of records: every list in the database is one, so the first element tells (checking all would cost O(n) per save). */
export const hasIds = (value: unknown): value is Array<{ id: string }> =>
  Array.isArray(value) && (value.length === 0 || (typeof value[0] === 'object' && value[0] !== null && typeof (value[0] as { id?: unknown }).id === 'string'));

/** Records matched by id in order: O(n) pointer comparisons, no allocation for unchanged arrays. */
function diffCollection(before: ReadonlyArray<{ id: string }>, after: ReadonlyArray<{ id: string }>): CollectionChange {
  const del: string[] = [];
  const put: Array<{ id: string }> = [];
  let i = 0;
  for (let j = 0; j < after.length; j++) {
    const rec = after[j]!;
    if (before[i] === rec) {
      i++; // unchanged: no id read at all (the common case of a save)
      continue;
    }
    while (i < before.length && before[i]!.id !== rec.id) del.push(before[i++]!.id);
    if (i < before.length) {
      if (before[i] !== rec) put.push(rec);
      i++;
    } else put.push(rec);
  }
  while (i < before.length) del.push(before[i++]!.id);
  return { ...(del.length ? { del } : {}), ...(put.length ? { put } : {}) };
}

/**
 * Two versions of a chunked collection: chunks both share (the same object) are skipped, so a save
 * that touched one chunk compares one chunk. The shared chunks at the start and at the end hold the
 * same records in both, so the records in between decide the change.
 */
function diffChunked(before: Collection<{ id: string }>, after: Collection<{ id: string }>): CollectionChange {
  const a = before.chunks;
  const b = after.chunks;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return diffCollection(spliced(a, head, a.length - tail), spliced(b, head, b.length - tail));
}

/** The records of chunks [from, to) as one list; a single chunk is used as it is. */
function spliced<T>(chunks: ReadonlyArray<ReadonlyArray<T>>, from: number, to: number): ReadonlyArray<T> {
  if (to - from === 1) return chunks[from]!;
  const out: T[] = [];
  for (let c = from; c < to; c++) for (const item of chunks[c]!) out.push(item);
  return out;
}

/** The change that turns `before` into `after`, or null when nothing changed. */
export function diffDatabase(before: Record<string, unknown>, after: Record<string, unknown>): Change | null {
  const c: Record<string, CollectionChange> = {};
  const s: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (a === b) continue;
    let change: CollectionChange | null = null;
    if (a instanceof Collection && b instanceof Collection) change = diffChunked(a as Collection<{ id: string }>, b as Collection<{ id: string }>);
    else if (hasIds(a) && hasIds(b)) change = diffCollection(a, b);
    if (change) {
      if (change.del || change.put) c[key] = change;
    } else s[key] = b;
  }
  const out: Change = {};
  if (Object.keys(c).length) out.c = c;
  if (Object.keys(s).length) out.s = s;
  return out.c || out.s ? out : null;
}

/**
 * Applies changes in order to a plain (unfrozen) database object as the file holds it (lists are
 * arrays), in place. With `validate`, every
 * record put and value set is checked against the current schema (plain journals can be edited by
 * hand; encrypted ones are authenticated).
 */
export function replay(db: Record<string, unknown>, entries: readonly JournalEntry[], validate: boolean): void {
  const indexes = new Map<string, Map<string, number>>();
  for (const { seq, change } of entries) {
    for (const [key, value] of Object.entries(change.s ?? {})) {
      if (validate) {
        const shape = (DatabaseFile.shape as Record<string, z.ZodTypeAny>)[key];
        if (!shape) throw new Error(`Journal entry ${seq} sets an unknown field ${key}.`);
        db[key] = shape.parse(value);
      } else db[key] = value;
      indexes.delete(key);
    }
    for (const [key, { del, put }] of Object.entries(change.c ?? {})) {
      let arr = db[key];
      if (!Array.isArray(arr)) throw new Error(`Journal entry ${seq} changes ${key}, which is not a list.`);
      if (del?.length) {
        const gone = new Set(del);
        arr = (arr as Array<{ id: string }>).filter((r) => !gone.has(r.id));
        db[key] = arr;
        indexes.delete(key);
      }
      if (!put?.length) continue;
      const list = arr as Array<{ id: string }>;
      let index = indexes.get(key);
      if (!index) {
        index = new Map(list.map((r, n) => [r.id, n]));
        indexes.set(key, index);
      }
      const schema = validate ? recordSchemaOf(key) : null;
      for (const raw of put) {
        const rec = schema ? (schema.parse(raw) as { id: string }) : raw;
        const at = index.get(rec.id);
        if (at === undefined) {
          index.set(rec.id, list.length);
          list.push(rec);
        } else list[at] = rec;
      }
    }
  }
}

function recordSchemaOf(key: string): z.ZodTypeAny {
  if (key in collectionSchemas) return collectionSchemas[key as CollectionName];
  const list = (DatabaseFile.shape as Record<string, z.ZodTypeAny>)[key];
  if (list instanceof z.ZodArray) return list.element as z.ZodTypeAny;
  throw new Error(`The journal changes an unknown list ${key}.`);
}

const checksum = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 16);
const aadOf = (seq: number, keyId: string) => Buffer.from(`attache-journal:${seq}:${keyId}`);

/** One journal line, newline included. */
export function encodeEntry(entry: JournalEntry, key: DataKey | null): Buffer {
  const json = JSON.stringify(entry.change);
  if (!key) return Buffer.from(`${entry.seq}\t${checksum(json)}\t${json}\n`);
  const block = encryptBlock(key.key, Buffer.from(json), aadOf(entry.seq, key.keyId));
  return Buffer.from(`${entry.seq}\t${block.toString('base64')}\n`);
}

const headerLine = (header: JournalHeader) => Buffer.from(`${JSON.stringify(header)}\n`);

export class JournalDamaged extends Error {}

export interface JournalRead {
  header: JournalHeader;
  /** Entry lines in the file (including those at or before `afterSeq`). */
  count: number;
  /** The entries after `afterSeq`, decoded and checked. */
  entries: JournalEntry[];
  /** Their encoded lines, to carry over into a rewritten journal. */
  lines: Buffer[];
  /** A torn last line (a write that was never acknowledged) was dropped. */
  tornTail: boolean;
  /** Whether the journal extends the snapshot it was read for. */
  applies: boolean;
  /** The file's length in bytes. */
  size: number;
}

const seqOf = (line: string): number => {
  const seq = Number(line.slice(0, line.indexOf('\t')));
  if (!Number.isSafeInteger(seq) || seq < 1) throw new Error('bad sequence number');
  return seq;
};

function decodeLine(line: string, seq: number, key: DataKey | null): JournalEntry {
  const first = line.indexOf('\t');
  let json: string;
  if (!key) {
    const second = line.indexOf('\t', first + 1);
    if (second < 0) throw new Error('missing checksum');
    json = line.slice(second + 1);
    if (checksum(json) !== line.slice(first + 1, second)) throw new Error('checksum mismatch');
  } else {
    json = decryptBlock(key.key, Buffer.from(line.slice(first + 1), 'base64'), aadOf(seq, key.keyId)).toString('utf8');
  }
  const change = JSON.parse(json) as unknown;
  if (typeof change !== 'object' || change === null || Array.isArray(change)) throw new Error('not a change');
  return { seq, change: change as Change };
}

/**
 * Reads and checks a journal file; null when there is none. Lines up to `afterSeq` are already in
 * the snapshot: only their sequence numbers are read (they may need a key no longer held). Throws
 * JournalDamaged for a broken file.
 */
export async function readJournal(
  path: string,
  key: (keyId: string | null) => DataKey | null,
  afterSeq: number,
  applies: (header: JournalHeader) => boolean = () => true,
): Promise<JournalRead | null> {
  let text: string;
  let size: number;
  try {
    const bytes = await readFile(path);
    size = bytes.length;
    text = bytes.toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new JournalDamaged(`The journal cannot be read: ${(e as Error).message}`);
  }
  if (text === '') return null;
  const lines = text.split('\n');
  const last = lines.pop()!; // '' when the file ends with a newline
  let tornTail = last !== '';
  let header: JournalHeader;
  try {
    header = JournalHeader.parse(JSON.parse(lines[0] ?? ''));
  } catch {
    if (lines.length === 0) return null; // the header itself was never completed
    throw new JournalDamaged('The journal header is not readable.');
  }
  if (!applies(header)) {
    // Written for another snapshot: never replayed, so never decoded; only counted.
    return { header, count: lines.length - 1, entries: [], lines: [], tornTail, applies: false, size };
  }
  const dataKey = key(header.keyId);
  const entries: JournalEntry[] = [];
  const kept: Buffer[] = [];
  let count = 0;
  let previous = 0;
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    try {
      const seq = seqOf(line);
      if (previous && seq !== previous + 1) throw new JournalDamaged(`The journal skips from ${previous} to ${seq}.`);
      if (seq > afterSeq) {
        if (header.keyId !== null && !dataKey) throw new JournalDamaged('The journal was written with another key.');
        entries.push(decodeLine(line, seq, dataKey));
        kept.push(Buffer.from(`${line}\n`));
      }
      previous = seq;
      count++;
    } catch (e) {
      if (e instanceof JournalDamaged) throw e;
      if (n === lines.length - 1 && !tornTail) {
        tornTail = true; // a complete-looking but corrupt last line: never acknowledged either
        break;
      }
      throw new JournalDamaged(`Journal line ${n + 1} is damaged: ${(e as Error).message}`);
    }
  }
  return { header, count, entries, lines: kept, tornTail, applies: true, size };
}

/**
 * The open journal of a running store. Appends go through one file handle opened for appending;
 * `reset` replaces the whole file atomically (after a compaction, or at open to drop a torn tail).
 */
export class Journal {
  private handle: FileHandle | null = null;
  private _size = 0;

  constructor(readonly path: string) {}

  get size(): number {
    return this._size;
  }

  /**
   * Takes the file as it is, `size` bytes long, when it already holds exactly what `reset` would
   * write (the header for this snapshot and key, then only lines that apply, none torn): an open
   * then costs no write and no fsync.
   */
  async adopt(size: number): Promise<void> {
    await this.close();
    this._size = size;
  }

  async reset(header: JournalHeader, lines: readonly Buffer[]): Promise<void> {
    await this.close();
    const head = headerLine(header);
    await writeFileDurably(this.path, [head, ...lines]);
    this._size = head.length + lines.reduce((n, l) => n + l.length, 0);
  }

  /** Appends one encoded line and flushes it to disk before returning. */
  async append(line: Buffer): Promise<void> {
    if (!this.handle) this.handle = await openFile(this.path, 'a', 0o600);
    try {
      await this.handle.write(line);
      await this.handle.datasync();
    } catch (e) {
      // A half-written line (disk full) is cut off again, so later lines never follow a broken one.
      await this.handle.truncate(this._size).catch(() => undefined);
      throw e;
    }
    this._size += line.length;
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.close();
  }
}
