/**
 * The team service: the channel of the `team.*` operations (Settings → Team, the sidebar's sync
 * status, the Conflicts screen, who changed a record), and the host that keeps one sync engine
 * (./sync.ts) running while the workspace is open, unlocked and linked. The link lives in the
 * workspace's settings (never returned by settings.get); the team password is kept sealed by the
 * OS keychain where there is one, else inside the encrypted workspace, else for the session only —
 * never in the clear on disk.
 */
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { PasswordKeep, TeamLink } from '../../../../shared/features/team/link';
import type { TeamStatus, TeamTestResult } from '../../../../shared/features/team/schema';
import type { Platform } from '../../platform';
import type { ServiceContext } from '../../records/context';
import type { Store } from '../../store/store';
import { sharedCollections } from './documents';
import { openRemote } from './mirror';
import { MIRROR_STATE, problemOf, TeamSync } from './sync';

const notLinked = () => new AppError('NOT_FOUND', 'This workspace is not linked to a team database.', { messageKey: { key: 'team.errors.notLinked' } });

/** Tries the server, the database and the user: what the Settings screen's "Test connection" shows. */
export async function probe(input: { url: string; database: string; user: string; password: string }): Promise<TeamTestResult> {
  const remote = openRemote(input.url, input.database, input.user, input.password);
  try {
    const info = (await remote.info()) as PouchDB.Info & { db_name?: string; error?: string; reason?: string };
    // PouchDB's HTTP adapter answers info() with the server's error body instead of throwing. A
    // known user who is not a member is told apart from a wrong password by the reason (some servers say 401 for both).
    if (info.error === 'forbidden' || (info.error === 'unauthorized' && /not (authorized|allowed) to access this db/i.test(info.reason ?? ''))) return { ok: false, problem: 'forbidden', documents: null };
    if (info.error === 'unauthorized') return { ok: false, problem: 'unauthorized', documents: null };
    if (info.error === 'not_found') return { ok: false, problem: 'noDatabase', documents: null };
    if (info.error) return { ok: false, problem: 'server', documents: null };
    if (typeof info.doc_count !== 'number') return { ok: false, problem: 'notCouch', documents: null };
    return { ok: true, problem: null, documents: Number(info.doc_count ?? 0) };
  } catch (e) {
    return { ok: false, problem: problemOf(e).key, documents: null };
  } finally {
    await remote.close().catch(() => undefined);
  }
}

const sameLink = (a: TeamLink, b: TeamLink) => a.url === b.url && a.database === b.database && a.user === b.user && a.device === b.device && a.share.join() === b.share.join();

/** The one engine per open workspace. */
export class TeamHost {
  private sync: TeamSync | null = null;
  private starting: Promise<void> | null = null;
  private sessionPassword: string | null = null;
  private needsPassword = false;
  private startError: { key: string; detail: string } | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly platform: Pick<Platform, 'deviceVault'>,
  ) {}

  private get link(): TeamLink | null {
    return this.ctx.store.state === 'ready' ? (this.ctx.store.db.settings.team ?? null) : null;
  }

  /** Starts, restarts or stops the engine to match the workspace; resolves once a start has finished. */
  ensure(): Promise<void> {
    if (this.starting) return this.starting;
    const link = this.link;
    if (this.sync && (!link || !sameLink(this.sync.linkNow, link))) {
      const old = this.sync;
      this.sync = null;
      this.starting = old.stop().finally(() => (this.starting = null)).then(() => this.ensure());
      return this.starting;
    }
    if (!link || this.sync || this.needsPassword) return Promise.resolve();
    this.starting = (async () => {
      const password = await this.recall(link);
      if (password === null) {
        this.needsPassword = true;
        return;
      }
      const sync = new TeamSync(this.ctx, link, password);
      this.sync = sync;
      this.startError = null;
      try {
        await sync.start();
      } catch (e) {
        console.error('[attache] team sync did not start:', e);
        this.startError = { key: 'team.problems.server', detail: String(e instanceof Error ? e.message : e).slice(0, 400) };
        this.sync = null;
        await sync.stop().catch(() => undefined);
      }
    })().finally(() => (this.starting = null));
    return this.starting;
  }

  private async recall(link: TeamLink): Promise<string | null> {
    const kept = link.password;
    if (kept?.keep === 'workspace') return kept.value;
    if (kept?.keep === 'device' && this.platform.deviceVault) {
      try {
        return Buffer.from(await this.platform.deviceVault.open(Buffer.from(kept.sealed, 'base64'))).toString('utf8');
      } catch {
        return this.sessionPassword;
      }
    }
    return this.sessionPassword;
  }

  private async keep(password: string): Promise<{ kept: TeamLink['password']; keep: PasswordKeep }> {
    if (this.platform.deviceVault) {
      try {
        const sealed = await this.platform.deviceVault.seal(Buffer.from(password, 'utf8'));
        return { kept: { keep: 'device', sealed: Buffer.from(sealed).toString('base64') }, keep: 'device' };
      } catch {
        // No usable keychain: fall through.
      }
    }
    if (this.ctx.store.encrypted) return { kept: { keep: 'workspace', value: password }, keep: 'workspace' };
    return { kept: null, keep: 'session' };
  }

  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const sync = this.sync;
    this.sync = null;
    await sync?.stop();
  }

  /** The running engine, or null (not linked, waiting for the password, starting). */
  current(): TeamSync | null {
    return this.sync;
  }

  running(): TeamSync {
    if (!this.sync) throw notLinked();
    return this.sync;
  }

  status(): TeamStatus {
    const link = this.link;
    if (!link) return offStatus();
    const sync = this.sync;
    const keep: PasswordKeep = link.password?.keep ?? 'session';
    const base = {
      url: link.url,
      database: link.database,
      user: link.user,
      share: link.share,
      passwordKept: keep,
      held: link.held.length,
    };
    if (!sync) {
      return {
        ...base,
        state: this.needsPassword ? 'needsPassword' : this.startError ? 'error' : 'connecting',
        pending: 0,
        progress: null,
        lastSyncedAt: null,
        offlineSince: null,
        error: this.needsPassword ? { key: 'team.problems.passwordNeeded', detail: '' } : this.startError,
        conflicts: 0,
        applied: 0,
      };
    }
    return {
      ...base,
      // A save not yet in the mirror counts as one change to send; documents received but not yet
      // in the store (at 10× a download's tail takes minutes) keep it "syncing" too.
      state: (sync.saving || sync.receiving) && sync.state === 'synced' ? 'syncing' : sync.state,
      pending: sync.pending.size + (sync.saving ? 1 : 0),
      progress: sync.progress,
      lastSyncedAt: sync.lastSyncedAt,
      offlineSince: sync.offlineSince,
      error: sync.error,
      conflicts: sync.conflicted.size,
      applied: sync.applied,
    };
  }

  async connect(input: ParsedInputOf<'team.connect'>): Promise<TeamStatus> {
    const tried = await probe(input);
    if (!tried.ok) throw new AppError('VALIDATION', `The team database cannot be used: ${tried.problem}.`, { messageKey: { key: `team.problems.${tried.problem ?? 'server'}` as 'team.problems.server' } });
    await this.stop();
    const store = this.ctx.store;
    await store.backupNow('team');
    const { kept } = await this.keep(input.password);
    const link: TeamLink = { url: input.url, database: input.database, user: input.user, share: input.share, device: this.ctx.newId().replace(/[^A-Za-z0-9_-]/g, ''), appliedSeq: 0, password: kept, held: [], rejoin: [] };
    await store.removeState(MIRROR_STATE);
    await store.update((draft) => {
      draft.settings = { ...store.db.settings, team: link };
    });
    this.sessionPassword = input.password;
    this.needsPassword = false;
    await this.ensure();
    return this.status();
  }

  async share(share: ParsedInputOf<'team.share'>['share']): Promise<TeamStatus> {
    const link = this.link;
    if (!link) throw notLinked();
    await this.stop();
    const store = this.ctx.store;
    // Kinds shared again: their records rejoin the team's versions at the next start (sync.ts), where
    // one changed on both sides becomes a conflict instead of one side silently winning.
    const before = sharedCollections(link.share);
    const rejoin = [...sharedCollections(share)].filter((c) => !before.has(c));
    await store.update((draft) => {
      draft.settings = { ...store.db.settings, team: { ...link, share, rejoin: [...new Set([...link.rejoin, ...rejoin])] } };
    });
    await this.ensure();
    return this.status();
  }

  async unlock(password: string): Promise<TeamStatus> {
    const link = this.link;
    if (!link) throw notLinked();
    const tried = await probe({ ...link, password });
    if (!tried.ok) throw new AppError('VALIDATION', `The team database cannot be used: ${tried.problem}.`, { messageKey: { key: `team.problems.${tried.problem ?? 'server'}` as 'team.problems.server' } });
    this.sessionPassword = password;
    this.needsPassword = false;
    await this.ensure();
    return this.status();
  }

  async disconnect(): Promise<TeamStatus> {
    await this.stop();
    const store = this.ctx.store;
    if (store.db.settings.team) {
      await store.update((draft) => {
        const { team: _team, ...rest } = store.db.settings;
        draft.settings = rest;
      });
    }
    await store.removeState(MIRROR_STATE);
    this.sessionPassword = null;
    this.needsPassword = false;
    return this.status();
  }

  /**
   * Before the passphrase is removed: a password kept inside the encrypted workspace would be in
   * the clear afterwards, so it is kept for this session only from then on.
   */
  async beforePassphraseRemoved(): Promise<void> {
    const link = this.link;
    if (link?.password?.keep !== 'workspace') return;
    this.sessionPassword = link.password.value;
    const store = this.ctx.store;
    await store.update((draft) => {
      draft.settings = { ...store.db.settings, team: { ...link, password: null } };
    });
  }
}

export const offStatus = (): TeamStatus => ({
  state: 'off',
  url: null,
  database: null,
  user: null,
  share: [],
  passwordKept: null,
  pending: 0,
  progress: null,
  lastSyncedAt: null,
  offlineSince: null,
  error: null,
  conflicts: 0,
  held: 0,
  applied: 0,
});

const hosts = new WeakMap<Store, TeamHost>();

/** The team host of a workspace (one per store). */
export function teamHostOf(ctx: ServiceContext, platform: Pick<Platform, 'deviceVault'> = {}): TeamHost {
  let host = hosts.get(ctx.store);
  if (!host) hosts.set(ctx.store, (host = new TeamHost(ctx, platform)));
  return host;
}

export function createTeamService(ctx: ServiceContext, platform: Pick<Platform, 'deviceVault'> = {}) {
  const host = teamHostOf(ctx, platform);
  const linked = async () => {
    await host.ensure();
    return host.running();
  };
  return {
    status() {
      void host.ensure();
      return host.status();
    },
    test: (input) => probe(input),
    connect: (input) => host.connect(input),
    share: ({ share }) => host.share(share),
    unlock: ({ password }) => host.unlock(password),
    disconnect: () => host.disconnect(),
    async syncNow() {
      (await linked()).syncNow();
      return host.status();
    },
    async conflicts() {
      await host.ensure();
      return (await host.current()?.conflicts()) ?? [];
    },
    async conflict({ collection, id }) {
      return (await linked()).conflict(collection, id);
    },
    async resolve({ collection, id, revs, choices }) {
      await (await linked()).resolve(collection, id, revs, choices);
      return host.status();
    },
    async held() {
      await host.ensure();
      return host.current()?.heldDocuments() ?? [];
    },
    async record({ collection, id }) {
      await host.ensure();
      const sync = host.current();
      return sync ? sync.recordInfo(collection, id) : { last: null, localOnly: false, conflict: false, history: [] };
    },
  } satisfies ServiceOf<'team'>;
}
