/**
 * The dashboard's computations, pure: each takes the collections it reads and `today` (from the
 * backend's clock, never Date.now here), so unit tests state their results and the service memoises
 * each section on the identity of its inputs. Collections are read with iteration and array methods
 * only (they are chunked `Collection`s in the store).
 */
import type { ActivityRecord } from '../cases/activities';
import { caseStatuses, type CaseRecord, type TaskRecord } from '../cases/schema';
import { displayName, isCurrentPosition, type ContactRecord, type PositionRecord } from '../contacts/schema';
import { regionsOfCountry } from '../countries/regions';
import type { OrganisationRecord } from '../organisations/schema';
import type { TripRecord } from '../trips/schema';
import type { Rows } from '../../schemas/collection';
import { DASHBOARD_LIST_LIMIT, GDPR_REVIEW_DAYS, UPCOMING_TRIP_DAYS, type AreaActivity, type Dashboard, type DashboardTask, type GdprReview, type MyWork, type StatusCount, type UpcomingTrip } from './schema';

/** "2026-03-01" plus n days, in calendar days (UTC arithmetic: no time zone can shift a date). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const fold = (s: string) => s.trim().toLocaleLowerCase();

/** Earliest due date first, undated last: overdue tasks (due before today) therefore come first. */
function byDue(a: DashboardTask, b: DashboardTask): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.caseReference.localeCompare(b.caseReference) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

/**
 * Open tasks across cases, overdue first, then by due date. With an assignee name only the tasks
 * assigned to that name (case and spacing aside); with null, everyone's.
 */
export function myWork(tasks: Rows<TaskRecord>, caseById: (id: string) => CaseRecord | undefined, assignee: string | null, today: string): MyWork {
  const who = assignee && assignee.trim() ? fold(assignee) : null;
  const open: DashboardTask[] = [];
  for (const t of tasks) {
    if (t.done) continue;
    if (who !== null && fold(t.assignee) !== who) continue;
    const c = caseById(t.caseId);
    if (!c) continue;
    open.push({ id: t.id, title: t.title, dueOn: t.dueOn, assignee: t.assignee, overdue: t.dueOn !== null && t.dueOn < today, caseId: c.id, caseReference: c.reference, caseTitle: c.title });
  }
  open.sort(byDue);
  return { assignee: who === null ? null : assignee!.trim(), tasks: open.slice(0, DASHBOARD_LIST_LIMIT), total: open.length, overdue: open.filter((t) => t.overdue).length };
}

/** Trips under way or starting within the next UPCOMING_TRIP_DAYS days, soonest first. */
export function upcomingTrips(trips: Rows<TripRecord>, today: string): Dashboard['upcomingTrips'] {
  const until = addDays(today, UPCOMING_TRIP_DAYS);
  const out: UpcomingTrip[] = [];
  for (const t of trips) {
    if (t.endDate < today || t.startDate > until) continue;
    out.push({ id: t.id, title: t.title, startDate: t.startDate, endDate: t.endDate, countries: [...new Set(t.destinations.map((d) => d.country))] });
  }
  out.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title));
  return { trips: out.slice(0, DASHBOARD_LIST_LIMIT), total: out.length };
}

/** How many cases have each status, every status listed (in the workflow's order), zeros included. */
export function casesByStatus(cases: Rows<CaseRecord>): StatusCount[] {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return caseStatuses.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

/** People whose GDPR review date is past or within GDPR_REVIEW_DAYS days, the longest overdue first. */
export function gdprReviewDue(contacts: Rows<ContactRecord>, today: string): Dashboard['gdprReviewDue'] {
  const until = addDays(today, GDPR_REVIEW_DAYS);
  const out: GdprReview[] = [];
  for (const c of contacts) {
    const on = c.gdpr.reviewOn;
    if (on === null || on > until) continue;
    out.push({ id: c.id, name: displayName(c), reviewOn: on, overdue: on < today });
  }
  out.sort((a, b) => a.reviewOn.localeCompare(b.reviewOn) || a.name.localeCompare(b.name));
  return { contacts: out.slice(0, DASHBOARD_LIST_LIMIT), total: out.length };
}

/**
 * The countries each person is in, as the people list counts them: those of the organisations of
 * their current positions, else their own country; people in none are left out. One pass over
 * positions and people (the people list's rows also build search text the dashboard does not need).
 */
export function contactCountries(contacts: Rows<ContactRecord>, positions: Rows<PositionRecord>, organisations: Rows<OrganisationRecord>, today: string): Map<string, readonly string[]> {
  const orgCountry = new Map<string, string>();
  for (const o of organisations) if (o.country) orgCountry.set(o.id, o.country);
  const byContact = new Map<string, string[]>();
  for (const p of positions) {
    if (!isCurrentPosition(p, today)) continue;
    const code = orgCountry.get(p.organisationId);
    if (!code) continue;
    const list = byContact.get(p.contactId);
    if (!list) byContact.set(p.contactId, [code]);
    else if (!list.includes(code)) list.push(code);
  }
  const out = new Map<string, readonly string[]>();
  for (const c of contacts) {
    const codes = byContact.get(c.id) ?? (c.country ? [c.country] : null);
    if (codes) out.set(c.id, codes);
  }
  return out;
}

export interface ActivitySources {
  organisations: Rows<OrganisationRecord>;
  /** Person id → the countries they are in (contactCountries). */
  contacts: ReadonlyMap<string, readonly string[]>;
  cases: Rows<CaseRecord>;
  trips: Rows<TripRecord>;
  activities: Rows<ActivityRecord>;
}

const weight = (a: AreaActivity) => a.organisations + a.contacts + a.cases + a.trips;
const byWeight = (a: AreaActivity, b: AreaActivity) => weight(b) - weight(a) || a.code.localeCompare(b.code);

/**
 * Per country: organisations there, people there, open cases concerning it, trips to it (any time),
 * and the last day up to today something happened there — a timeline entry of a case concerning it
 * or with a person there, a trip that had started, a case opened. Most activity first.
 */
export function activityByCountry(src: ActivitySources, today: string): AreaActivity[] {
  const rows = new Map<string, AreaActivity>();
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = { code, organisations: 0, contacts: 0, cases: 0, trips: 0, lastActivity: null }));
    return r;
  };
  const touch = (code: string, date: string) => {
    if (date > today) return;
    const r = row(code);
    if (r.lastActivity === null || date > r.lastActivity) r.lastActivity = date;
  };
  for (const o of src.organisations) if (o.country) row(o.country).organisations++;
  for (const countries of src.contacts.values()) for (const code of countries) row(code).contacts++;
  const caseCountries = new Map<string, readonly string[]>();
  for (const c of src.cases) {
    caseCountries.set(c.id, c.countries);
    for (const code of c.countries) {
      if (c.status !== 'closed') row(code).cases++;
      touch(code, c.openedOn);
    }
  }
  for (const t of src.trips) {
    for (const code of new Set(t.destinations.map((d) => d.country))) {
      row(code).trips++;
      touch(code, t.startDate);
    }
  }
  // Touching a country twice with the same date changes nothing, so no set of codes per entry.
  for (const a of src.activities) {
    if (a.date > today) continue;
    const ofCase = a.caseId ? caseCountries.get(a.caseId) : undefined;
    if (ofCase) for (const code of ofCase) touch(code, a.date);
    for (const p of a.participantIds) {
      const codes = src.contacts.get(p);
      if (codes) for (const code of codes) touch(code, a.date);
    }
  }
  return [...rows.values()].sort(byWeight);
}

/** Country rows added up per country's innermost UN M49 region (Ghana → Western Africa). */
export function activityByRegion(countries: readonly AreaActivity[]): Dashboard['activityByRegion'] {
  const rows = new Map<string, Dashboard['activityByRegion'][number]>();
  for (const c of countries) {
    const region = regionsOfCountry(c.code)[0];
    if (!region) continue;
    let r = rows.get(region);
    if (!r) rows.set(region, (r = { code: region, organisations: 0, contacts: 0, cases: 0, trips: 0, lastActivity: null, countries: [] }));
    r.organisations += c.organisations;
    r.contacts += c.contacts;
    r.cases += c.cases;
    r.trips += c.trips;
    if (c.lastActivity !== null && (r.lastActivity === null || c.lastActivity > r.lastActivity)) r.lastActivity = c.lastActivity;
    r.countries.push(c.code);
  }
  for (const r of rows.values()) r.countries.sort();
  return [...rows.values()].sort(byWeight);
}
