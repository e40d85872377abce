/**
 * The dashboard service (`dashboard.get`): the home screen's sections from today's data. Each
 * section is computed by a pure rule (shared/features/dashboard/rules.ts) and memoised on the
 * identity of the collections it reads and the day, like records/indexes.ts: an edited contact
 * recomputes the GDPR list, not the tasks — and not the map either, unless the person moved to
 * another country (contacts/countries.ts keeps its result when it says the same of everyone).
 */
import type { ServiceOf } from '../../../../shared/contract';
import { activityByCountry, activityByRegion, casesByStatus, dueForReview, gdprReviewDue, myWork, priorityGapsOf, programmeDeadlines, upcomingTrips } from '../../../../shared/features/dashboard/rules';
import type { ContactRecord } from '../../../../shared/features/contacts/schema';
import { DASHBOARD_LIST_LIMIT, type Dashboard } from '../../../../shared/features/dashboard/schema';
import type { Database } from '../../../../shared/schemas/database';
import { type ServiceContext, localDate } from '../../records/context';
import { chunkMemo } from '../../records/chunks';
import { dayKey, indexes, memoOn } from '../../records/indexes';
import { placeActivity } from '../priorities/priorities';
import { remindersDue } from '../../../../shared/features/myWork/rules';
import { displayName } from '../../../../shared/features/contacts/schema';

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
const remindersCache = memoOn<Dashboard['remindersDue']>();
const statusCache = memoOn<Dashboard['casesByStatus']>();
const gdprCache = memoOn<Dashboard['gdprReviewDue']>();
/** The people due for review per chunk of contacts: saving one person looks at their chunk only. */
const dueChunks = chunkMemo<ContactRecord, ContactRecord[]>();
const deadlinesCache = memoOn<Dashboard['programmeDeadlines']>();
const gapsCache = memoOn<Dashboard['priorityGaps']>();
const areaCache = memoOn<Pick<Dashboard, 'activityByCountry' | 'activityByRegion'>>();

export function dashboardOf(ctx: ServiceContext): Dashboard {
  const db = ctx.store.db;
  const today = localDate(ctx.now());
  const day = dayKey(today);
  const assignee = dashboardAssignee(db);
  const ix = indexes(db);
  // The activity per country is kept (same object) after an edit that moves nobody to another
  // country (contacts/countries.ts), so the map and the gaps are not recomputed then.
  const byPlace = placeActivity(ctx, today);
  const areas = areaCache([byPlace], () => {
    const countries = activityByCountry(byPlace);
    return { activityByCountry: countries, activityByRegion: activityByRegion(countries, byPlace) };
  });
  return {
    today,
    myWork: myWorkCache([db.tasks, db.cases, db.settings, day], () => myWork(db.tasks, ix.caseById, assignee, today)),
    remindersDue: remindersCache([db.reminders, db.contacts, db.settings, day], () => {
      const due = remindersDue(db.reminders, assignee, today).filter((r) => ix.contact(r.contactId));
      const reminders = due.slice(0, DASHBOARD_LIST_LIMIT).map((r) => ({ id: r.id, text: r.text, dueOn: r.dueOn, overdue: r.dueOn < today, contactId: r.contactId, contactName: displayName(ix.contact(r.contactId)!) }));
      return { reminders, total: due.length };
    }),
    upcomingTrips: tripsCache([db.trips, day], () => upcomingTrips(db.trips, today)),
    casesByStatus: statusCache([db.cases], () => casesByStatus(db.cases)),
    gdprReviewDue: gdprCache([db.contacts, day], () => gdprReviewDue(db.contacts, today, dueChunks(db.contacts, [day], (chunk) => dueForReview(chunk, today)).flat())),
    programmeDeadlines: deadlinesCache([db.programmes, day], () => programmeDeadlines(db.programmes, today)),
    priorityGaps: gapsCache([db.priorities, byPlace, day], () => priorityGapsOf(db.priorities, byPlace, today)),
    ...areas,
  };
}

export function createDashboardService(ctx: ServiceContext) {
  return {
    get: () => dashboardOf(ctx),
  } satisfies ServiceOf<'dashboard'>;
}
