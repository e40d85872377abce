/**
 * The mirror: a PouchDB database inside the backend that holds what this workspace shares with its
 * team, revision trees and conflicts included. PouchDB's own replicator syncs it with the CouchDB
 * team database (never a replication protocol of ours); the sync engine (./sync.ts) moves records
 * between it and the store.
 *
 * It lives in memory (memdown, pure JavaScript: no native LevelDB to build for Electron, and no
 * plain files a passphrase would not cover). Its whole key-value tree — documents, revision trees,
 * replication checkpoints — is written to the store's state file `attache.team-mirror.state`, which
 * the store encrypts with the data key like everything else, and read back at the next open.
 * memdown keeps its tree as a persistent (immutable) red-black tree, so a snapshot is a pointer
 * taken between two batches: always consistent — and every write replaces the tree, so the pointer
 * also tells whether anything changed since the last snapshot (`version`).
 */
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import MemoryAdapter from 'pouchdb-adapter-memory';
import Replication from 'pouchdb-replication';
import memdown from 'memdown';

export const Pouch = PouchDB.plugin(HttpAdapter).plugin(MemoryAdapter).plugin(Replication);
export type Db = PouchDB.Database;

/** memdown's instance with its own tree (no location: not in memdown's global store). */
interface Tree {
  readonly length: number;
  readonly begin: TreeIterator;
  insert(key: string, value: string): Tree;
}
interface TreeIterator {
  readonly valid: boolean;
  readonly key: string;
  readonly value: string;
  next(): void;
}
interface MemStore {
  _tree: Tree;
}

export interface Mirror {
  db: Db;
  /** The tree now: the same value until the next write to the mirror (documents, checkpoints, compaction). */
  version(): unknown;
  /**
   * `head`, then the whole tree as it is now as bytes (JSON of [key, value] pairs), for the state
   * file. Built in slices of about a megabyte, never as one string (at 10× the tree is 230 MB),
   * yielding to the event loop between slices (the tree taken at the call does not change).
   */
  dump(head?: Uint8Array): Promise<Buffer>;
  close(): Promise<void>;
}

const DUMP_SLICE = 1 << 20;

let serial = 0;

const isEntries = (value: unknown): value is Array<[string, string]> =>
  Array.isArray(value) && value.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string');

/** A mirror, empty or restored from `saved` (a dump; one that does not parse gives an empty mirror and `restored: false`). */
export function openMirror(saved: Uint8Array | null): { mirror: Mirror; restored: boolean } {
  const store = (memdown as unknown as () => MemStore)();
  let restored = false;
  if (saved) {
    try {
      const entries: unknown = JSON.parse(Buffer.from(saved).toString('utf8'));
      if (isEntries(entries)) {
        let tree = store._tree;
        for (const [k, v] of entries) tree = tree.insert(k, v);
        store._tree = tree;
        restored = true;
      }
    } catch {
      restored = false;
    }
  }
  // PouchDB's LevelDB core keeps open databases by name: each mirror gets its own.
  const name = `attache-mirror-${process.pid}-${++serial}`;
  const db = new Pouch(name, { adapter: 'memory', db: () => store, auto_compaction: false });
  return {
    restored,
    mirror: {
      db,
      version: () => store._tree,
      async dump(head) {
        const parts: Buffer[] = head ? [Buffer.from(head)] : [];
        let slice = '[';
        let first = true;
        for (const at = store._tree.begin; at.valid; at.next()) {
          slice += `${first ? '' : ','}[${JSON.stringify(String(at.key))},${JSON.stringify(String(at.value))}]`;
          first = false;
          if (slice.length < DUMP_SLICE) continue;
          parts.push(Buffer.from(slice, 'utf8'));
          slice = '';
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        parts.push(Buffer.from(`${slice}]`, 'utf8'));
        return Buffer.concat(parts);
      },
      close: () => db.close(),
    },
  };
}

/** The team database on the server, as PouchDB's HTTP adapter reaches it. */
export function openRemote(url: string, database: string, user: string, password: string): Db {
  return new Pouch(`${url}/${encodeURIComponent(database)}`, {
    adapter: 'http',
    skip_setup: true,
    auth: { username: user, password },
  });
}
