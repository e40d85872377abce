import { mkdir } from 'node:fs/promises';
import { createDispatch, type Dispatch } from './dispatch';
import type { Platform } from './platform';
import { createContext } from './records/context';
import { createServices } from './services';
import { createFirstScreenKeeper, type FirstScreenPage } from './services/firstScreen/firstScreen';
import { SEARCH_CACHE } from './services/search/kept';
import { createDueNotifier } from './services/myWork/notify';
import { teamHostOf } from './services/team/team';
import type { ReaderOptions } from './services/imports/reader';
import { acquireWorkspaceLock, type WorkspaceLock } from './store/lock';
import { recallDataKey } from './store/device-key';
import { Store } from './store/store';
import { createIdleWarmer, type IdleWarmer } from './warm';

export interface BackendOptions {
  dataDir: string;
  platform: Platform;
  now?: () => Date;
  /** Check every result against the contract (tests); off in production to keep large lists fast. */
  validateOutput?: boolean;
  /** scrypt cost for new passphrases; tests lower it. */
  kdf?: { N: number; r: number; p: number };
  /** Journal size that starts a background compaction (tests lower it). */
  compactAt?: number;
  /** The import's reading thread: hooks for tests (see services/imports/reader.ts). */
  importReader?: ReaderOptions;
  /** Build costly caches after this long without a call (warm.ts); the shells set it, tests leave it off unless they test it. */
  warmWhenIdleMs?: number;
}

/** What the shells pass as `warmWhenIdleMs`: long enough that warming never competes with a burst of calls. */
export const IDLE_WARM_MS = 1500;

const MAINTENANCE_MS = 10 * 60 * 1000;

/** Calls after which what is due today may be told (the workspace opened, the setting switched on). */
const NOTIFY_AFTER = new Set<unknown>(['workspace.initialize', 'workspace.unlock', 'workspace.restoreBackup', 'settings.update']);

export interface Backend {
  readonly store: Store;
  readonly dispatch: Dispatch;
  /** The warm-up (warm.ts), when `warmWhenIdleMs` was given. */
  readonly warmer: IdleWarmer | null;
  /** The screen the window last handed over, for the page the shell serves next (services/firstScreen). */
  firstScreen(): FirstScreenPage | null;
  close(): Promise<void>;
}

/** Opens a workspace for one shell: takes the lock, loads the store, wires the services. */
export async function openBackend(opts: BackendOptions): Promise<Backend> {
  await mkdir(opts.dataDir, { recursive: true });
  const lock: WorkspaceLock = await acquireWorkspaceLock(opts.dataDir, opts.platform.shell);
  try {
    const store = await Store.open({
      dataDir: opts.dataDir,
      ...(opts.now ? { now: opts.now } : {}),
      ...(opts.kdf ? { kdf: opts.kdf } : {}),
      ...(opts.compactAt ? { compactAt: opts.compactAt } : {}),
      // The search index's cache is read while the database is parsed: the warm-up takes it from there.
      prefetchCaches: [SEARCH_CACHE],
    });
    // An encrypted workspace whose key this device remembers opens without asking (store/device-key.ts).
    if (store.state === 'locked' && opts.platform.deviceVault) {
      const key = await recallDataKey(opts.dataDir, opts.platform.deviceVault);
      if (key) await store.unlockWithKey(key).catch((e: unknown) => console.warn('[attache] the key remembered on this device does not open the workspace:', e instanceof Error ? e.message : e));
    }
    const ctx = createContext(store, opts.now);
    // The system notification on the day work falls due (Electron, opt-in): at open, when the
    // workspace opens or its settings change, and with each maintenance round (a new day).
    const dueNotifier = createDueNotifier(ctx, opts.platform.notifier);
    const tellDue = () => {
      try {
        dueNotifier.check();
      } catch (e) {
        console.error('[attache] the due-today notification failed:', e);
      }
    };
    tellDue();
    // The daily backup and idle compaction while the app runs for weeks.
    const maintenance = setInterval(() => {
      store.maintenance().catch((e: unknown) => console.error('[attache] maintenance failed:', e));
      tellDue();
    }, MAINTENANCE_MS);
    maintenance.unref();
    const firstScreen = createFirstScreenKeeper(store);
    const served = createDispatch(createServices(ctx, opts.platform, { firstScreen, ...(opts.importReader ? { reader: opts.importReader } : {}) }), {
      validateOutput: opts.validateOutput ?? false,
      isLocked: () => store.state === 'locked',
      // Each answer names the data it was computed at: the window hands over a screen only when all of it agrees.
      dataVersion: () => (store.state === 'ready' ? store.dataVersion : undefined),
    });
    const dispatch: Dispatch = opts.platform.notifier
      ? async (name, input) => {
          const reply = await served(name, input);
          if (reply.ok && NOTIFY_AFTER.has(name)) tellDue();
          return reply;
        }
      : served;
    // Team sync (services/team): started when the workspace is open, unlocked and linked, stopped
    // when it locks or is unlinked; checked after every call, which costs a comparison.
    const team = teamHostOf(ctx, opts.platform);
    const keepTeamInStep = () => void team.ensure().catch((e: unknown) => console.error('[attache] team sync:', e));
    keepTeamInStep();
    const dispatched: Dispatch = async (name, input) => {
      try {
        return await dispatch(name, input);
      } finally {
        keepTeamInStep();
      }
    };
    const warmer = opts.warmWhenIdleMs !== undefined ? createIdleWarmer(ctx, opts.warmWhenIdleMs) : null;
    // While the window loads its screens, the home screen's data and matchmaking's indexes are built.
    warmer?.now();
    return {
      store,
      warmer,
      firstScreen: () => firstScreen.page(),
      dispatch: warmer
        ? async (name, input) => {
            try {
              return await dispatched(name, input);
            } finally {
              warmer.touch();
            }
          }
        : dispatched,
      async close() {
        warmer?.stop();
        firstScreen.stop();
        await team.stop().catch((e: unknown) => console.error('[attache] team sync did not stop cleanly:', e));
        clearInterval(maintenance);
        await store.close();
        await lock.release();
      },
    };
  } catch (e) {
    await lock.release();
    throw e;
  }
}

export type { Platform, SystemNotifier } from './platform';
export type { DeviceVault } from './store/device-key';
export { downloadPlatform } from './platform';
// What the shells (electron/main, electron/web) need besides openBackend: they import nothing else from the backend.
export type { ExportedFile } from './platform';
export type { Dispatch } from './dispatch';
export type { FirstScreenPage } from './services/firstScreen/firstScreen';
export { errorEnvelope } from './dispatch';
export { writeFileDurably } from './store/durable-write';
