/**
 * The dashboard service (`dashboard.get`): the home screen's sections from today's data. Each
 * section is computed by a pure rule (shared/features/dashboard/rules.ts) and memoised on the
 * identity of the collections it reads and the day, like records/indexes.ts: an edited contact
 * recomputes the GDPR list and the map's counts, not the tasks. Sections that need collections other
 * features are adding (cooperations, programmes, priorities) join as further entries of `sections`.
 */
import type { ServiceOf } from '../../../../shared/contract';
import { activityByCountry, activityByRegion, casesByStatus, contactCountries, gdprReviewDue, myWork, upcomingTrips } from '../../../../shared/features/dashboard/rules';
import type { Dashboard } from '../../../../shared/features/dashboard/schema';
import type { Database } from '../../../../shared/schemas/database';
import { type ServiceContext, localDate } from '../../records/context';
import { dayKey, indexes, memoOn } from '../../records/indexes';

/**
 * Whose tasks "My work" lists: the advisor's name from Settings (`settings.advisorName`), or
 * everyone's (null) while it is empty. The section is memoised on the settings object too, so
 * changing the name recomputes it.
 */
export function dashboardAssignee(db: Database): string | null {
  const name = (db.settings.advisorName ?? '').trim();
  return name === '' ? null : name;
}

const myWorkCache = memoOn<Dashboard['myWork']>();
const tripsCache = memoOn<Dashboard['upcomingTrips']>();
const statusCache = memoOn<Dashboard['casesByStatus']>();
const gdprCache = memoOn<Dashboard['gdprReviewDue']>();
const peopleCache = memoOn<Map<string, readonly string[]>>();
const areaCache = memoOn<Pick<Dashboard, 'activityByCountry' | 'activityByRegion'>>();

export function dashboardOf(ctx: ServiceContext): Dashboard {
  const db = ctx.store.db;
  const today = localDate(ctx.now());
  const day = dayKey(today);
  const assignee = dashboardAssignee(db);
  const ix = indexes(db);
  const people = peopleCache([db.contacts, db.positions, db.organisations, day], () => contactCountries(db.contacts, db.positions, db.organisations, today));
  const areas = areaCache([db.organisations, people, db.cases, db.trips, db.activities, day], () => {
    const countries = activityByCountry({ organisations: db.organisations, contacts: people, cases: db.cases, trips: db.trips, activities: db.activities }, today);
    return { activityByCountry: countries, activityByRegion: activityByRegion(countries) };
  });
  return {
    today,
    myWork: myWorkCache([db.tasks, db.cases, db.settings, day], () => myWork(db.tasks, ix.caseById, assignee, today)),
    upcomingTrips: tripsCache([db.trips, day], () => upcomingTrips(db.trips, today)),
    casesByStatus: statusCache([db.cases], () => casesByStatus(db.cases)),
    gdprReviewDue: gdprCache([db.contacts, day], () => gdprReviewDue(db.contacts, today)),
    ...areas,
  };
}

export function createDashboardService(ctx: ServiceContext) {
  return {
    get: () => dashboardOf(ctx),
  } satisfies ServiceOf<'dashboard'>;
}
