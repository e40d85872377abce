/**
 * The store as matchmaking reads it, and the prepared indexes kept while it is unchanged. A full
 * `findMatches` at 10× a realistic workspace costs 170–330 ms, the ranking over prepared indexes
 * 15–68 ms: so the indexes are memoised on the identity of the collections they were built from
 * (the store replaces a collection object whenever one of its records changes) and the day. A second
 * query, a weight change or the other direction then costs only the ranking; any edit to a
 * collection the indexes read rebuilds them on the next call.
 */
import { createMatchPreparer, type MatchPrepareCounts, type MatchPriority, type MatchRows, type MatchWorkspace, type PreparedMatchWorkspace } from '../../../../shared/features/matchmaking/match';
import type { Database } from '../../../../shared/schemas/database';
import type { Store } from '../../store/store';

/**
 * The strategy priorities the ranking reads (the `priorities` collection; its records fit `MatchPriority`).
 */
export function prioritiesOf(db: Database): MatchRows<MatchPriority> {
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

/**
 * Prepared indexes for `db` on `today`, kept in stages by the core's preparer: each stage is rebuilt
 * only when a collection it reads has been replaced or the day has changed. Returns the same object
 * while nothing changed (a test checks it).
 */
export function createPreparedCache() {
  const preparer = createMatchPreparer();
  return {
    get(db: Database, today: string): PreparedMatchWorkspace {
      return preparer.prepare(matchWorkspaceOf(db), today);
    },
    /** How many times the indexes were put together (for tests and the bench: observable, not timed). */
    get builds() {
      return preparer.counts().assembled;
    },
    /** How many times each stage was built: an edit to contacts leaves the trip stage alone (a test checks it). */
    stages(): MatchPrepareCounts {
      return preparer.counts();
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
