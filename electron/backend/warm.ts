/**
 * Work done ahead while the advisor is not waiting: once the backend has been idle for a moment
 * after a call, the caches that are costly to build from scratch are built, so the next request
 * finds them ready. Matchmaking's prepared indexes cost 200–300 ms at 10× a realistic workspace
 * when nothing is kept (the first "Find partners" after opening, or after a restore); kept, a query
 * is a ranking over them. Each warmer is registered here by name beside the feature it serves; a
 * warmer reads the store as it is and changes nothing.
 */
import type { ServiceContext } from './records/context';
import { localDate } from './records/context';
import { preparedCacheOf } from './services/matchmaking/prepared';

const warmers: Record<string, (ctx: ServiceContext) => void> = {
  matchmaking: (ctx) => void preparedCacheOf(ctx.store).get(ctx.store.db, localDate(ctx.now())),
};

/**
 * Returns `touch`, to be called after every call: it (re)arms a timer that runs the warmers once
 * `idleMs` passes without another call, and only while the workspace is open and ready. The timer
 * never keeps the process alive.
 */
export function createIdleWarmer(ctx: ServiceContext, idleMs: number): { touch(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    timer = null;
    if (ctx.store.state !== 'ready') return;
    for (const [name, warm] of Object.entries(warmers)) {
      try {
        warm(ctx);
      } catch (e) {
        console.warn(`[attache] warming ${name} failed:`, e instanceof Error ? e.message : e);
      }
    }
  };
  return {
    touch() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, idleMs);
      timer.unref();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
