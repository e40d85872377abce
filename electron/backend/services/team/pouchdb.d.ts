/**
 * The part of PouchDB 9 the team sync uses, typed here. DefinitelyTyped's @types/pouchdb-core
 * declares a global `Buffer` and pulls in the DOM library, which breaks Node's own types across the
 * backend; these few declarations describe only what mirror.ts and sync.ts call.
 */
declare namespace PouchDB {
  type Doc = Record<string, unknown> & { _id: string; _rev?: string; _deleted?: boolean };
  interface Info {
    update_seq: number | string;
    doc_count?: number;
  }
  interface Row {
    id: string;
    key: string;
    value?: { rev: string; deleted?: boolean };
    doc?: (Doc & { _rev: string; _conflicts?: string[] }) | null;
    error?: string;
  }
  interface BulkResult {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: string | boolean;
    reason?: string;
  }
  interface ChangesEmitter {
    on(event: 'change', listener: (change: { id: string; seq: number | string; deleted?: boolean; changes: Array<{ rev: string }> }) => void): ChangesEmitter;
    on(event: 'error', listener: (err: unknown) => void): ChangesEmitter;
    cancel(): void;
  }
  interface Database {
    info(): Promise<Info>;
    get(id: string, options?: { rev?: string; revs?: boolean; revs_info?: boolean; conflicts?: boolean; open_revs?: string[] | 'all' }): Promise<Doc & { _rev: string }>;
    allDocs(options?: { keys?: string[]; include_docs?: boolean; conflicts?: boolean }): Promise<{ rows: Row[] }>;
    bulkDocs(docs: Array<Record<string, unknown>>, options?: { new_edits?: boolean }): Promise<BulkResult[]>;
    changes(options: { since: number | string; include_docs?: boolean; live: true; style?: 'main_only' | 'all_docs' }): ChangesEmitter;
    changes(options: { since: number | string; include_docs?: boolean }): Promise<{ results: Array<{ id: string; seq: number | string }>; last_seq: number | string }>;
    compact(): Promise<unknown>;
    close(): Promise<void>;
  }
  interface SyncChange {
    direction: 'push' | 'pull';
    change: { docs: Array<{ _id: string }>; docs_written: number; docs_read?: number; pending?: number };
  }
  interface Replication {
    on(event: 'requestError', listener: (err: unknown) => void): Replication;
  }
  interface Sync {
    readonly push: Replication;
    readonly pull: Replication;
    on(event: 'change', listener: (info: SyncChange) => void): Sync;
    on(event: 'active', listener: () => void): Sync;
    on(event: 'paused', listener: (err?: unknown) => void): Sync;
    on(event: 'denied' | 'error', listener: (err: unknown) => void): Sync;
    on(event: 'complete', listener: (info: unknown) => void): Sync;
    cancel(): void;
  }
  interface SyncOptions {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    back_off_function?: (delay: number) => number;
  }
  interface Static {
    new (name: string, options?: Record<string, unknown>): Database;
    plugin(plugin: unknown): Static;
    sync(a: Database, b: Database, options?: SyncOptions): Sync;
    replicate(source: Database, target: Database, options?: Record<string, unknown>): Promise<unknown> & { cancel(): void };
  }
}

declare module 'pouchdb-core' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
