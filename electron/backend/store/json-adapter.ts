import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-write';

export type ReadFailure = { kind: 'unreadable' | 'notJson'; detail: string };

export class DatabaseReadError extends Error {
  constructor(readonly failure: ReadFailure) {
    super(failure.detail);
    this.name = 'DatabaseReadError';
  }
}

/**
 * Records are immutable once stored (immer freezes them), so each one's JSON text can be cached by
 * object identity: saving after one edit re-serialises one record, not fifty thousand.
 */
const recordJson = new WeakMap<object, string>();

function jsonOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let text = recordJson.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (Object.isFrozen(value)) recordJson.set(value, text);
  }
  return text;
}

/** One record per line inside each collection: readable, diffable, and cheap to assemble. */
export function serializeDatabase(db: object): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(db)) {
    const body = Array.isArray(value)
      ? value.length === 0
        ? '[]'
        : `[\n${value.map(jsonOf).join(',\n')}\n]`
      : JSON.stringify(value);
    parts.push(`${JSON.stringify(key)}: ${body}`);
  }
  return `{\n${parts.join(',\n')}\n}\n`;
}

/**
 * lowdb adapter of ours: reads are classified (missing / unreadable / not JSON) so the store can
 * refuse to touch a damaged file, and writes are durable (lowdb's stock JSONFile does not fsync).
 */
export class DurableJsonFile<T extends object> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DatabaseReadError({ kind: 'unreadable', detail: (e as Error).message });
    }
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new DatabaseReadError({ kind: 'notJson', detail: (e as Error).message });
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.path, serializeDatabase(data));
  }
}
