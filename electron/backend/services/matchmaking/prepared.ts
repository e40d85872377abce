/**
 * The store as matchmaking reads it, and the prepared indexes kept between queries. Preparing every
 * index costs most of a query at 10× a realistic workspace, so the core's preparer
 * (`createMatchPreparer`) keeps its indexes in stages, each memoised on the identity of the
 * collections it reads (the store replaces a collection object whenever one of its records changes,
 * and keeps the identity of every unchanged chunk) and the day: a second query, a weight change or
 * the other direction costs only the ranking, and the first query after an edit rebuilds only the
 * stages that read the edited collection (one chunk of positions or timeline entries, not all).
 *
 * Measured with `BENCH_ONLY=matchmaking npm run bench` at 10× (50,000 people, 100,000 positions,
 * 50,000 timeline entries), `matchmaking.find` over a real store, medians on a shared machine (load
 * average about 5 on 2 cores; the floor, one plain pass over the collections, at 11 ms): cold (nothing
 * kept) 274 ms; after one contact edit 56 ms, one position edit 83 ms, one timeline entry edit 68 ms,
 * one cooperation edit 50 ms; prepared (repeated call, another weight) 47 ms. Before the stages every
 * edit cost a cold call (177–295 ms on a quiet machine).
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
