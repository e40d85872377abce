import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-write';
import { writeSeal } from './seal';
import { Collection } from '../../../shared/schemas/collection';

export type ReadFailure = { kind: 'unreadable' | 'notJson'; detail: string };

export class DatabaseReadError extends Error {
  constructor(readonly failure: ReadFailure) {
    super(failure.detail);
    this.name = 'DatabaseReadError';
  }
}

/**
 * Records are immutable once stored (the store freezes them), so each one's encoded JSON can be
 * cached by object identity: saving after one edit encodes one record, not fifty thousand.
 */
const encoded = new WeakMap<object, Buffer>();

const NON_ASCII = /[\u0080-\uffff]/g;
const escapeUnit = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON with every character beyond ASCII written as a \u escape (each UTF-16 unit, so a character
 * outside the BMP becomes its escaped surrogate pair). The same value for any JSON reader; why: a
 * file of ASCII bytes becomes a one-byte string without UTF-8 decoding, and JSON.parse reads a
 * one-byte string faster — at 10× a realistic workspace, where a few names in other scripts would
 * otherwise make the whole 130 MB text two-byte, that is about a quarter of the time to open.
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  NON_ASCII.lastIndex = 0;
  return NON_ASCII.test(json) ? json.replace(NON_ASCII, escapeUnit) : json;
}

function bytesOf(value: unknown): Buffer {
  if (typeof value !== 'object' || value === null) return Buffer.from(asciiJson(value));
  let bytes = encoded.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(asciiJson(value));
    if (Object.isFrozen(value)) encoded.set(value, bytes);
  }
  return bytes;
}

const OPEN = Buffer.from('{\n');
const CLOSE = Buffer.from('\n}\n');
const FIELD_SEP = Buffer.from(',\n');
const ITEM_SEP = Buffer.from(',\n');
const ARRAY_OPEN = Buffer.from('[\n');
const ARRAY_CLOSE = Buffer.from('\n]');

/** The file as byte chunks: one record per line inside each collection, readable and diffable. */
export function serializeChunks(db: object): Buffer[] {
  const out: Buffer[] = [OPEN];
  Object.entries(db).forEach(([key, value], i) => {
    if (i > 0) out.push(FIELD_SEP);
    out.push(Buffer.from(`${asciiJson(key)}: `));
    const list: unknown = value instanceof Collection ? value.toArray() : value;
    if (Array.isArray(list) && list.length > 0) {
      out.push(ARRAY_OPEN);
      list.forEach((item, j) => {
        if (j > 0) out.push(ITEM_SEP);
        out.push(bytesOf(item));
      });
      out.push(ARRAY_CLOSE);
    } else {
      out.push(Buffer.from(asciiJson(value)));
    }
  });
  out.push(CLOSE);
  return out;
}

export const serializeDatabase = (db: object): string => Buffer.concat(serializeChunks(db)).toString('utf8');

/**
 * lowdb adapter of ours: reads are classified (missing / unreadable / not JSON) so the store can
 * refuse to touch a damaged file, and writes are durable (lowdb's stock JSONFile does not fsync)
 * and sealed with their hash, so the next open can tell the file is exactly what was validated.
 */
export class DurableJsonFile<T extends object> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    const bytes = await this.readBytes();
    return bytes === null ? null : (parseJson(bytes) as T);
  }

  async readBytes(): Promise<Buffer | null> {
    try {
      return await readFile(this.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DatabaseReadError({ kind: 'unreadable', detail: (e as Error).message });
    }
  }

  async write(data: T): Promise<void> {
    const written = await writeFileDurably(this.path, serializeChunks(data));
    await writeSeal(this.path, written);
  }
}

export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new DatabaseReadError({ kind: 'notJson', detail: (e as Error).message });
  }
}
