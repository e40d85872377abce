import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { freeze, produce, type Draft } from 'immer';
import { AppError } from '../../../shared/errors';
import { Database, emptyDatabase } from '../../../shared/schemas/database';
import type { BackupInfo, BackupReason, DamageKind } from '../../../shared/features/workspace/schema';
import { Backups } from './backups';
import { writeFileDurably } from './durable-write';
import { DurableJsonFile } from './json-adapter';
import { loadDatabaseFile } from './load';
import { writeSeal } from './seal';
import type { Migration } from './migrations';

export const DATABASE_FILE = 'attache.json';
const DAY_MS = 24 * 60 * 60 * 1000;

export type StoreState = 'new' | 'ready' | 'damaged';

export interface StoreOptions {
  dataDir: string;
  now?: () => Date;
  /** Tests substitute their own migration chain; the app uses the real one. */
  migrations?: Migration[];
}

/**
 * The one owner of the database file. Every change goes: apply to an immutable copy (immer) →
 * write durably → only then publish. A failed mutator or write leaves memory and disk as they were.
 */
export class Store {
  readonly dataDir: string;
  readonly databasePath: string;
  readonly backups: Backups;
  private readonly now: () => Date;
  private readonly migrations: Migration[] | undefined;
  private readonly adapter: DurableJsonFile<Database>;
  private readonly low: Low<Database>;
  private queue: Promise<unknown> = Promise.resolve();
  private _state: StoreState = 'new';
  private _problem: { kind: DamageKind; detail: string } | undefined;

  private constructor(opts: StoreOptions) {
    this.dataDir = opts.dataDir;
    this.databasePath = join(opts.dataDir, DATABASE_FILE);
    this.backups = new Backups(opts.dataDir);
    this.now = opts.now ?? (() => new Date());
    this.migrations = opts.migrations;
    this.adapter = new DurableJsonFile<Database>(this.databasePath);
    this.low = new Low<Database>(this.adapter, emptyDatabase());
  }

  static async open(opts: StoreOptions): Promise<Store> {
    await mkdir(opts.dataDir, { recursive: true });
    const store = new Store(opts);
    await store.load();
    return store;
  }

  get state(): StoreState {
    return this._state;
  }

  get problem() {
    return this._problem;
  }

  /** The current, published database. Treat as read-only: records are frozen after the first write. */
  get db(): Database {
    if (this._state === 'damaged') {
      throw new AppError('WORKSPACE_DAMAGED', `The database ${this.databasePath} is damaged: ${this._problem?.detail}`);
    }
    if (this._state === 'new') throw new AppError('WORKSPACE_NOT_READY', 'The workspace has not been set up yet.');
    return this.low.data;
  }

  private async load(): Promise<void> {
    const result = await loadDatabaseFile(this.databasePath, this.migrations);
    if (result.kind === 'missing') {
      this._state = 'new';
      this._problem = undefined;
      this.low.data = emptyDatabase();
      return;
    }
    if (result.kind === 'damaged') {
      this._state = 'damaged';
      this._problem = result.problem;
      return;
    }
    if (result.migratedFrom !== null) {
      // The file as it was stays in backups/ before the migrated version replaces it.
      await this.backups.create(this.databasePath, 'migration', this.now());
      await this.adapter.write(result.db);
    } else {
      // A valid file without a matching seal (restored, or written by hand) is sealed now.
      if (!result.sealed) await writeSeal(this.databasePath, { sha256: result.sha256, size: result.size });
      await this.dailyBackup();
    }
    // Frozen from the start: records are immutable, so the adapter can cache each one's JSON.
    this.low.data = freeze(result.db, true);
    this._state = 'ready';
    this._problem = undefined;
  }

  private async dailyBackup(): Promise<void> {
    const newest = (await this.backups.list())[0];
    if (!newest || this.now().getTime() - Date.parse(newest.createdAt) > DAY_MS) {
      await this.backups.create(this.databasePath, 'daily', this.now());
    }
  }

  /** Resolves once every write queued so far has finished. */
  async flush(): Promise<void> {
    await this.queue;
  }

  /** Runs `task` after every earlier write has finished, so writes never interleave. */
  private serialize<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies `mutator` to a draft of the database and publishes the result once it is on disk.
   * Throwing inside the mutator (a rule refused the change) leaves everything untouched.
   */
  update<R>(mutator: (draft: Draft<Database>) => R): Promise<R> {
    return this.serialize(async () => {
      const base = this.db;
      let result!: R;
      const next = produce(base, (draft) => {
        result = mutator(draft);
      });
      if (next !== base) {
        await this.adapter.write(next);
        this.low.data = next;
      }
      return result;
    });
  }

  /** Creates the database of a new workspace (empty or the sample). */
  initialize(initial: Database): Promise<void> {
    return this.serialize(async () => {
      if (this._state !== 'new') throw new AppError('CONFLICT', 'The workspace is already set up.');
      const checked = Database.parse(initial);
      const frozen = produce(checked, () => undefined);
      await this.adapter.write(frozen);
      this.low.data = frozen;
      this._state = 'ready';
    });
  }

  backupNow(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    return this.serialize(async () => {
      if (this._state !== 'ready') throw new AppError('WORKSPACE_NOT_READY', 'There is no database to back up.');
      return this.backups.create(this.databasePath, reason, this.now());
    });
  }

  /** Backups, newest first; with `verify`, each is loaded to tell whether it could be restored. */
  async listBackups(verify: boolean): Promise<BackupInfo[]> {
    const list = await this.backups.list();
    if (!verify) return list;
    const out: BackupInfo[] = [];
    for (const b of list) {
      const result = await loadDatabaseFile(this.backups.pathOf(b.file), this.migrations);
      out.push({ ...b, valid: result.kind === 'ok' });
    }
    return out;
  }

  /**
   * Puts a backup in place of the database. A damaged file is moved aside (never overwritten or
   * deleted); a healthy one is backed up first. Refused, with nothing changed, if the backup is bad.
   */
  restoreBackup(file: string): Promise<void> {
    return this.serialize(async () => {
      const source = this.backups.pathOf(file);
      const check = await loadDatabaseFile(source, this.migrations);
      if (check.kind !== 'ok') {
        throw new AppError('VALIDATION', `The backup ${file} cannot be restored: it is not a valid database.`, {
          messageKey: { key: 'errors.badBackup', params: { file } },
        });
      }
      const bytes = await readFile(source);
      if (this._state === 'damaged') {
        const aside = join(this.dataDir, `attache.damaged-${this.now().toISOString().replace(/[:.]/g, '-')}.json`);
        await rename(this.databasePath, aside);
      } else if (this._state === 'ready') {
        await this.backups.create(this.databasePath, 'restore', this.now());
      }
      await writeFileDurably(this.databasePath, bytes);
      await this.load();
    });
  }

  /** Rewrites the whole database file from memory (the journal is folded in and emptied). */
  compact(): Promise<void> {
    return this.serialize(async () => {
      await this.adapter.write(this.db);
    });
  }
}
