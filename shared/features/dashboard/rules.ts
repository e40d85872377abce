/**
 * The dashboard's computations, pure: each takes the collections it reads and `today` (from the
 * backend's clock, never Date.now here), so unit tests state their results and the service memoises
 * each section on the identity of its inputs. Collections are read with iteration and array methods
 * only (they are chunked `Collection`s in the store).
 */
import { caseStatuses, type CaseRecord, type TaskRecord } from '../cases/schema';
import { displayName, type ContactRecord } from '../contacts/schema';
import { regionsOfCountry } from '../countries/regions';
import type { ProgrammeRecord } from '../programmes/schema';
import { activityWithin, isActivePriority, priorityCovers, priorityGaps, hasGap, type CountryActivity } from '../priorities/rules';
import type { PriorityRecord } from '../priorities/schema';
import type { TripRecord } from '../trips/schema';
import type { Rows } from '../../schemas/collection';
import {
  DASHBOARD_LIST_LIMIT,
  GDPR_REVIEW_DAYS,
  PROGRAMME_DEADLINE_DAYS,
  UPCOMING_TRIP_DAYS,
  type AreaActivity,
  type Dashboard,
  type DashboardTask,
  type GdprReview,
  type MyWork,
  type PriorityGap,
  type ProgrammeDeadline,
  type StatusCount,
  type UpcomingTrip,
} from './schema';

/** "2026-03-01" plus n days, in calendar days (UTC arithmetic: no time zone can shift a date). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (UTC arithmetic, like addDays). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const fold = (s: string) => s.trim().toLocaleLowerCase();
/** One collator for every name and title compared here: fixed, so the order never depends on the machine's locale. */
const collator = new Intl.Collator('en');
const compareText = (a: string, b: string) => collator.compare(a, b);

/**
 * The first `limit` of `items` in `compare`'s order, without comparing all of them by it: they are
 * sorted by a cheap string key that `compare` refines (ties broken by text), then only those up to
 * the key of the limit-th are sorted in full. At 10× size thousands of tasks or reviews are due;
 * this keeps the text comparisons to the few hundred that can make the list.
 */
function firstInOrder<T>(items: T[], key: (t: T) => string, compare: (a: T, b: T) => number, limit: number): T[] {
  if (items.length <= limit) return items.sort(compare);
  const keyed = items.map((t) => ({ t, k: key(t) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const cutoff = keyed[limit - 1]!.k;
  let end = limit;
  while (end < keyed.length && keyed[end]!.k === cutoff) end++;
  return keyed
    .slice(0, end)
    .map((x) => x.t)
    .sort(compare)
    .slice(0, limit);
}

/** Earliest due date first, undated last: overdue tasks (due before today) therefore come first. */
function byDue(a: DashboardTask, b: DashboardTask): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return compareText(a.caseReference, b.caseReference) || compareText(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
  const overdue = open.filter((t) => t.overdue).length;
  // Undated tasks sort last: "~" comes after every digit of a date.
  const first = firstInOrder(open, (t) => t.dueOn ?? '~', byDue, DASHBOARD_LIST_LIMIT);
  return { assignee: who === null ? null : assignee!.trim(), tasks: first, total: open.length, overdue };
}

/** Trips under way or starting within the next UPCOMING_TRIP_DAYS days, soonest first. */
export function upcomingTrips(trips: Rows<TripRecord>, today: string): Dashboard['upcomingTrips'] {
  const until = addDays(today, UPCOMING_TRIP_DAYS);
  const out: UpcomingTrip[] = [];
  for (const t of trips) {
    if (t.endDate < today || t.startDate > until) continue;
    out.push({ id: t.id, title: t.title, startDate: t.startDate, endDate: t.endDate, countries: [...new Set(t.destinations.map((d) => d.country))] });
  }
  out.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0) || compareText(a.title, b.title));
  return { trips: out.slice(0, DASHBOARD_LIST_LIMIT), total: out.length };
}

/** How many cases have each status, every status listed (in the workflow's order), zeros included. */
export function casesByStatus(cases: Rows<CaseRecord>): StatusCount[] {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return caseStatuses.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

/** The people whose GDPR review date is past or within GDPR_REVIEW_DAYS days (in the order given). */
export function dueForReview(contacts: Iterable<ContactRecord>, today: string): ContactRecord[] {
  const until = addDays(today, GDPR_REVIEW_DAYS);
  const due: ContactRecord[] = [];
  for (const c of contacts) {
    const on = c.gdpr.reviewOn;
    if (on !== null && on <= until) due.push(c);
  }
  return due;
}

/**
 * People whose GDPR review date is past or within GDPR_REVIEW_DAYS days, the longest overdue first.
 * `due` may be given already found (dueForReview per chunk, as the service does).
 */
export function gdprReviewDue(contacts: Rows<ContactRecord>, today: string, due: ContactRecord[] = dueForReview(contacts, today)): Dashboard['gdprReviewDue'] {
  // Names are built only for those that can make the list (firstInOrder compares by date first).
  const names = new Map<ContactRecord, string>();
  const nameOf = (c: ContactRecord) => {
    let n = names.get(c);
    if (n === undefined) names.set(c, (n = displayName(c)));
    return n;
  };
  const total = due.length;
  const first = firstInOrder([...due], (c) => c.gdpr.reviewOn!, (a, b) => (a.gdpr.reviewOn! < b.gdpr.reviewOn! ? -1 : a.gdpr.reviewOn! > b.gdpr.reviewOn! ? 1 : 0) || compareText(nameOf(a), nameOf(b)) || (a.id < b.id ? -1 : 1), DASHBOARD_LIST_LIMIT);
  const listed: GdprReview[] = first.map((c) => ({ id: c.id, name: nameOf(c), reviewOn: c.gdpr.reviewOn!, overdue: c.gdpr.reviewOn! < today }));
  return { contacts: listed, total };
}

/**
 * Funding programmes and calls whose deadline is today or within PROGRAMME_DEADLINE_DAYS days,
 * soonest first (then by name). Past deadlines and programmes without one are left out.
 */
export function programmeDeadlines(programmes: Rows<ProgrammeRecord>, today: string): Dashboard['programmeDeadlines'] {
  const until = addDays(today, PROGRAMME_DEADLINE_DAYS);
  const out: ProgrammeDeadline[] = [];
  for (const p of programmes) {
    if (p.deadline === null || p.deadline < today || p.deadline > until) continue;
    out.push({ id: p.id, name: p.name, funder: p.funder, deadline: p.deadline, daysLeft: daysBetween(today, p.deadline), countries: p.countries, regions: p.regions });
  }
  out.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) || compareText(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return { programmes: out.slice(0, DASHBOARD_LIST_LIMIT), total: out.length };
}

/**
 * The strategy priorities active today that have a gap (priorities/rules.ts: no trip or no contact
 * within 18 months, no cooperation), from the activity per country (activityByPlace): level first,
 * then title. Only countries with activity are in `byPlace`; a priority covering none has every gap.
 */
export function priorityGapsOf(priorities: Rows<PriorityRecord>, byPlace: ReadonlyMap<string, CountryActivity>, today: string): Dashboard['priorityGaps'] {
  const out: PriorityGap[] = [];
  let active = 0;
  for (const p of priorities) {
    if (!isActivePriority(p, today)) continue;
    active++;
    const activity = activityWithin(byPlace, (code) => priorityCovers(p, code) !== null);
    const gaps = priorityGaps(activity, today);
    if (!hasGap(gaps)) continue;
    out.push({ id: p.id, title: p.title, country: p.country, region: p.region, level: p.level, ...gaps, lastTrip: activity.trips.last, lastContact: activity.contacts.last, cooperations: activity.cooperations.count });
  }
  out.sort((a, b) => a.level - b.level || compareText(a.title, b.title) || (a.id < b.id ? -1 : 1));
  return { priorities: out.slice(0, DASHBOARD_LIST_LIMIT), total: out.length, active };
}

const weight = (a: AreaActivity) => a.organisations + a.contacts + a.cases + a.trips + a.cooperations;
const byWeight = (a: AreaActivity, b: AreaActivity) => weight(b) - weight(a) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The map's rows from the activity per country (priorities/rules.ts activityByPlace): organisations
 * and people there, open cases naming it, trips to it (any time), cooperations with a partner there
 * (declined left out), and the last day up to today something happened there. Most activity first.
 */
export function activityByCountry(byPlace: ReadonlyMap<string, CountryActivity>): AreaActivity[] {
  const rows: AreaActivity[] = [];
  for (const [code, r] of byPlace) {
    if (r.lastActivity === null && r.organisations + r.people + r.openCases.size + r.trips.size + r.cooperations.size === 0) continue;
    rows.push({ code, organisations: r.organisations, contacts: r.people, cases: r.openCases.size, trips: r.trips.size, cooperations: r.cooperations.size, lastActivity: r.lastActivity });
  }
  return rows.sort(byWeight);
}

/**
 * Country rows rolled up per country's innermost UN M49 region (Ghana → Western Africa). With the
 * activity per country (`byPlace`), trips, open cases and cooperations are counted once per region
 * even where one touches two of its countries (a cooperation with partners in Ghana and Nigeria is
 * one cooperation in Western Africa); without it they are added up. Organisations are in one
 * country each; a person in two countries of one region counts in each.
 */
export function activityByRegion(countries: readonly AreaActivity[], byPlace?: ReadonlyMap<string, CountryActivity>): Dashboard['activityByRegion'] {
  const rows = new Map<string, Dashboard['activityByRegion'][number]>();
  const ids = new Map<string, { trips: Set<string>; cases: Set<string>; cooperations: Set<string> }>();
  for (const c of countries) {
    const region = regionsOfCountry(c.code)[0];
    if (!region) continue;
    let r = rows.get(region);
    if (!r) rows.set(region, (r = { code: region, organisations: 0, contacts: 0, cases: 0, trips: 0, cooperations: 0, lastActivity: null, countries: [] }));
    r.organisations += c.organisations;
    r.contacts += c.contacts;
    const place = byPlace?.get(c.code);
    if (place) {
      let sets = ids.get(region);
      if (!sets) ids.set(region, (sets = { trips: new Set(), cases: new Set(), cooperations: new Set() }));
      for (const id of place.trips) sets.trips.add(id);
      for (const id of place.openCases) sets.cases.add(id);
      for (const id of place.cooperations) sets.cooperations.add(id);
    } else {
      r.cases += c.cases;
      r.trips += c.trips;
      r.cooperations += c.cooperations;
    }
    if (c.lastActivity !== null && (r.lastActivity === null || c.lastActivity > r.lastActivity)) r.lastActivity = c.lastActivity;
    r.countries.push(c.code);
  }
  for (const [region, sets] of ids) {
    const r = rows.get(region)!;
    r.cases += sets.cases.size;
    r.trips += sets.trips.size;
    r.cooperations += sets.cooperations.size;
  }
  for (const r of rows.values()) r.countries.sort();
  return [...rows.values()].sort(byWeight);
}
