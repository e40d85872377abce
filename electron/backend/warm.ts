/**
 * Work done ahead while the advisor is not waiting: right after the workspace opens (while the
 * window loads its screens) and whenever the backend has been idle for a moment after a call, the
 * caches that are costly to build from scratch are built, so the next request finds them ready.
 * At 10× a realistic workspace the dashboard's sections cost about 430 ms and matchmaking's
 * prepared indexes about 260 ms when nothing is kept (after opening, a restore or an import); kept,
 * the dashboard answers in microseconds (15 ms after an edit) and a query is a ranking over the
 * indexes. The people list's rows and default order likewise (a first list query of 50,000 people
 * cost 1.1–2.7 s). Each warmer is registered here by name beside the feature it serves, the home screen's
 * first; a warmer reads the store as it is and changes nothing.
 */
import type { ServiceContext } from './records/context';
import { localDate } from './records/context';
import { warmContactList } from './services/contacts/rows';
import { dashboardOf } from './services/dashboard/dashboard';
import { preparedCacheOf } from './services/matchmaking/prepared';
import { keptIndexOf } from './services/search/kept';

const warmers: Record<string, (ctx: ServiceContext) => void> = {
  // First, because its first step only starts reading the index's cache (I/O beside the others);
  // without a cache it builds in slices on the event loop, so calls are answered meanwhile.
  search: (ctx) => keptIndexOf(ctx.store).buildInSlices(() => (ctx.store.state === 'ready' ? ctx.store.db : null)),
  dashboard: (ctx) => void dashboardOf(ctx),
  matchmaking: (ctx) => void preparedCacheOf(ctx.store).get(ctx.store.db, localDate(ctx.now())),
  // The people list's row table and its first order (by name): at 10× 1.1–2.7 s when built on demand.
  contacts: warmContactList,
};

export interface IdleWarmer {
  /** Runs the warmers as soon as the event loop is free (at open). */
  now(): void;
  /** To be called after every call: (re)arms the timer that runs the warmers after `idleMs` without another call. */
  touch(): void;
  stop(): void;
  /** How often each warmer has run (observable for tests, never timed). */
  readonly runs: Readonly<Record<string, number>>;
}

/**
 * The warmers run only while the workspace is open and ready; the timer never keeps the process
 * alive. A request that arrives while one runs waits for that one (the next starts a turn later),
 * as it would have for its own cold computation, and then finds the result kept.
 */
export function createIdleWarmer(ctx: ServiceContext, idleMs: number): IdleWarmer {
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Immediate | null = null;
  const runs: Record<string, number> = {};
  // One warmer per turn of the event loop: a call that arrives meanwhile waits for one warmer, not all.
  const run = () => {
    timer = null;
    const queue = Object.entries(warmers);
    const next = () => {
      soon = null;
      const item = queue.shift();
      if (!item || ctx.store.state !== 'ready') return;
      const [name, warm] = item;
      try {
        warm(ctx);
        runs[name] = (runs[name] ?? 0) + 1;
      } catch (e) {
        console.warn(`[attache] warming ${name} failed:`, e instanceof Error ? e.message : e);
      }
      if (queue.length) soon = setImmediate(next);
    };
    next();
  };
  return {
    runs,
    now() {
      if (!soon) soon = setImmediate(run);
    },
    touch() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, idleMs);
      timer.unref();
    },
    stop() {
      if (timer) clearTimeout(timer);
      if (soon) clearImmediate(soon);
      timer = null;
      soon = null;
    },
  };
}
