/**
 * The team sync engine: the store (the source every screen reads) ⇄ the mirror (PouchDB, ./mirror.ts)
 * ⇄ the CouchDB team database, the last hop by PouchDB's replicator, live and retrying.
 *
 * - Out: after each save the change between the last bridged database and the new one (the
 *   journal's chunk-skipping diff) is written to the mirror — shared kinds only, Confidential
 *   records never, private numbers cut (./documents.ts). A record that turned Confidential is
 *   deleted from the team database; an erasure travels as an erasure document.
 * - In: the mirror's changes feed; each document is parsed as untrusted input, checked for the
 *   records it names, and applied to the store in one update with the sequence reached (so a crash
 *   never applies a change twice or skips one). Documents this copy wrote are not applied again.
 * - Conflicts (one record edited on two copies while apart) are merged field by field against their
 *   common version (./merge.ts); a field changed on both sides stays a conflict, both versions kept
 *   in the team database, until the advisor chooses (team.resolve).
 *
 * Every step that touches the mirror runs in one chain, so steps never interleave; changes that
 * arrive while an in (or out) pass waits in the chain join that pass, so the chain never holds more
 * than one of each. The mirror is written to the encrypted state file after it changed — spaced by
 * the write's own cost, never when it did not change since the last write; at open, the changes since the sequence the store
 * holds are applied and every shared record is compared with the mirror, so whatever a kill -9 cut
 * off is done then.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import type { TeamLink } from '../../../../shared/features/team/link';
import type { ChangeStamp, ConflictDetail, ConflictSummary, HeldDocument, RecordTeamInfo, SyncState } from '../../../../shared/features/team/schema';
import { docIdOf, erasureDocId, localOnlyCollections, parseDocId, TEAM_DOC_VERSION } from '../../../../shared/features/team/schema';
import { collectionSchemas, type CollectionName, type Database, type ErasureEntry } from '../../../../shared/schemas/database';
import type { ServiceContext } from '../../records/context';
import { eraseRecords } from '../../records/erase';
import { list, references, type Table } from '../../records/references';
import { nextTables } from '../../records/trash';
import type { Collection } from '../../../../shared/schemas/collection';
import { diffDatabase } from '../../store/journal';
import { canonical, erasureDoc, incoming, isConfidential, outgoing, parseDocument, recordDoc, sharedCollections, type AnyRecord, type Stamp } from './documents';
import { differingFields, mergeVersions } from './merge';
import { openMirror, openRemote, Pouch, type Db, type Mirror } from './mirror';

export const MIRROR_STATE = 'team-mirror';
/** The mirror's saved copy is rewritten at most this often… */
const PERSIST_EVERY_MS = 10_000;
/** …and never sooner after a write than this many times that write's duration (at 10× one takes seconds). */
const PERSIST_COST_FACTOR = 5;

type Doc = Record<string, unknown> & { _id: string; _rev: string; _deleted?: boolean; _conflicts?: string[]; by?: Stamp; record?: Record<string, unknown> };

interface SavedMirror {
  v: 1;
  url: string;
  database: string;
  device: string;
  entries: Uint8Array;
}

/** The problems a connection can have, as team.problems.* keys. */
export type Problem = 'unreachable' | 'unauthorized' | 'forbidden' | 'noDatabase' | 'notCouch' | 'server';

export function problemOf(err: unknown): { key: Problem; detail: string } {
  const e = err as { status?: number; name?: string; message?: string; reason?: string } | null;
  const detail = String(e?.reason ?? e?.message ?? err).slice(0, 400);
  if (e?.status === 401) return { key: 'unauthorized', detail };
  if (e?.status === 403) return { key: 'forbidden', detail };
  if (e?.status === 404) return { key: 'noDatabase', detail };
  if (!e?.status || /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|network/i.test(detail)) return { key: 'unreachable', detail };
  return { key: 'server', detail };
}

/** What the Conflicts screen and the team stamp call a record. */
export function labelOf(collection: CollectionName, record: Record<string, unknown>): string {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  if (collection === 'contacts') return [s(record.givenName), s(record.familyName)].filter(Boolean).join(' ') || s(record.id);
  const named = s(record.title) || s(record.name) || s(record.role) || s(record.reference) || s(record.text) || s(record.summary);
  return (named || s(record.id)).slice(0, 200);
}

const now = () => new Date().toISOString();

export class TeamSync {
  private link: TeamLink;
  private readonly ctx: ServiceContext;
  private readonly password: string;
  private mirror: Mirror | null = null;
  private remote: Db | null = null;
  private replication: PouchDB.Sync | null = null;
  private feed: PouchDB.ChangesEmitter | null = null;
  private unsubscribe: (() => void) | null = null;
  /** The database version whose records the mirror has (the out side's "before"). */
  private bridged: Database | null = null;
  /** Set by the in side's update, read by the publish listener: that publish was the team's, not a local edit. */
  private applying = false;
  private chain: Promise<unknown> = Promise.resolve();
  private outScheduled = false;
  /** A request of the replication failed since it was last active: a pause then is a retry's, not "in sync". */
  private failedSinceActive = false;
  /** Out passes scheduled or running (each covers the saves published before it starts). */
  private outQueued = 0;
  private inQueue = new Set<string>();
  /**
   * Revisions the out side wrote, by document, until the mirror's feed reports them: a change that
   * is only this copy's own write is not read back (a first upload's feed otherwise ran an in pass
   * every few of its own documents, beside the replication).
   */
  private readonly ownWrites = new Map<string, string>();
  private inScheduled = false;
  private inRunning = false;
  private persistTimer: NodeJS.Timeout | null = null;
  /** A persist waits in the chain: later changes are in its dump. */
  private persistQueued = false;
  /** The mirror's version in the state file (as read at open, or last written); null: the file does not hold this mirror. */
  private savedVersion: unknown = null;
  private lastPersist = 0;
  private lastPersistTook = 0;
  private stopped = false;

  state: SyncState = 'connecting';
  error: { key: string; detail: string } | null = null;
  lastSyncedAt: string | null = null;
  offlineSince: string | null = null;
  progress: { done: number; total: number | null } | null = null;
  readonly pending = new Set<string>();
  readonly conflicted = new Set<string>();
  /** Documents the server refused (its validation, its rights), with its reason: until a newer version is written, sync is not "synced". */
  private readonly refused = new Map<string, string>();
  applied = 0;

  constructor(ctx: ServiceContext, link: TeamLink, password: string) {
    this.ctx = ctx;
    this.link = link;
    this.password = password;
  }

  private get shared(): Set<CollectionName> {
    return sharedCollections(this.link.share);
  }

  private stamp(): Stamp {
    return { user: this.link.user, at: this.ctx.now().toISOString(), device: this.link.device };
  }

  /** Runs `task` after every earlier step of the engine. */
  private run<R>(task: () => Promise<R>): Promise<R> {
    const next = this.chain.then(task, task);
    this.chain = next.catch((e: unknown) => {
      if (!this.stopped) console.error('[attache] team sync step failed:', e);
    });
    return next;
  }

  get db(): Db {
    if (!this.mirror) throw new Error('The team mirror is not open.');
    return this.mirror.db;
  }

  // ---------------------------------------------------------------------------------------------
  // Start and stop

  async start(): Promise<void> {
    const { store } = this.ctx;
    const saved = await this.readSaved();
    const { mirror, restored } = openMirror(saved);
    this.mirror = mirror;
    this.savedVersion = restored ? mirror.version() : null;
    this.remote = openRemote(this.link.url, this.link.database, this.link.user, this.password);
    if (!restored && this.link.appliedSeq !== 0) await this.saveLink({ appliedSeq: 0 });
    const info = await mirror.db.info();
    const seqNow = Number(info.update_seq) || 0;
    // A mirror saved before the last changes were applied: its sequence restarts below what the store holds.
    const since = Math.min(this.link.appliedSeq, seqNow);
    this.bridged = store.db;
    this.unsubscribe = store.onPublish((next, base) => this.published(next, base));
    await this.run(async () => {
      // Rejoin first: the catch-up below would otherwise apply the team's version of a re-shared
      // record over the change made here while it was not shared. It keeps the stored sequence, so a
      // crash before the catch-up leaves that to be done at the next start.
      if (this.link.rejoin.length) await this.rejoin(new Set(this.link.rejoin as CollectionName[]), this.link.appliedSeq);
      await this.applyFromMirror(await this.changedSince(since), seqNow);
      await this.reconcile();
      await this.scanConflicts();
    });
    if (this.stopped) return;
    this.feed = mirror.db
      .changes({ live: true, since: seqNow, include_docs: false, style: 'all_docs' })
      .on('change', (change) => {
        // Every leaf is listed (all_docs): one that is not this write alone — a conflict, a colleague's version — is read.
        const own = this.ownWrites.get(change.id);
        this.ownWrites.delete(change.id);
        if (own !== undefined && change.changes.length === 1 && change.changes[0]!.rev === own) return;
        this.inQueue.add(change.id);
        this.scheduleIn();
      })
      .on('error', (e) => console.error('[attache] the team mirror feed failed:', e));
    this.replicate();
    this.schedulePersist();
  }

  /** Stops replication and the feeds; the mirror is saved once more if it changed since its last save. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.replication?.cancel();
    this.feed?.cancel();
    this.unsubscribe?.();
    if (this.persistTimer) clearTimeout(this.persistTimer);
    await this.chain.catch(() => undefined);
    if (this.ctx.store.state === 'ready') await this.persist().catch(() => undefined);
    await this.mirror?.close().catch(() => undefined);
    await this.remote?.close().catch(() => undefined);
  }

  /** "Sync now": the replication restarted at once (its back-off forgotten). */
  syncNow(): void {
    if (this.stopped) return;
    this.replication?.cancel();
    this.replicate();
  }

  private replicate(): void {
    if (!this.mirror || !this.remote) return;
    this.state = this.lastSyncedAt ? 'syncing' : 'connecting';
    void this.remote
      .info()
      .then((info) => {
        if (!this.lastSyncedAt && this.progress === null) this.progress = { done: 0, total: Number((info as { doc_count?: number }).doc_count ?? 0) + this.pending.size };
      })
      .catch(() => undefined);
    const replication = Pouch.sync(this.mirror.db, this.remote, {
      live: true,
      retry: true,
      batch_size: 250,
      back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 60_000)),
    });
    this.replication = replication;
    this.failedSinceActive = false;
    const written = { push: 0, pull: 0 };
    // A failed request (the network gone, the server down) is told on each direction, not on the sync.
    const offline = () => {
      if (replication !== this.replication) return;
      this.failedSinceActive = true;
      this.state = 'offline';
      this.offlineSince ??= now();
    };
    replication.push.on('requestError', offline);
    replication.pull.on('requestError', offline);
    replication
      .on('change', (info) => {
        if (replication !== this.replication) return;
        const change = info.change;
        if (info.direction === 'push') for (const doc of change.docs) this.pending.delete(doc._id);
        this.failedSinceActive = false;
        // docs_written counts from the start of this replication, per direction.
        written[info.direction] = change.docs_written;
        this.progress = { done: written.push + written.pull, total: this.progress?.total ?? null };
        this.state = 'syncing';
      })
      .on('active', () => {
        if (replication !== this.replication) return;
        this.failedSinceActive = false;
        this.state = 'syncing';
      })
      .on('paused', () => {
        // PouchDB's sync reports "paused" without the error that paused it: the server is asked.
        if (replication !== this.replication) return;
        // A round ended: its checkpoints (and documents that changed nothing here) are in the mirror.
        this.schedulePersist();
        void this.checkOnline(replication);
      })
      .on('denied', (err) => {
        if (replication !== this.replication) return;
        // The sync's event wraps the write failure: { direction, doc: { id, reason } }.
        const failure = (err as { doc?: { id?: string; reason?: string; message?: string } } | null)?.doc;
        const detail = String(failure?.reason ?? failure?.message ?? 'refused').slice(0, 400);
        if (failure?.id) this.refused.set(failure.id, detail);
        this.error = { key: 'team.problems.server', detail };
      })
      .on('error', (err) => {
        if (replication !== this.replication) return;
        this.report(problemOf(err));
      });
  }

  /** After the replication paused: synced if the server answers, else offline (or the error it gives). */
  private async checkOnline(replication: PouchDB.Sync): Promise<void> {
    const info = (await this.remote!.info().catch((e: unknown) => ({ error: 'unreachable', reason: String(e) }))) as { error?: string; reason?: string };
    if (replication !== this.replication || this.stopped) return;
    if (!info.error && this.failedSinceActive) {
      // Paused by a failed request (a timeout, a dropped connection) while the server still answers:
      // the replicator retries; nothing is "synced" until a round completes without failing.
      this.state = 'syncing';
      this.offlineSince = null;
      return;
    }
    if (!info.error) {
      this.offlineSince = null;
      // A pause is not proof that everything went out (PouchDB pauses between rounds): what is still
      // pending is compared with the server, and only what it holds at the mirror's revision is done.
      if (!(await this.settlePending(replication))) {
        if (replication === this.replication && !this.stopped) this.state = 'syncing';
        return;
      }
      if (replication !== this.replication || this.stopped) return;
      this.lastSyncedAt = now();
      this.progress = null;
      const [refused] = this.refused.values();
      if (refused === undefined) {
        this.state = 'synced';
        this.error = null;
        return;
      }
      // Idle, but not everything is on the server: what it refused stays pending and is told.
      for (const id of this.refused.keys()) this.pending.add(id);
      this.state = 'error';
      this.error = { key: 'team.problems.server', detail: `${this.refused.size} change(s) refused: ${refused}`.slice(0, 400) };
      return;
    }
    this.report(problemOf({ status: info.error === 'unauthorized' ? 401 : info.error === 'forbidden' ? 403 : info.error === 'not_found' ? 404 : undefined, reason: info.reason }));
  }

  /** Drops from `pending` what the server holds at the mirror's winning revision; true when nothing else is pending (refused ones aside). */
  private async settlePending(replication: PouchDB.Sync): Promise<boolean> {
    const ids = [...this.pending].filter((id) => !this.refused.has(id));
    for (let i = 0; i < ids.length; i += 500) {
      const keys = ids.slice(i, i + 500);
      const [here, there] = await Promise.all([this.db.allDocs({ keys }), this.remote!.allDocs({ keys })]).catch(() => [null, null] as const);
      if (!here || !there || replication !== this.replication) return false;
      const remote = new Map(there.rows.filter((r) => r.value).map((r) => [r.key, r.value!.rev]));
      for (const row of here.rows) if (row.value && remote.get(row.key) === row.value.rev) this.pending.delete(row.key);
    }
    return [...this.pending].every((id) => this.refused.has(id));
  }

  /** A problem with the server: unreachable is "offline" (retried); anything else is an error to show. */
  private report(p: { key: Problem; detail: string }): void {
    if (p.key === 'unreachable') {
      this.state = 'offline';
      this.offlineSince ??= now();
    } else {
      this.state = 'error';
      this.error = { key: `team.problems.${p.key}`, detail: p.detail };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Out: the store's saves into the mirror

  private published(next: Database, base: Database): void {
    if (this.applying) {
      this.applying = false;
      if (base === this.bridged) {
        this.bridged = next;
        return;
      }
    }
    this.scheduleOut();
  }

  private scheduleOut(): void {
    if (this.outScheduled || this.stopped) return;
    this.outScheduled = true;
    this.outQueued++;
    const done = () => void this.outQueued--;
    setImmediate(() => {
      this.run(() => {
        // Saves published until the pass starts are in it: only one waits in the chain.
        this.outScheduled = false;
        return this.bridgeOut();
      }).then(done, done);
    });
  }

  /** A local save not yet written to the mirror: the status is not "synced" meanwhile. */
  get saving(): boolean {
    return this.outQueued > 0;
  }

  /** Documents in the mirror not yet applied to the store (a download's tail): not "synced" either. */
  get receiving(): boolean {
    return this.inScheduled || this.inRunning || this.inQueue.size > 0;
  }

  /** The records changed since the last bridged version, written to the mirror. */
  private async bridgeOut(): Promise<void> {
    if (this.stopped || this.ctx.store.state !== 'ready') return;
    const before = this.bridged;
    const db = this.ctx.store.db;
    if (!before || before === db) return;
    this.bridged = db;
    const shared = this.shared;
    const pick = (d: Database) => Object.fromEntries([...shared].map((k) => [k, (d as unknown as Record<string, unknown>)[k]]));
    const change = diffDatabase(pick(before), pick(db)) ?? {};
    const puts: Array<{ collection: CollectionName; record: AnyRecord }> = [];
    const dels: Array<{ collection: CollectionName; id: string }> = [];
    for (const [name, c] of Object.entries(change.c ?? {})) {
      const collection = name as CollectionName;
      for (const record of c.put ?? []) puts.push({ collection, record: record as AnyRecord });
      for (const id of c.del ?? []) dels.push({ collection, id });
    }
    const erased = before.erasures !== db.erasures ? db.erasures.filter((e) => !before.erasures.some((b) => b.id === e.id && b.collection === e.collection)) : [];
    await this.writeOut(puts, dels, erased);
    if (erased.length) {
      // What was erased must not stay in the mirror's old revisions, nor in its saved copy.
      await this.db.compact();
      await this.persist();
    }
  }

  /** Writes records (or their deletion) to the mirror where they differ from what it holds. */
  private async writeOut(puts: ReadonlyArray<{ collection: CollectionName; record: AnyRecord }>, dels: ReadonlyArray<{ collection: CollectionName; id: string }>, erased: readonly ErasureEntry[] = []): Promise<void> {
    const ids = [...puts.map((p) => docIdOf(p.collection, p.record.id)), ...dels.map((d) => docIdOf(d.collection, d.id)), ...erased.map((e) => erasureDocId(e.collection, e.id))];
    if (!ids.length) return;
    const existing = await this.current(ids);
    const by = this.stamp();
    // An erasure goes first: a copy receiving the record's deletion has its erasure by then.
    const docs: Array<Record<string, unknown>> = erased.filter((e) => !existing.get(erasureDocId(e.collection, e.id))).map((e) => erasureDoc(e, by));
    const tombstone = (collection: CollectionName, doc: Doc) => ({ _id: doc._id, _rev: doc._rev, _deleted: true, type: collection, v: TEAM_DOC_VERSION, by });
    for (const { collection, record } of puts) {
      const have = existing.get(docIdOf(collection, record.id));
      if (isConfidential(record)) {
        if (have && !have._deleted) docs.push(tombstone(collection, have));
        continue;
      }
      const body = outgoing(collection, record);
      if (have && !have._deleted && have.record && canonical(have.record) === canonical(body)) continue;
      const doc = recordDoc(collection, body, by);
      docs.push(have && !have._deleted ? { ...doc, _rev: have._rev } : have ? { ...doc, _rev: have._rev } : doc);
    }
    for (const { collection, id } of dels) {
      const have = existing.get(docIdOf(collection, id));
      if (have && !have._deleted) docs.push(tombstone(collection, have));
    }
    if (!docs.length) return;
    const results = await this.db.bulkDocs(docs as never);
    results.forEach((r, i) => {
      if ('error' in r && r.error) console.error('[attache] team mirror refused', docs[i]?._id, r);
      else {
        if (this.state === 'synced') this.state = 'syncing'; // until the replicator has pushed it and paused
        this.pending.add(String(docs[i]!._id));
        this.refused.delete(String(docs[i]!._id)); // a newer version: the server is asked again
        if (r.rev) this.ownWrites.set(String(docs[i]!._id), r.rev);
      }
    });
    this.schedulePersist();
  }

  /**
   * The mirror's current (winning) documents by id; deleted ones included (read whole with
   * `bodies`: allDocs gives only their id and revision, and a deletion is parsed like any
   * document), missing ones absent.
   */
  private async current(ids: readonly string[], bodies = false): Promise<Map<string, Doc>> {
    const out = new Map<string, Doc>();
    for (let i = 0; i < ids.length; i += 500) {
      const res = await this.db.allDocs({ keys: ids.slice(i, i + 500), include_docs: true, conflicts: true });
      const deleted: Array<{ id: string; rev: string }> = [];
      for (const row of res.rows as Array<{ id?: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: Doc | null; error?: string }>) {
        if (row.error || !row.value) continue;
        if (row.value.deleted) {
          out.set(row.key, { _id: row.key, _rev: row.value.rev, _deleted: true });
          if (bodies) deleted.push({ id: row.key, rev: row.value.rev });
        } else if (row.doc) out.set(row.key, row.doc);
      }
      const tombstones = await Promise.all(deleted.map(({ id, rev }) => (this.db.get(id, { rev }) as Promise<Doc>).catch(() => null)));
      for (const doc of tombstones) if (doc) out.set(doc._id, doc);
    }
    return out;
  }

  /**
   * Kinds shared again after a pause: a record changed here meanwhile is written to the mirror as a
   * sibling of the team's current version (a child of that version's parent), so the two meet as a
   * conflict and are merged field by field against that parent, or shown to the advisor; records
   * only the team has are applied. Nothing is replaced silently either way. (The parent is the
   * version this copy last had when the team's newest change is already in the mirror, as it is for
   * a copy that stayed online; otherwise the versions share no parent and every differing field is
   * left to the advisor.)
   */
  private async rejoin(collections: ReadonlySet<CollectionName>, seq: number): Promise<void> {
    const store = this.ctx.store;
    const ids = (await this.db.allDocs()).rows.map((r) => r.id).filter((id) => {
      const ref = parseDocId(id);
      return ref !== null && collections.has(ref.collection);
    });
    const docs = await this.current(ids, true);
    const by = this.stamp();
    const branches: Array<Record<string, unknown>> = [];
    for (const id of ids) {
      const doc = docs.get(id);
      const ref = parseDocId(id)!;
      const index = store.locate(ref.collection, ref.id);
      if (!doc || doc._deleted || !doc.record || index < 0) continue;
      const local = (store.db[ref.collection] as unknown as Collection<AnyRecord>).at(index)!;
      const body = outgoing(ref.collection, local);
      if (isConfidential(local) || canonical(doc.record) === canonical(body)) continue;
      const path = ((await this.db.get(id, { revs: true })) as { _revisions?: { start: number; ids: string[] } })._revisions;
      if (!path) continue;
      const branch = recordDoc(ref.collection, body, by);
      const hash = createHash('md5').update(canonical(branch)).digest('hex');
      branches.push({ ...branch, _rev: `${path.start}-${hash}`, _revisions: { start: path.start, ids: [hash, ...path.ids.slice(1)] } });
      this.pending.add(id);
    }
    if (branches.length) await this.db.bulkDocs(branches, { new_edits: false });
    await this.applyFromMirror(ids, seq);
    await this.saveLink({ rejoin: [] });
  }

  /** At open: every shared record compared with the mirror (what a crash cut off goes out now), and records gone here deleted there. */
  private async reconcile(): Promise<void> {
    const db = this.ctx.store.db;
    this.bridged = db;
    const shared = this.shared;
    const puts: Array<{ collection: CollectionName; record: AnyRecord }> = [];
    const present = new Set<string>();
    for (const collection of shared) {
      for (const record of (db[collection] as unknown as Collection<AnyRecord>)) {
        puts.push({ collection, record });
        present.add(docIdOf(collection, record.id));
      }
    }
    const dels: Array<{ collection: CollectionName; id: string }> = [];
    const heldIds = new Set(this.link.held.map((h) => h.docId));
    const all = await this.db.allDocs();
    for (const row of all.rows) {
      const ref = parseDocId(row.id);
      if (!ref || !shared.has(ref.collection) || present.has(row.id) || heldIds.has(row.id)) continue;
      dels.push(ref);
    }
    const erased = db.erasures.filter((e) => shared.has(e.collection));
    for (let i = 0; i < puts.length; i += 2000) await this.writeOut(puts.slice(i, i + 2000), []);
    await this.writeOut([], dels, erased);
  }

  // ---------------------------------------------------------------------------------------------
  // In: the team's documents into the store

  private scheduleIn(): void {
    if (this.inScheduled || this.stopped) return;
    this.inScheduled = true;
    setImmediate(() => {
      void this.run(async () => {
        // Changes that came while the pass waited in the chain are in it: one pass per free turn
        // of the chain, not one per document (a first download queued one per document, each
        // retrying every held document, and a stop waited for all of them).
        this.inScheduled = false;
        if (this.stopped) return;
        const ids = [...this.inQueue];
        this.inQueue.clear();
        this.inRunning = true;
        try {
          const info = await this.db.info();
          await this.applyFromMirror(ids, Number(info.update_seq) || 0);
        } finally {
          this.inRunning = false;
        }
      });
    });
  }

  private async changedSince(since: number): Promise<string[]> {
    const res = await this.db.changes({ since, include_docs: false });
    return res.results.map((r) => r.id);
  }

  /**
   * Applies the mirror's current version of `ids` (and the documents held aside, again) to the
   * store, in one update that also records `seq`. Local saves not yet in the mirror go out first;
   * a save that slips in between makes the update wait for another round.
   */
  private async applyFromMirror(ids: readonly string[], seq: number, attempt = 0): Promise<void> {
    if (this.stopped || this.ctx.store.state !== 'ready') return;
    await this.bridgeOut();
    const retry = this.link.held.map((h) => h.docId);
    const docIds = [...new Set([...ids, ...retry])];
    const docs = await this.current(docIds, true);
    const shared = this.shared;
    const store = this.ctx.store;
    const held = new Map<string, { docId: string; reason: TeamLink['held'][number]['reason']; detail: string }>();
    const puts = new Map<CollectionName, Map<string, AnyRecord>>();
    const removes = new Map<CollectionName, Set<string>>();
    const erasures: ErasureEntry[] = [];
    const reErased: Array<{ collection: CollectionName; id: string }> = [];

    for (const docId of docIds) {
      let doc = docs.get(docId);
      if (!doc) continue;
      let mergedHere = false;
      if (doc._conflicts?.length) {
        const merged = await this.autoMerge(docId);
        // Merged (this copy's own version, but news to its store), or the winner — the same on
        // every copy — shown until the advisor decides.
        if (merged) {
          doc = merged;
          mergedHere = true;
        }
      } else this.conflicted.delete(docId);
      const mine = doc.by?.device === this.link.device && !mergedHere && !retry.includes(docId);
      const parsed = parseDocument(doc);
      if (parsed.kind === 'design') continue;
      if (parsed.kind === 'held') {
        held.set(docId, { docId, reason: parsed.reason, detail: parsed.detail });
        continue;
      }
      if (parsed.kind === 'erasure') {
        if (!store.db.erasures.some((e) => e.id === parsed.entry.id && e.collection === parsed.entry.collection)) erasures.push(parsed.entry);
        continue;
      }
      if (mine || !shared.has(parsed.collection)) continue;
      if (parsed.kind === 'record' && store.db.erasures.some((e) => e.id === parsed.id && e.collection === parsed.collection)) {
        // Erased here: a colleague's edit made before the erasure reached them does not bring the record back.
        reErased.push({ collection: parsed.collection, id: parsed.id });
        continue;
      }
      const index = store.locate(parsed.collection, parsed.id);
      const local = index >= 0 ? ((store.db[parsed.collection] as unknown as Collection<AnyRecord>).at(index) as AnyRecord) : undefined;
      if (local && isConfidential(local)) continue; // kept on this machine: the team's copy does not touch it
      if (parsed.kind === 'deleted') {
        // A deletion that came with its erasure is left to the erasure (it also takes trash copies and references).
        if (local && !docs.has(erasureDocId(parsed.collection, parsed.id))) (removes.get(parsed.collection) ?? removes.set(parsed.collection, new Set()).get(parsed.collection)!).add(parsed.id);
        continue;
      }
      if (local && canonical(outgoing(parsed.collection, local)) === canonical(outgoing(parsed.collection, parsed.record))) continue;
      const record = incoming(parsed.collection, parsed.record, local) as AnyRecord;
      (puts.get(parsed.collection) ?? puts.set(parsed.collection, new Map()).get(parsed.collection)!).set(record.id, record);
    }

    if (reErased.length) {
      await this.writeOut([], reErased);
      await this.db.compact();
    }

    // A colleague's delete of a record a record here still names (one made here while apart, or of
    // a kind not shared) waits too: no reference is left pointing at nothing.
    for (const [docId, namedBy] of this.keepNamed(puts, removes)) held.set(docId, { docId, reason: 'missingReference', detail: `named by ${namedBy}` });

    // A record naming one that is not here (not arrived yet, or kept from the team) waits.
    let changed = true;
    while (changed) {
      changed = false;
      for (const [collection, recs] of puts) {
        for (const record of recs.values()) {
          const missing = this.missingReference(collection, record, puts, removes);
          if (!missing) continue;
          recs.delete(record.id);
          held.set(docIdOf(collection, record.id), { docId: docIdOf(collection, record.id), reason: 'missingReference', detail: missing });
          changed = true;
        }
      }
    }

    const heldList = [...held.values()].slice(0, 10_000);
    const nothing = ![...puts.values()].some((m) => m.size) && ![...removes.values()].some((s) => s.size);
    const heldSame = canonical(heldList) === canonical(this.link.held);
    if (nothing && heldSame && seq === this.link.appliedSeq) {
      if (erasures.length) await this.eraseFromTeam(erasures);
      return;
    }
    const bridged = this.bridged;
    let raced = false;
    await store.update((draft) => {
      if (store.db !== bridged) {
        raced = true; // a local save since the out pass: it goes out first, then this is tried again
        return;
      }
      const removedIds = new Map<Table, Set<string>>(removes);
      const edited = new Map<Table, Map<string, AnyRecord>>();
      const added = new Map<Table, AnyRecord[]>();
      for (const [collection, recs] of puts) {
        for (const record of recs.values()) {
          const target = store.locate(collection, record.id) >= 0 ? edited : added;
          if (target === edited) (edited.get(collection) ?? edited.set(collection, new Map()).get(collection)!).set(record.id, record);
          else (added.get(collection) ?? added.set(collection, []).get(collection)!).push(record);
        }
      }
      for (const [name, rows] of nextTables(store.db, removedIds, edited, added)) (draft as unknown as Record<string, unknown>)[name] = rows;
      this.link = { ...this.link, appliedSeq: seq, held: heldList };
      draft.settings = { ...store.db.settings, team: this.link };
      this.applying = true;
    });
    if (raced) {
      if (attempt < 5) return this.applyFromMirror(ids, seq, attempt + 1);
      for (const id of ids) this.inQueue.add(id);
      this.scheduleIn();
      return;
    }
    if (!nothing) this.applied++;
    if (erasures.length) await this.eraseFromTeam(erasures);
    this.schedulePersist();
  }

  private missingReference(collection: CollectionName, record: AnyRecord, puts: Map<CollectionName, Map<string, AnyRecord>>, removes: Map<CollectionName, Set<string>>): string | null {
    const store = this.ctx.store;
    for (const ref of references) {
      if (ref.from !== collection || ref.nested) continue;
      const value = record[ref.field];
      const ids = ref.many ? (Array.isArray(value) ? (value as string[]) : []) : typeof value === 'string' ? [value] : [];
      for (const id of ids) {
        const here = (store.locate(ref.to, id) >= 0 && !removes.get(ref.to)?.has(id)) || puts.get(ref.to)?.has(id);
        if (!here) return `${ref.field} → ${ref.to}:${id}`;
      }
    }
    return null;
  }

  /**
   * Takes out of `removes` every record that a record staying here (as `puts` leaves it) names, and
   * returns them (document id → the record naming it). A reminder or a note's saved version does
   * not hold a delete back: they go with their record.
   */
  private keepNamed(puts: Map<CollectionName, Map<string, AnyRecord>>, removes: Map<CollectionName, Set<string>>): Map<string, string> {
    const kept = new Map<string, string>();
    let changed = true;
    while (changed) {
      changed = false;
      for (const ref of references) {
        const gone = removes.get(ref.to);
        if (!gone?.size || ref.nested || ref.from === 'noteRevisions' || localOnlyCollections.includes(ref.from)) continue;
        const from = ref.from as CollectionName;
        for (const here of list(this.ctx.store.db, from)) {
          if (removes.get(from)?.has(here.id)) continue;
          const value = (puts.get(from)?.get(here.id) ?? here)[ref.field];
          for (const id of ref.many ? (Array.isArray(value) ? (value as string[]) : []) : typeof value === 'string' ? [value] : []) {
            if (!gone.delete(id)) continue;
            kept.set(docIdOf(ref.to, id), `${from}:${here.id}`);
            changed = true;
          }
        }
      }
    }
    return kept;
  }

  private async eraseFromTeam(entries: readonly ErasureEntry[]): Promise<void> {
    await eraseRecords(this.ctx, entries);
    // The erased records are deleted in the mirror here as well, whether or not the eraser's own
    // deletion has arrived with its erasure (the replicator may bring them in two batches): the
    // compaction then drops their bodies before the mirror is saved.
    await this.writeOut([], entries.map((e) => ({ collection: e.collection, id: e.id })));
    await this.db.compact();
    await this.persist();
    this.applied++;
  }

  // ---------------------------------------------------------------------------------------------
  // Conflicts

  /** The version both sides started from, if the mirror still has it. */
  private async ancestor(docId: string, a: Doc, b: Doc): Promise<Record<string, unknown> | null> {
    const path = (d: Doc) => {
      const revs = (d as { _revisions?: { start: number; ids: string[] } })._revisions;
      return revs ? revs.ids.map((id, i) => `${revs.start - i}-${id}`) : [];
    };
    const theirs = new Set(path(b));
    const common = path(a).find((rev) => theirs.has(rev));
    if (!common) return null;
    const doc = (await this.db.get(docId, { rev: common }).catch(() => null)) as Doc | null;
    return doc?.record ?? null;
  }

  /** Versions of one conflicted document, the winner first. */
  private async versions(docId: string): Promise<Doc[]> {
    const winner = (await this.db.get(docId, { conflicts: true, revs: true })) as Doc;
    const losers = await Promise.all((winner._conflicts ?? []).map((rev) => this.db.get(docId, { rev, revs: true }) as Promise<Doc>));
    return [winner, ...losers];
  }

  /**
   * Merges a conflicted document where no field was changed on both sides (or one side deleted it
   * and the other edited it: the edit is kept). Returns the merged document, or null when a field
   * conflict remains (then the document is listed as a conflict).
   */
  private async autoMerge(docId: string): Promise<Doc | null> {
    let versions: Doc[];
    try {
      versions = await this.versions(docId);
    } catch {
      return null;
    }
    const [winner, ...losers] = versions as [Doc, ...Doc[]];
    const live = versions.filter((v) => !v._deleted && v.record);
    if (!live.length) return null;
    let merged: Record<string, unknown> = live[0]!.record!;
    for (const other of live.slice(1)) {
      const base = await this.ancestor(docId, live[0]!, other);
      const m = mergeVersions(base, merged, other.record!);
      if (m.conflicts.length) {
        this.conflicted.add(docId);
        return null;
      }
      merged = m.merged;
    }
    const parsed = parseDocument({ ...winner, _deleted: false, record: merged });
    if (parsed.kind !== 'record') {
      this.conflicted.add(docId);
      return null;
    }
    await this.closeConflict(docId, winner, losers, merged);
    this.conflicted.delete(docId);
    return (await this.db.get(docId, { conflicts: true })) as Doc;
  }

  /** Writes `merged` as the next version of the winner and deletes every other branch. */
  private async closeConflict(docId: string, winner: Doc, losers: readonly Doc[], merged: Record<string, unknown>): Promise<void> {
    const ref = parseDocId(docId)!;
    const unchanged = !winner._deleted && winner.record && canonical(winner.record) === canonical(merged);
    const by = this.stamp();
    const docs: Array<Record<string, unknown>> = [];
    if (!unchanged) docs.push({ ...recordDoc(ref.collection, merged, by), _rev: winner._rev });
    for (const loser of losers) docs.push({ _id: docId, _rev: loser._rev, _deleted: true, type: ref.collection, v: TEAM_DOC_VERSION, by });
    await this.db.bulkDocs(docs as never);
    this.pending.add(docId);
    this.schedulePersist();
  }

  private async scanConflicts(): Promise<void> {
    this.conflicted.clear();
    const all = await this.db.allDocs({ include_docs: true, conflicts: true });
    for (const row of all.rows) if ((row.doc as Doc | undefined)?._conflicts?.length) this.conflicted.add(row.id);
  }

  async conflicts(): Promise<ConflictSummary[]> {
    return this.run(async () => {
      const out: ConflictSummary[] = [];
      for (const docId of this.conflicted) {
        const detail = await this.conflictOf(docId).catch(() => null);
        if (detail) out.push(detail);
      }
      return out;
    });
  }

  private async conflictOf(docId: string): Promise<ConflictDetail | null> {
    const ref = parseDocId(docId);
    if (!ref) return null;
    const versions = (await this.versions(docId)).filter((v) => v.record);
    if (versions.length < 2) return null;
    const records = versions.map((v) => v.record!);
    const fields = differingFields(records);
    return {
      collection: ref.collection,
      id: ref.id,
      label: labelOf(ref.collection, records[0]!),
      fields,
      versions: versions.map((v) => ({ rev: v._rev, user: v.by?.user ?? '', at: v.by?.at ?? now() })),
      values: Object.fromEntries(fields.map((f) => [f, records.map((r) => r[f] ?? null)])),
    };
  }

  async conflict(collection: CollectionName, id: string): Promise<ConflictDetail> {
    return this.run(async () => {
      const detail = await this.conflictOf(docIdOf(collection, id)).catch(() => null);
      if (!detail) throw new AppError('NOT_FOUND', `No conflict on ${collection} ${id}.`, { messageKey: { key: 'errors.notFound' } });
      return detail;
    });
  }

  /** Keeps, per differing field, the chosen version's value; closes the other versions. */
  async resolve(collection: CollectionName, id: string, revs: readonly string[], choices: Readonly<Record<string, number>>): Promise<void> {
    return this.run(async () => {
      const docId = docIdOf(collection, id);
      const versions = (await this.versions(docId)).filter((v) => v.record);
      const have = versions.map((v) => v._rev).sort();
      if (canonical(have) !== canonical([...revs].sort())) {
        throw new AppError('CONFLICT', 'The versions changed meanwhile.', { messageKey: { key: 'errors.conflict' } });
      }
      const ordered = revs.map((rev) => versions.find((v) => v._rev === rev)!);
      const records = ordered.map((v) => v.record!);
      const merged: Record<string, unknown> = { ...records[0]! };
      for (const field of differingFields(records)) {
        const choice = choices[field] ?? 0;
        const from = records[choice] ?? records[0]!;
        if (field in from) merged[field] = from[field];
        else delete merged[field];
      }
      merged.updatedAt = this.ctx.now().toISOString();
      const parsed = collectionSchemas[collection].safeParse({ ...merged, revision: 1 });
      if (!parsed.success) throw new AppError('VALIDATION', 'The chosen values do not make a valid record.', { messageKey: { key: 'errors.validation' } });
      const winner = (await this.db.get(docId, { conflicts: true })) as Doc;
      const losers = (winner._conflicts ?? []).map((rev) => ({ _id: docId, _rev: rev }) as Doc);
      await this.closeConflict(docId, winner, losers, merged);
      this.conflicted.delete(docId);
      // The merged version is this copy's own: applied here directly (the feed skips own documents).
      await this.applyResolved(collection, merged);
    });
  }

  private async applyResolved(collection: CollectionName, merged: Record<string, unknown>): Promise<void> {
    const store = this.ctx.store;
    await this.bridgeOut();
    await store.update((draft) => {
      const index = store.locate(collection, merged.id as string);
      const local = index >= 0 ? ((store.db[collection] as unknown as Collection<AnyRecord>).at(index) as AnyRecord) : undefined;
      const record = incoming(collection, merged, local) as AnyRecord;
      const edited = new Map<Table, Map<string, AnyRecord>>();
      const added = new Map<Table, AnyRecord[]>();
      if (local) edited.set(collection, new Map([[record.id, record]]));
      else added.set(collection, [record]);
      for (const [name, rows] of nextTables(store.db, new Map(), edited, added)) (draft as unknown as Record<string, unknown>)[name] = rows;
      if (store.db === this.bridged) this.applying = true;
    });
    this.applied++;
  }

  // ---------------------------------------------------------------------------------------------
  // Who changed what

  async recordInfo(collection: CollectionName, id: string): Promise<RecordTeamInfo> {
    const docId = docIdOf(collection, id);
    const store = this.ctx.store;
    const index = store.locate(collection, id);
    const local = index >= 0 ? ((store.db[collection] as unknown as Collection<AnyRecord>).at(index) as AnyRecord) : undefined;
    const localOnly = !this.shared.has(collection) || (local ? isConfidential(local) : false);
    const mine = (await this.db.get(docId, { conflicts: true }).catch(() => null)) as Doc | null;
    const last: ChangeStamp | null = mine?.by ? { user: mine.by.user, at: mine.by.at } : null;
    const history = await this.history(docId).catch(() => [] as RecordTeamInfo['history']);
    return { last: localOnly ? null : last, localOnly, conflict: this.conflicted.has(docId), history: localOnly ? [] : history };
  }

  /** The team's versions of a document, latest first, as far as the server (or, offline, the mirror) still has their bodies. */
  private async history(docId: string): Promise<RecordTeamInfo['history']> {
    const source = this.state === 'offline' || !this.remote ? this.db : this.remote;
    const doc = (await source.get(docId, { revs_info: true })) as Doc & { _revs_info?: Array<{ rev: string; status: string }> };
    const out: RecordTeamInfo['history'] = [];
    for (const info of (doc._revs_info ?? []).slice(0, 20)) {
      if (info.status !== 'available') continue;
      const version = (await source.get(docId, { rev: info.rev }).catch(() => null)) as Doc | null;
      if (!version?.by) continue;
      out.push({ rev: info.rev, user: version.by.user, at: version.by.at, deleted: Boolean(version._deleted) });
    }
    return out;
  }

  heldDocuments(): HeldDocument[] {
    return this.link.held.map((h) => ({ docId: h.docId, reason: h.reason, detail: h.detail }));
  }

  // ---------------------------------------------------------------------------------------------
  // The mirror's saved copy

  /**
   * A write of the mirror's saved copy, once the mirror may have changed: after the last one by at
   * least PERSIST_EVERY_MS and PERSIST_COST_FACTOR times its duration, one at a time (never a second
   * queued behind the first), and none when nothing changed meanwhile.
   */
  private schedulePersist(): void {
    if (this.stopped || this.persistTimer || this.persistQueued) return;
    const gap = Math.max(PERSIST_EVERY_MS, PERSIST_COST_FACTOR * this.lastPersistTook);
    const wait = Math.max(1500, gap - (Date.now() - this.lastPersist));
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.persistQueued = true;
      void this.run(async () => {
        this.persistQueued = false;
        if (!this.stopped) await this.persist();
      }).catch(() => undefined);
    }, wait);
    this.persistTimer.unref();
  }

  /** Writes the mirror to its state file, unless the file already holds it as it is. */
  async persist(): Promise<void> {
    if (!this.mirror || this.ctx.store.state !== 'ready') return;
    const version = this.mirror.version();
    if (version === this.savedVersion) return;
    const t0 = Date.now();
    const head = Buffer.from(JSON.stringify({ v: 1, url: this.link.url, database: this.link.database, device: this.link.device }) + '\n', 'utf8');
    await this.ctx.store.writeState(MIRROR_STATE, await this.mirror.dump(head));
    this.savedVersion = version;
    this.lastPersist = Date.now();
    this.lastPersistTook = this.lastPersist - t0;
  }

  private async readSaved(): Promise<Uint8Array | null> {
    const bytes = await this.ctx.store.readState(MIRROR_STATE);
    if (!bytes) return null;
    const nl = bytes.indexOf(10);
    if (nl < 0) return null;
    try {
      const head = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as Partial<SavedMirror>;
      if (head.v !== 1 || head.url !== this.link.url || head.database !== this.link.database || head.device !== this.link.device) return null;
    } catch {
      return null;
    }
    return bytes.subarray(nl + 1);
  }

  private async saveLink(changes: Partial<TeamLink>): Promise<void> {
    const store = this.ctx.store;
    await store.update((draft) => {
      this.link = { ...this.link, ...changes };
      draft.settings = { ...store.db.settings, team: this.link };
    });
  }

  /** For the status: the sequence of what is applied. */
  get linkNow(): TeamLink {
    return this.link;
  }
}
