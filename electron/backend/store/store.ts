/**
 * The one owner of the workspace's files. Every change goes: apply to an immutable copy (immer) →
 * append what changed to the journal and fsync → only then publish. A save costs the size of the
 * change; the snapshot (attache.json) is rewritten only by compaction — in the background when the
 * journal grows, and at close — and each rewrite is atomic and crash-safe (see journal.ts for how
 * snapshot and journal name each other). A failed mutator or write leaves memory and disk as they
 * were; a damaged file is never overwritten.
 *
 * With a passphrase, everything written is encrypted (crypto.ts): snapshot, journal lines, backups
 * and so every temp file. The store then starts `locked` until `unlock`; `lock` (the app lock)
 * keeps the data in memory but refuses every operation until the passphrase is given again.
 */
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Low, Memory } from 'lowdb';
import { Immer, type Draft } from 'immer';
import { AppError } from '../../../shared/errors';
import { emptyDatabase, parseDatabase, type Database } from '../../../shared/schemas/database';
import { Collection } from '../../../shared/schemas/collection';
import type { BackupInfo, BackupReason } from '../../../shared/features/workspace/schema';
import { Backups, BACKUP_DIR } from './backups';
import { decryptBlock, encryptBlock, keyIdOf, newDataKey, unwrapKey, WrappedKey, wrapKey, wrongPassphrase, DEFAULT_KDF, type DataKey } from './crypto';
import { TEMP_FILE, writeFileDurably } from './durable-write';
import { diffDatabase, encodeEntry, Journal, JOURNAL_FILE, JournalDamaged, readJournal, type Change, type JournalEntry } from './journal';
import { freezeChange, freezeDatabase, stopFreezing } from './freeze';
import { decodeSnapshotFile, finishDecode, loadSnapshotFile, type Problem } from './load';
import type { Migration } from './migrations';
import { removeSeal, RULES_VERSION, writeSeal } from './seal';
import { snapshotChunks, type Keyring, type SnapshotMeta } from './snapshot';

export const DATABASE_FILE = 'attache.json';
export const KEYS_FILE = 'attache.keys.json';
const DAY_MS = 24 * 60 * 60 * 1000;
/** A cache file starts with this and the key id it is encrypted under (16 dashes: not encrypted). */
const CACHE_MAGIC = 'ATTACHE-CACHE-1:';
const CACHE_HEAD = CACHE_MAGIC.length + 16;
const STATE_MAGIC = 'ATTACHE-STATE-1:';
const STATE_HEAD = STATE_MAGIC.length + 16;

export type StoreState = 'new' | 'ready' | 'damaged' | 'locked';

export interface StoreOptions {
  dataDir: string;
  now?: () => Date;
  /** Tests substitute their own migration chain; the app uses the real one. */
  migrations?: Migration[];
  /** scrypt cost for new passphrases (tests lower it; the app uses DEFAULT_KDF). */
  kdf?: { N: number; r: number; p: number };
  /** Journal size that starts a background compaction (default: 4 MB or an eighth of the snapshot). */
  compactAt?: number;
  /** Caches read while the database is opened (the file read overlaps the parse), for the first readCache of each. */
  prefetchCaches?: readonly string[];
}

const newSnapshotId = () => randomUUID();

/**
 * A file's bytes in one read (fs.readFile reads 512 KB at a time, each step waiting for the event
 * loop — behind a parse of the database, that is most of its time); null when missing or unreadable.
 */
async function readWhole(path: string): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
/** The data version after `line`: a chain of hashes over every journal line since the data's origin. */
const nextVersion = (version: string, line: Buffer) => createHash('sha256').update(version).update(line).digest('hex').slice(0, 40);

/**
 * immer without its automatic deep freeze: that walks every element of a changed list (50,000
 * isFrozen checks for one edited contact). The store freezes what changed itself (freeze.ts).
 */
const immer = new Immer({ autoFreeze: false });

/** The snapshot as written by compaction, with how many journal lines it folded in. */
interface CompactionPlan {
  db: Database;
  meta: SnapshotMeta;
  keyring: Keyring | null;
}

export class Store {
  readonly dataDir: string;
  readonly databasePath: string;
  readonly journalPath: string;
  readonly keysPath: string;
  readonly backups: Backups;
  private readonly now: () => Date;
  private readonly migrations: Migration[] | undefined;
  private readonly kdf: { N: number; r: number; p: number };
  private readonly compactAt: number | undefined;
  private readonly prefetchNames: readonly string[];
  /** Cache files read ahead at open, each taken by its first readCache; forgotten when a cache is written or dropped. */
  private prefetched = new Map<string, Promise<Buffer | null>>();
  /** lowdb holds the published, frozen database; the store does its own file I/O. */
  private readonly low = new Low<Database>(new Memory<Database>(), emptyDatabase());
  private readonly journal: Journal;
  private queue: Promise<unknown> = Promise.resolve();
  private _state: StoreState = 'new';
  private _problem: Problem | undefined;
  /** Set when the workspace is encrypted; the data key lives only in memory. */
  private keyring: Keyring | null = null;
  /** The wrapped keys of a workspace waiting for its passphrase: the keys file's, then the snapshot's own. */
  private pendingKeys: WrappedKey[] = [];
  private appLocked = false;
  private cacheGeneration = 0;
  private meta: SnapshotMeta = { id: newSnapshotId(), parent: null, seq: 0 };
  private seq = 0;
  /** The identity of the published data (see dataVersion). */
  private version: string = newSnapshotId();
  /** Journal lines written since the snapshot on disk (carried into the journal after a compaction). */
  private lines: Buffer[] = [];
  private snapshotSize = 0;
  /** The background compaction's snapshot write (in-queue steps wait for it; it never waits for the queue). */
  private compactionWrite: Promise<void> | null = null;
  /** A background compaction is running, up to and including its step in the queue. */
  private compacting = false;
  private lastWrite = 0;
  /** Where each record sits in its list (collection → id → index), for the database in `positionsOf`. */
  private positions = new Map<string, Map<string, number>>();
  private positionsOf: Database | null = null;
  /** Told after every publish (the team sync's outgoing side); a listener must not throw or block. */
  private readonly listeners = new Set<(next: Database, base: Database) => void>();

  private constructor(opts: StoreOptions) {
    this.dataDir = opts.dataDir;
    this.databasePath = join(opts.dataDir, DATABASE_FILE);
    this.journalPath = join(opts.dataDir, JOURNAL_FILE);
    this.keysPath = join(opts.dataDir, KEYS_FILE);
    this.backups = new Backups(opts.dataDir);
    this.now = opts.now ?? (() => new Date());
    this.migrations = opts.migrations;
    this.kdf = opts.kdf ?? DEFAULT_KDF;
    this.compactAt = opts.compactAt;
    this.prefetchNames = opts.prefetchCaches ?? [];
    this.journal = new Journal(this.journalPath);
  }

  static async open(opts: StoreOptions): Promise<Store> {
    await mkdir(opts.dataDir, { recursive: true });
    const store = new Store(opts);
    await store.removeStaleTemps();
    await store.load();
    return store;
  }

  /**
   * The database as the files hold it now (snapshot + journal), read without writing anything or
   * taking the workspace: what the next start would see. Plain workspaces only (tests, tools).
   */
  static async peek(dataDir: string): Promise<Database> {
    const path = join(dataDir, DATABASE_FILE);
    const decoded = await decodeSnapshotFile(path, () => null, path);
    if (decoded.kind !== 'ok') throw new Error(`The workspace in ${dataDir} cannot be read: ${decoded.kind}`);
    const meta = decoded.meta;
    const journal = await readJournal(join(dataDir, JOURNAL_FILE), () => null, meta?.seq ?? 0, (h) => meta !== null && (h.snapshot === meta.id || h.snapshot === meta.parent));
    const finished = finishDecode(decoded, journal?.applies ? journal.entries : []);
    if (finished.kind !== 'ok') throw new Error(`The workspace in ${dataDir} is damaged: ${finished.problem.detail}`);
    return finished.db;
  }

  get state(): StoreState {
    return this.appLocked ? 'locked' : this._state;
  }

  get problem() {
    return this._problem;
  }

  get encrypted(): boolean {
    return this.keyring !== null || this.pendingKeys.length > 0;
  }

  /** The current, published database. Treat as read-only: records are frozen. */
  get db(): Database {
    if (this.appLocked || this._state === 'locked') throw lockedError();
    if (this._state === 'damaged') {
      throw new AppError('WORKSPACE_DAMAGED', `The database ${this.databasePath} is damaged: ${this._problem?.detail}`);
    }
    if (this._state === 'new') throw new AppError('WORKSPACE_NOT_READY', 'The workspace has not been set up yet.');
    return this.low.data;
  }

  /**
   * The index of record `id` in the published list `collection`, or -1. The lookup is kept from
   * save to save (a save's change says which ids it appended or removed), so finding the record an
   * edit is about costs O(1), not a scan of 50,000 contacts.
   */
  locate(collection: string, id: string): number {
    const value = (this.db as unknown as Record<string, unknown>)[collection];
    if (!(value instanceof Collection) && !Array.isArray(value)) return -1;
    const list = value as Collection<{ id: string }> | ReadonlyArray<{ id: string }>;
    if (this.positionsOf !== this.low.data) {
      this.positions.clear();
      this.positionsOf = this.low.data;
    }
    let index = this.positions.get(collection);
    if (!index) {
      index = new Map();
      list.forEach((record, i) => index!.set(record.id, i));
      this.positions.set(collection, index);
    }
    const at = index.get(id);
    return at !== undefined && list.at(at)?.id === id ? at : -1;
  }

  /** Carries the record positions over to the database a save publishes. */
  private movePositions(base: Database, next: Database, change: Change | null): void {
    if (this.positionsOf !== base) return;
    this.positionsOf = next;
    for (const [key, { del, put }] of Object.entries(change?.c ?? {})) {
      const index = this.positions.get(key);
      if (!index) continue;
      if (del?.length) {
        this.positions.delete(key); // rebuilt at the next lookup
        continue;
      }
      // Without removals a put replaces its record in place or appends it (see diffCollection).
      let length = index.size;
      for (const { id } of put ?? []) if (!index.has(id)) index.set(id, length++);
    }
    for (const key of Object.keys(change?.s ?? {})) this.positions.delete(key);
  }

  /** Each crash mid-write leaves a temp file; only the lock holder runs this, so none is in use. */
  private async removeStaleTemps(): Promise<void> {
    for (const dir of [this.dataDir, join(this.dataDir, BACKUP_DIR)]) {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) if (TEMP_FILE.test(name)) await unlink(join(dir, name)).catch(() => undefined);
    }
  }

  private keyFor = (keyId: string): DataKey | null => (this.keyring?.dataKey.keyId === keyId ? this.keyring.dataKey : null);

  private async readKeysFile(): Promise<WrappedKey | null> {
    let text: string;
    try {
      text = await readFile(this.keysPath, 'utf8');
    } catch {
      return null;
    }
    const parsed = WrappedKey.safeParse((() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })());
    return parsed.success ? parsed.data : null;
  }

  private setDamaged(problem: Problem): void {
    this._state = 'damaged';
    this._problem = problem;
  }

  private async load(): Promise<void> {
    this.prefetched = new Map(this.prefetchNames.map((name) => [name, readWhole(this.cachePath(name))]));
    try {
      await this.loadFiles();
    } finally {
      if (this._state !== 'ready') this.prefetched.clear();
    }
  }

  private async loadFiles(): Promise<void> {
    await this.journal.close();
    const decoded = await decodeSnapshotFile(this.databasePath, this.keyFor, this.databasePath);
    if (decoded.kind === 'missing') {
      // A journal with no snapshot belongs to nothing; it is kept aside, not replayed or deleted.
      await this.moveAside(this.journalPath, 'journal');
      this._state = 'new';
      this._problem = undefined;
      this.keyring = null;
      this.pendingKeys = [];
      this.low.data = emptyDatabase();
      return;
    }
    if (decoded.kind === 'locked') {
      const fromFile = await this.readKeysFile();
      // After an interrupted passphrase change the two differ: either passphrase opens the same data key.
      this.pendingKeys = fromFile && fromFile.wrapped !== decoded.header.key.wrapped ? [fromFile, decoded.header.key] : [decoded.header.key];
      this._state = 'locked';
      this._problem = undefined;
      return;
    }
    if (decoded.kind === 'damaged') return this.setDamaged(decoded.problem);
    if (!decoded.encrypted) {
      // A plain snapshot with a keys file beside it: a passphrase change that never finished
      // (set: keys written, data not yet encrypted; remove: data decrypted, keys not yet deleted).
      await unlink(this.keysPath).catch(() => undefined);
      this.keyring = null;
    }

    const meta = decoded.meta;
    let journal;
    try {
      journal = await readJournal(
        this.journalPath,
        (keyId) => (keyId === null ? null : this.keyFor(keyId)),
        meta?.seq ?? 0,
        (header) => meta !== null && (header.snapshot === meta.id || header.snapshot === meta.parent),
      );
    } catch (e) {
      if (e instanceof JournalDamaged) return this.setDamaged({ kind: 'journal', detail: e.message });
      throw e;
    }
    const entries: JournalEntry[] = journal?.applies ? journal.entries : [];
    const lines: Buffer[] = journal?.applies ? journal.lines : [];
    if (meta && entries.length > 0 && entries[0]!.seq !== meta.seq + 1) {
      return this.setDamaged({ kind: 'journal', detail: `The journal starts at change ${entries[0]!.seq}, the snapshot ends at ${meta.seq}.` });
    }
    if (journal && !journal.applies && journal.count > 0) {
      // Lines written for another snapshot (a restored or replaced file): never applied, kept aside —
      // unless they are plain text beside an encrypted workspace, which must hold nothing readable.
      if (decoded.encrypted && journal.header.keyId === null) await unlink(this.journalPath);
      else await this.moveAside(this.journalPath, 'journal');
    }

    const finished = finishDecode(decoded, entries, this.migrations);
    if (finished.kind === 'damaged') return this.setDamaged(finished.problem);
    if (!decoded.trusted) {
      // A file this app did not vouch for (edited or put back by hand, or of another version) may
      // differ from what its identity named when the caches were written: they go before the seal
      // vouches for it.
      await this.dropCachesNow();
    }

    this.low.data = freezeDatabase(finished.db);
    this._state = 'ready';
    this._problem = undefined;
    this.snapshotSize = decoded.size;
    this.seq = entries.at(-1)?.seq ?? meta?.seq ?? 0;
    this.lines = lines;
    // Migrated or without an identity, the data is new (and written as a new snapshot below).
    this.version = meta && finished.migratedFrom === null ? lines.reduce(nextVersion, meta.data ?? meta.id) : newSnapshotId();

    if (finished.migratedFrom !== null) {
      // The file as it was stays in backups/ before the migrated version replaces it.
      await this.backups.create(await decoded.bytes(), 'migration', this.now(), decoded.encrypted !== null);
      await this.compactNow();
    } else if (meta === null) {
      // A file without its snapshot identity (an older version's, restored or hand-written) is
      // rewritten once, so a journal can name it.
      await this.compactNow();
    } else {
      this.meta = meta;
      if (!decoded.trusted && !this.keyring && decoded.sha256 !== null) {
        // Validated in full just now: sealed, so the next open can skip that.
        await writeSeal(this.databasePath, { sha256: decoded.sha256, size: decoded.size });
      }
      // The journal is rewritten with exactly the lines that apply (a torn tail is dropped) — unless
      // it holds exactly those already, as after every clean close: then it is kept as it is.
      const header = { attacheJournal: 1 as const, snapshot: this.meta.id, keyId: this.keyring?.dataKey.keyId ?? null };
      const exact = journal?.applies && !journal.tornTail && journal.count === journal.entries.length && journal.header.snapshot === header.snapshot && journal.header.keyId === header.keyId;
      if (journal && exact) await this.journal.adopt(journal.size);
      else await this.journal.reset(header, this.lines);
    }
    await this.dailyBackup();
  }

  private async moveAside(path: string, what: string): Promise<void> {
    const aside = join(this.dataDir, `attache.${what}-aside-${this.now().toISOString().replace(/[:.]/g, '-')}`);
    await rename(path, aside).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  private async dailyBackup(): Promise<void> {
    const newest = (await this.backups.list())[0];
    if (!newest || this.now().getTime() - Date.parse(newest.createdAt) > DAY_MS) await this.writeBackup('daily');
  }

  /** Resolves once every write queued so far (and a running compaction) has finished. */
  async flush(): Promise<void> {
    await this.queue;
    await this.compactionWrite?.catch(() => undefined);
    await this.queue;
  }

  /** Runs `task` after every earlier write has finished, so writes never interleave. */
  private serialize<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies `mutator` to a draft of the database and publishes the result once its change is in
   * the journal on disk. Throwing inside the mutator (a rule refused the change) leaves everything untouched.
   */
  update<R>(mutator: (draft: Draft<Database>) => R): Promise<R> {
    return this.serialize(async () => {
      const base = this.db;
      let result!: R;
      const next = immer.produce(base, (draft) => {
        result = mutator(draft);
      });
      if (next !== base) await this.commit(base, next);
      return result;
    });
  }

  private async commit(base: Database, next: Database): Promise<void> {
    const change: Change | null = diffDatabase(base as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>);
    freezeChange(next, change);
    this.movePositions(base, next, change);
    if (change) {
      const line = encodeEntry({ seq: this.seq + 1, change }, this.keyring?.dataKey ?? null);
      await this.journal.append(line);
      this.seq += 1;
      this.version = nextVersion(this.version, line);
      this.lines.push(line);
    }
    this.low.data = next;
    this.lastWrite = Date.now();
    for (const listener of this.listeners) {
      try {
        listener(next, base);
      } catch (e) {
        console.error('[attache] a store listener failed:', e);
      }
    }
    if (this.journal.size > (this.compactAt ?? Math.max(4 * 1024 * 1024, this.snapshotSize / 8))) this.compactInBackground();
  }

  private plan(keyring: Keyring | null, parent: string | null): CompactionPlan {
    return { db: this.low.data, meta: { id: newSnapshotId(), parent, seq: this.seq, data: this.version }, keyring };
  }

  private async writeSnapshot(plan: CompactionPlan): Promise<void> {
    const written = await writeFileDurably(this.databasePath, snapshotChunks(plan.db, plan.meta, RULES_VERSION, plan.keyring));
    if (plan.keyring) await removeSeal(this.databasePath);
    else await writeSeal(this.databasePath, written);
    this.snapshotSize = written.size;
  }

  /**
   * Writes a snapshot of the published data while saves go on appending to the journal (the data
   * is immutable, so it needs no copy); then, in the write queue, starts a journal that names the
   * new snapshot and carries the lines written meanwhile. A crash in between leaves a snapshot whose
   * parent is the journal's snapshot, so the later lines still apply.
   */
  private compactInBackground(): void {
    // One at a time, up to its last step: a second snapshot written before the first one's journal
    // is in place would name a parent the journal no longer has.
    if (this.compacting) return;
    this.compacting = true;
    const plan = this.plan(this.keyring, this.meta.id);
    const folded = this.lines.length;
    this.compactionWrite = this.writeSnapshot(plan).finally(() => {
      this.compactionWrite = null;
    });
    this.compactionWrite
      .then(
        () =>
          this.serialize(async () => {
            if (this.meta.id !== plan.meta.parent) return; // superseded by a compaction in the queue
            const tail = this.lines.slice(folded);
            await this.journal.reset({ attacheJournal: 1, snapshot: plan.meta.id, keyId: plan.keyring?.dataKey.keyId ?? null }, tail);
            this.lines = tail;
            this.meta = plan.meta;
          }),
        (e: unknown) => console.error('[attache] compaction failed; the journal keeps every change:', e),
      )
      .catch((e: unknown) => console.error('[attache] compaction failed; the journal keeps every change:', e))
      .finally(() => {
        this.compacting = false;
      });
  }

  /** Inside the write queue: folds the whole journal into a new snapshot and starts an empty journal. */
  private async compactNow(keyring: Keyring | null = this.keyring, parent: string | null = this.meta.id): Promise<void> {
    await this.compactionWrite?.catch(() => undefined);
    const plan = this.plan(keyring, parent);
    await this.writeSnapshot(plan);
    await this.journal.reset({ attacheJournal: 1, snapshot: plan.meta.id, keyId: keyring?.dataKey.keyId ?? null }, []);
    this.lines = [];
    this.meta = plan.meta;
  }

  /** Rewrites the snapshot from memory; the journal is folded in and emptied (erasure, close). */
  compact(): Promise<void> {
    return this.serialize(async () => {
      this.assertReady();
      await this.compactNow();
    });
  }

  /** Periodic work while the app runs: the daily backup, and compaction once the user is idle. */
  maintenance(idleMs = 60_000): Promise<void> {
    return this.serialize(async () => {
      if (this.state !== 'ready') return;
      if (this.lines.length > 0 && Date.now() - this.lastWrite > idleMs && this.journal.size > 256 * 1024) await this.compactNow();
      await this.dailyBackup();
    });
  }

  /** Folds the journal in (so the next open reads one file) and closes it. */
  close(): Promise<void> {
    return this.serialize(async () => {
      await this.compactionWrite?.catch(() => undefined);
      if (this._state === 'ready' && this.lines.length > 0) await this.compactNow();
      await this.journal.close();
      this.prefetched.clear();
      stopFreezing(this.low.data);
    });
  }

  private assertReady(): void {
    void this.db;
  }

  /**
   * Creates the database of a new workspace (empty or the sample), optionally protected from the
   * start. `validated`: the caller parsed it with the Database schema already (an opened archive),
   * so it is not parsed a second time.
   */
  initialize(initial: Database, passphrase?: string, opts: { validated?: boolean } = {}): Promise<void> {
    return this.serialize(async () => {
      if (this._state !== 'new') throw new AppError('CONFLICT', 'The workspace is already set up.');
      const checked = opts.validated ? initial : parseDatabase(initial);
      const keyring = passphrase ? await this.newKeyring(passphrase) : null;
      if (keyring) await writeFileDurably(this.keysPath, JSON.stringify(keyring.wrapped));
      this.low.data = freezeDatabase(checked);
      this.seq = 0;
      this.version = newSnapshotId();
      this.keyring = keyring;
      this._state = 'ready';
      try {
        await this.compactNow(keyring, null);
      } catch (e) {
        this._state = 'new';
        this.keyring = null;
        throw e;
      }
      await this.writeBackup('setup');
    });
  }

  private async newKeyring(passphrase: string, dataKey: DataKey = newDataKey()): Promise<Keyring> {
    return { dataKey, wrapped: await wrapKey(dataKey, passphrase, this.kdf) };
  }

  /** Writes the published data as a backup. Runs beside saves: the data is immutable. */
  private async writeBackup(reason: BackupReason): Promise<BackupInfo> {
    const meta: SnapshotMeta = { id: newSnapshotId(), parent: null, seq: this.seq };
    return this.backups.create(snapshotChunks(this.low.data, meta, RULES_VERSION, this.keyring), reason, this.now(), this.keyring !== null);
  }

  backupNow(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    return this.serialize(async () => {
      if (this.state !== 'ready') throw new AppError('WORKSPACE_NOT_READY', 'There is no database to back up.');
      return this.writeBackup(reason);
    });
  }

  /** Backups, newest first; with `verify`, each is read in full to tell whether it could be restored. */
  async listBackups(verify: boolean): Promise<BackupInfo[]> {
    const list = await this.backups.list();
    if (!verify) return list;
    const out: BackupInfo[] = [];
    for (const b of list) {
      const result = await loadSnapshotFile(this.backups.pathOf(b.file), this.keyFor, this.migrations);
      // An encrypted backup cannot be checked while the workspace is locked; it is not offered then.
      out.push({ ...b, valid: result.kind === 'ok' });
    }
    return out;
  }

  /**
   * Puts a backup in place of the database. A damaged file is moved aside (never overwritten or
   * deleted); a healthy one is backed up first, so restoring that backup undoes the restore.
   * Refused, with nothing changed, if the backup is bad. `prepare` may change the restored data
   * (the erasure register is re-applied there).
   */
  restoreBackup(file: string, prepare: (db: Database) => Database = (db) => db, passphrase?: string): Promise<void> {
    return this.serialize(async () => {
      if (this.state === 'locked') throw lockedError();
      const path = this.backups.pathOf(file);
      let keyFor = this.keyFor;
      let adopted: Keyring | null = null;
      if (!this.keyring && passphrase !== undefined) {
        // The database is missing or damaged and the backup is encrypted: its own header holds the key.
        const decoded = await decodeSnapshotFile(path, () => null, null);
        if (decoded.kind === 'locked') {
          adopted = { dataKey: await unwrapKey(decoded.header.key, passphrase), wrapped: decoded.header.key };
          keyFor = (keyId) => (keyId === adopted!.dataKey.keyId ? adopted!.dataKey : null);
        }
      }
      const loaded = await loadSnapshotFile(path, keyFor, this.migrations);
      if (loaded.kind !== 'ok') {
        const locked = loaded.kind === 'locked';
        throw new AppError(
          'VALIDATION',
          locked ? `The backup ${file} was protected with another passphrase.` : `The backup ${file} cannot be restored: it is not a valid database.`,
          { messageKey: { key: locked ? 'errors.backupOtherKey' : 'errors.badBackup', params: { file } } },
        );
      }
      await this.putInPlace(parseDatabase(prepare(loaded.db)), adopted);
    });
  }

  /**
   * Puts a whole database (an opened archive) in place of the current one as a restore does: a
   * healthy database is backed up first — the backup is returned, and restoring it undoes this —
   * and a damaged one is moved aside. `prepare` runs on the incoming data in the write queue (the
   * erasure register is re-applied there). Refused, with nothing changed, while locked or not set up.
   * `validated`: the caller parsed `incoming` with the Database schema (an archive is read and
   * validated once), and `prepare` keeps it valid, so it is not parsed again. `passphrase`: an
   * unprotected workspace becomes protected with it — the new data is written encrypted from its
   * first byte, and every backup is re-encrypted as setting a passphrase does.
   */
  replaceDatabase(incoming: Database, prepare: (db: Database) => Database = (db) => db, opts: { validated?: boolean; passphrase?: string } = {}): Promise<BackupInfo | null> {
    return this.serialize(async () => {
      if (this.state === 'locked') throw lockedError();
      if (this._state === 'new') throw new AppError('WORKSPACE_NOT_READY', 'The workspace has not been set up yet.');
      const prepared = prepare(incoming);
      const data = opts.validated ? prepared : parseDatabase(prepared);
      const adopted = opts.passphrase && !this.keyring ? await this.newKeyring(opts.passphrase) : null;
      const backup = await this.putInPlace(data, adopted);
      if (!adopted) return backup;
      await this.convertBackups(null);
      await this.encryptSetAside(adopted);
      // The backup taken first was re-encrypted under a new name (a millisecond later, not to collide): name that one.
      if (!backup) return null;
      const converted = (await this.backups.list()).filter((b) => b.encrypted && b.reason === backup.reason && b.createdAt >= backup.createdAt);
      return converted.at(-1) ?? backup;
    });
  }

  /** Inside the write queue: the backup (or moving a damaged file aside), then the new data as a fresh snapshot. */
  private async putInPlace(restored: Database, adopted: Keyring | null): Promise<BackupInfo | null> {
    let backup: BackupInfo | null = null;
    if (this._state === 'damaged') {
      await this.moveAside(this.databasePath, 'damaged');
      await this.moveAside(this.journalPath, 'journal');
    } else if (this._state === 'ready') {
      await this.compactionWrite?.catch(() => undefined);
      backup = await this.writeBackup('restore');
    }
    const previous = { data: this.low.data, state: this._state, problem: this._problem, keyring: this.keyring, version: this.version };
    this.low.data = freezeDatabase(restored);
    this.version = newSnapshotId();
    this._state = 'ready';
    this._problem = undefined;
    try {
      if (adopted) {
        await writeFileDurably(this.keysPath, JSON.stringify(adopted.wrapped));
        this.keyring = adopted;
      }
      // A fresh snapshot with no parent: no journal line written before the restore applies to it.
      await this.compactNow(this.keyring, null);
    } catch (e) {
      this.low.data = previous.data;
      this.version = previous.version;
      this._state = previous.state;
      this._problem = previous.problem;
      this.keyring = previous.keyring;
      throw e;
    }
    return backup;
  }

  /** Checks a passphrase against the workspace's key: WRONG_PASSPHRASE unless it opens it (a plain workspace has none). */
  async verifyPassphrase(passphrase: string): Promise<void> {
    if (!this.keyring) throw wrongPassphrase();
    await unwrapKey(this.keyring.wrapped, passphrase);
  }

  /** The scrypt cost for keys wrapped now (archives wrap theirs with it too). */
  get kdfParams(): { N: number; r: number; p: number } {
    return this.kdf;
  }

  /** Opens an encrypted workspace, or ends the app lock. A wrong passphrase changes nothing. */
  unlock(passphrase: string): Promise<void> {
    return this.serialize(async () => {
      if (this.appLocked && this.keyring) {
        await unwrapKey(this.keyring.wrapped, passphrase);
        this.appLocked = false;
        return;
      }
      if (this._state !== 'locked' || this.pendingKeys.length === 0) return;
      let keyring: Keyring | null = null;
      for (const wrapped of this.pendingKeys) {
        try {
          keyring = { dataKey: await unwrapKey(wrapped, passphrase), wrapped };
          break;
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'WRONG_PASSPHRASE')) throw e;
        }
      }
      if (!keyring) throw wrongPassphrase();
      await this.openWith(keyring);
    });
  }

  /**
   * Opens an encrypted workspace at start with a data key remembered on this device (device-key.ts)
   * instead of the passphrase. Never ends the app lock: that always asks for the passphrase. A key
   * that belongs to none of the workspace's wrapped keys is refused as a wrong passphrase.
   */
  unlockWithKey(key: Buffer): Promise<void> {
    return this.serialize(async () => {
      if (this._state !== 'locked' || this.appLocked || this.pendingKeys.length === 0) return;
      const keyId = keyIdOf(key);
      const wrapped = this.pendingKeys.find((w) => w.keyId === keyId);
      if (!wrapped) throw wrongPassphrase();
      await this.openWith({ dataKey: { key: Buffer.from(key), keyId }, wrapped });
    });
  }

  /**
   * Caches beside the database (`attache.<name>.cache`, the search index): data derived from the
   * records and kept only so the next open is faster. Encrypted with the workspace's data key when it
   * has a passphrase; dropped whenever the protection changes or a person is erased, so no copy
   * outlives what it was derived from. A cache that cannot be read is simply not used.
   */
  get cacheEpoch(): number {
    return this.cacheGeneration;
  }

  /**
   * Names exactly the data published now, across sessions: a cache written with it describes this
   * data while the two are equal. It is the snapshot's data identity (new for a new workspace, a
   * restore, a migration) chained through the hash of every journal line since — compaction keeps
   * it, as the data stays the same; any save, a different journal, or another snapshot changes it.
   * Read it together with `db` (both change in the same step).
   */
  get dataVersion(): string {
    return this.version;
  }

  /** Writes a cache, unless the caches were dropped since `epoch` (then its bytes may hold what was erased). */
  writeCache(name: string, data: Uint8Array, epoch: number): Promise<boolean> {
    return this.serialize(async () => {
      if (epoch !== this.cacheGeneration || this._state !== 'ready' || this.appLocked) return false;
      this.prefetched.delete(name);
      const keyring = this.keyring;
      const head = Buffer.from(`${CACHE_MAGIC}${keyring ? keyring.dataKey.keyId : '-'.repeat(16)}`, 'latin1');
      const body = keyring ? encryptBlock(keyring.dataKey.key, data, Buffer.from(`attache-cache:${name}`)) : data;
      await writeFileDurably(this.cachePath(name), [head, body]);
      return true;
    });
  }

  /** The cache as written, or null (none, damaged, or written under another key or none). */
  async readCache(name: string): Promise<Buffer | null> {
    const ahead = this.prefetched.get(name);
    this.prefetched.delete(name);
    const bytes = await (ahead ?? readWhole(this.cachePath(name)));
    if (!bytes || bytes.length < CACHE_HEAD || bytes.subarray(0, CACHE_MAGIC.length).toString('latin1') !== CACHE_MAGIC) return null;
    const keyId = bytes.subarray(CACHE_MAGIC.length, CACHE_HEAD).toString('latin1');
    const keyring = this.keyring;
    if (!keyring) return keyId === '-'.repeat(16) ? bytes.subarray(CACHE_HEAD) : null;
    if (keyId !== keyring.dataKey.keyId) return null;
    try {
      return decryptBlock(keyring.dataKey.key, bytes.subarray(CACHE_HEAD), Buffer.from(`attache-cache:${name}`));
    } catch {
      return null;
    }
  }

  /** Calls `listener` after each published change (not after a restore or an unlock, which replace the database whole); returns the unsubscribe. */
  onPublish(listener: (next: Database, base: Database) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * State files beside the database (`attache.<name>.state`: the team sync's mirror): unlike a cache
   * not derived from the records alone, so kept when the caches are dropped; encrypted like them
   * with the data key when the workspace has a passphrase, and rewritten when the protection
   * changes (setPassphrase), so none stays readable. Written durably (temp, fsync, rename).
   */
  writeState(name: string, data: Uint8Array): Promise<void> {
    return this.serialize(async () => {
      this.assertReady();
      await this.writeStateNow(name, data, this.keyring);
    });
  }

  private async writeStateNow(name: string, data: Uint8Array, keyring: Keyring | null): Promise<void> {
    const head = Buffer.from(`${STATE_MAGIC}${keyring ? keyring.dataKey.keyId : '-'.repeat(16)}`, 'latin1');
    const body = keyring ? encryptBlock(keyring.dataKey.key, data, Buffer.from(`attache-state:${name}`)) : data;
    await writeFileDurably(this.statePath(name), [head, body]);
  }

  /** The state as written, or null (none, or written under another key). A file that cannot be opened is never rewritten by reading it. */
  async readState(name: string): Promise<Buffer | null> {
    return this.readStateWith(name, this.keyring);
  }

  private async readStateWith(name: string, keyring: Keyring | null): Promise<Buffer | null> {
    const bytes = await readFile(this.statePath(name)).catch(() => null);
    if (!bytes || bytes.length < STATE_HEAD || bytes.subarray(0, STATE_MAGIC.length).toString('latin1') !== STATE_MAGIC) return null;
    const keyId = bytes.subarray(STATE_MAGIC.length, STATE_HEAD).toString('latin1');
    if (!keyring) return keyId === '-'.repeat(16) ? bytes.subarray(STATE_HEAD) : null;
    if (keyId !== keyring.dataKey.keyId) return null;
    try {
      return decryptBlock(keyring.dataKey.key, bytes.subarray(STATE_HEAD), Buffer.from(`attache-state:${name}`));
    } catch {
      return null;
    }
  }

  removeState(name: string): Promise<void> {
    return this.serialize(async () => {
      await unlink(this.statePath(name)).catch(() => undefined);
    });
  }

  private statePath(name: string): string {
    if (!/^[a-z-]+$/.test(name)) throw new Error(`Bad state name ${name}`);
    return join(this.dataDir, `attache.${name}.state`);
  }

  /** Every state file rewritten under the current protection (read under `from`); one that cannot be read is deleted, never left in the clear. */
  private async convertStates(from: Keyring | null): Promise<void> {
    for (const file of await readdir(this.dataDir).catch(() => [] as string[])) {
      const m = /^attache\.([a-z-]+)\.state$/.exec(file);
      if (!m) continue;
      const data = await this.readStateWith(m[1]!, from);
      if (data) await this.writeStateNow(m[1]!, data, this.keyring);
      else await unlink(join(this.dataDir, file)).catch(() => undefined);
    }
  }

  /** Deletes every cache now; a write prepared before this is refused. */
  dropCaches(): Promise<void> {
    return this.serialize(() => this.dropCachesNow());
  }

  private async dropCachesNow(): Promise<void> {
    this.cacheGeneration++;
    this.prefetched.clear();
    for (const name of await readdir(this.dataDir).catch(() => [] as string[])) {
      if (/^attache\.[a-z-]+\.cache$/.test(name)) await unlink(join(this.dataDir, name)).catch(() => undefined);
    }
  }

  private cachePath(name: string): string {
    if (!/^[a-z-]+$/.test(name)) throw new Error(`Bad cache name ${name}`);
    return join(this.dataDir, `attache.${name}.cache`);
  }

  /** The data key of an open encrypted workspace (for "remember on this device"), else null. */
  dataKey(): Buffer | null {
    if (!this.keyring || this.appLocked || this._state !== 'ready') return null;
    return Buffer.from(this.keyring.dataKey.key);
  }

  private async openWith(keyring: Keyring): Promise<void> {
    this.keyring = keyring;
    this.pendingKeys = [];
    try {
      await this.load();
    } catch (e) {
      this.pendingKeys = [keyring.wrapped];
      this.keyring = null;
      throw e;
    }
  }

  /** The app lock: nothing but unlock works until the passphrase is given again. */
  lock(): Promise<void> {
    return this.serialize(async () => {
      if (this.keyring && this._state === 'ready') this.appLocked = true;
    });
  }

  /**
   * Sets (current null), changes, or removes (next null) the passphrase. A backup comes first; the
   * keys file and the rewritten snapshot are each replaced atomically, and an interrupted change is
   * finished or rolled back at the next open (see load). Backups follow the workspace's protection.
   */
  setPassphrase(current: string | null, next: string | null): Promise<void> {
    return this.serialize(async () => {
      this.assertReady();
      if (this.keyring) {
        if (current === null) throw wrongPassphrase();
        await unwrapKey(this.keyring.wrapped, current);
      }
      await this.compactionWrite?.catch(() => undefined);
      await this.writeBackup('passphrase');
      // Caches were written under the old protection (maybe in the clear): they go first.
      await this.dropCachesNow();
      const previous = this.keyring;
      if (next === null) {
        if (!previous) return;
        // Decrypted snapshot first; the keys file goes only once no file needs it.
        await this.compactNow(null, this.meta.id);
        this.keyring = null;
        await this.convertStates(previous);
        await this.convertBackups(previous);
        await unlink(this.keysPath).catch(() => undefined);
        return;
      }
      const keyring = await this.newKeyring(next, previous?.dataKey);
      await writeFileDurably(this.keysPath, JSON.stringify(keyring.wrapped));
      await this.compactNow(keyring, this.meta.id);
      this.keyring = keyring;
      if (!previous) {
        await this.convertStates(null);
        await this.convertBackups(null);
        await this.encryptSetAside(keyring);
      }
    });
  }

  /** Damaged files and journals moved aside earlier are kept, but no longer readable. */
  private async encryptSetAside(keyring: Keyring): Promise<void> {
    for (const name of await readdir(this.dataDir)) {
      if (!/^attache\.[a-z]+-aside-[0-9TZ-]+$/.test(name)) continue;
      const path = join(this.dataDir, name);
      const block = encryptBlock(keyring.dataKey.key, await readFile(path), Buffer.from(`attache-aside:${name}`));
      await writeFileDurably(`${path}.aenc`, block);
      await unlink(path);
    }
  }

  /**
   * Rewrites every backup under the workspace's current protection: encrypted when a passphrase was
   * set (no plaintext copy stays behind), plain when it was removed. Each is written before the old
   * one is deleted.
   */
  private async convertBackups(from: Keyring | null): Promise<void> {
    const keyFor = (keyId: string) => (from?.dataKey.keyId === keyId ? from.dataKey : this.keyFor(keyId));
    for (const b of await this.backups.list()) {
      if (Boolean(b.encrypted) === (this.keyring !== null)) continue;
      const loaded = await loadSnapshotFile(this.backups.pathOf(b.file), keyFor, this.migrations);
      if (loaded.kind !== 'ok') continue;
      const meta: SnapshotMeta = { id: newSnapshotId(), parent: null, seq: 0 };
      await this.backups.create(snapshotChunks(loaded.db, meta, RULES_VERSION, this.keyring), b.reason, new Date(b.createdAt), this.keyring !== null);
      await this.backups.remove(b.file);
    }
  }
}

export const lockedError = () => new AppError('LOCKED', 'The workspace is locked. Enter the passphrase to continue.', { messageKey: { key: 'errors.appLocked' } });
