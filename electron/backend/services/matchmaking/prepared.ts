/**
 * The store as matchmaking reads it, and the prepared indexes kept while it is unchanged. A full
 * `findMatches` at 10× a realistic workspace costs 170–330 ms, the ranking over prepared indexes
 * 15–68 ms: so the indexes are memoised on the identity of the collections they were built from
 * (the store replaces a collection object whenever one of its records changes) and the day. A second
 * query, a weight change or the other direction then costs only the ranking; any edit to a
 * collection the indexes read rebuilds them on the next call.
 */
import { prepareMatchWorkspace, type MatchPriority, type MatchWorkspace, type PreparedMatchWorkspace } from '../../../../shared/features/matchmaking/match';
import type { Database } from '../../../../shared/schemas/database';
import { memoOn } from '../../records/indexes';
import type { Store } from '../../store/store';

/**
 * The strategy priorities the ranking reads (the `priorities` collection; its records fit `MatchPriority`).
 */
export function prioritiesOf(db: Database): Iterable<MatchPriority> & object {
  return db.priorities;
}

/** The workspace for matchmaking: the store's collections as they are (chunked `Collection`s are iterable). */
export function matchWorkspaceOf(db: Database): MatchWorkspace {
  return {
    organisations: db.organisations,
    contacts: db.contacts,
    positions: db.positions,
    trips: db.trips,
    agendaItems: db.agendaItems,
    activities: db.activities,
    cooperations: db.cooperations,
    priorities: prioritiesOf(db),
    groups: db.groups,
  };
}

/** Every collection the preparation reads, in a fixed order: the memo's keys. */
const keysOf = (ws: MatchWorkspace): object[] => [ws.organisations, ws.contacts, ws.positions, ws.trips, ws.agendaItems, ws.activities, ws.cooperations, ws.priorities, ws.groups];

/**
 * Prepared indexes for `db` on `today`, rebuilt only when one of the collections they read has been
 * replaced or the day has changed. Returns the same object while nothing changed (a test checks it).
 */
export function createPreparedCache() {
  /** Per set of collections: the day it was prepared for and the indexes (one day kept: the clock only moves on). */
  const cache = memoOn<{ today: string; prepared: PreparedMatchWorkspace | null }>();
  let builds = 0;
  return {
    get(db: Database, today: string): PreparedMatchWorkspace {
      const ws = matchWorkspaceOf(db);
      const slot = cache(keysOf(ws), () => ({ today, prepared: null }));
      if (!slot.prepared || slot.today !== today) {
        slot.prepared = prepareMatchWorkspace(ws, today);
        slot.today = today;
        builds++;
      }
      return slot.prepared;
    },
    /** How many times the indexes were built (for tests and the bench: observable, not timed). */
    get builds() {
      return builds;
    },
  };
}

export type PreparedCache = ReturnType<typeof createPreparedCache>;

const caches = new WeakMap<Store, PreparedCache>();
/** The one cache of a store (the service's; tests read `builds` and compare what `get` returns). */
export function preparedCacheOf(store: Store): PreparedCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = createPreparedCache()));
  return cache;
}
