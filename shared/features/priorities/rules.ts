/**
 * Pure rules of strategy priorities: which priorities cover a country (directly or through one of
 * its regions), which are active on a day, and the gaps of the activity against a priority ("a
 * priority country, no trip and no contact in 18 months"). No clock: `today` comes in.
 */
import { regionsOfCountry } from '../countries/regions';

/** The months back that count as recent for trips and contacts. */
export const GAP_MONTHS = 18;

interface Place {
  country: string | null;
  region: string | null;
}
interface Period {
  start: string | null;
  end: string | null;
}

/** Whether the priority names the country itself or a region it lies in. */
export function priorityCovers(p: Place, country: string): 'country' | 'region' | null {
  if (p.country === country) return 'country';
  if (p.region && regionsOfCountry(country).includes(p.region)) return 'region';
  return null;
}

/** Whether a priority applies on `today` (a day inside its period; an open end runs on). */
export const isActivePriority = (p: Period, today: string) => !(p.start && p.start > today) && !(p.end && p.end < today);

/**
 * The day `months` calendar months before `today` ("2026-08-31" minus 6 → "2026-02-28"): exact
 * months, the day of the month kept where the month has it, else the month's last day.
 */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, last))}`;
}

/** One kind of activity there: how many, and the day of the latest (on or before today). */
export interface ActivityCount {
  count: number;
  last: string | null;
}

/** What has happened against a priority in its place. */
export interface PriorityActivity {
  /** Delegation trips with a destination there. */
  trips: ActivityCount;
  /** People there met or touched: timeline entries with a participant there (count = distinct people). */
  contacts: ActivityCount;
  /** Cooperations with a partner organisation there (declined proposals left out); last = latest start. */
  cooperations: ActivityCount;
  /** Open cases naming a country there; last = latest opened. */
  openCases: ActivityCount;
}

export interface PriorityGaps {
  noTripIn18Months: boolean;
  noContactIn18Months: boolean;
  noCooperation: boolean;
}

/**
 * The gaps: no trip (started on or before today) within the last GAP_MONTHS months, no contact
 * within them, no cooperation at all. A day exactly GAP_MONTHS months ago still counts as recent.
 */
export function priorityGaps(activity: Pick<PriorityActivity, 'trips' | 'contacts' | 'cooperations'>, today: string): PriorityGaps {
  const since = monthsBefore(today, GAP_MONTHS);
  const stale = (c: ActivityCount) => c.last === null || c.last < since;
  return {
    noTripIn18Months: stale(activity.trips),
    noContactIn18Months: stale(activity.contacts),
    noCooperation: activity.cooperations.count === 0,
  };
}

export const hasGap = (g: PriorityGaps) => g.noTripIn18Months || g.noContactIn18Months || g.noCooperation;

/**
 * What has happened in one country, kept as the ids involved so that a region (several countries)
 * counts a trip, person, cooperation or case once even where it touches two of its countries.
 */
export interface CountryActivity {
  /** Organisations there and people there (contacts/countries.ts): what the dashboard's map counts. */
  organisations: number;
  people: number;
  /** The last day up to today anything happened there: a timeline entry of a case naming it or with a person there, a trip started, a case opened. */
  lastActivity: string | null;
  trips: Set<string>;
  lastTrip: string | null;
  /** People there touched by a timeline entry up to today. */
  met: Set<string>;
  lastContact: string | null;
  cooperations: Set<string>;
  lastCooperation: string | null;
  openCases: Set<string>;
  lastOpenCase: string | null;
}

export interface PlaceSources {
  trips: Iterable<{ id: string; startDate: string; destinations: readonly { country: string }[] }>;
  /** Person id → the countries they are in (contacts/countries.ts). */
  people: ReadonlyMap<string, readonly string[]>;
  activities: Iterable<{ date: string; caseId: string | null; participantIds: readonly string[] }>;
  organisations: Iterable<{ id: string; country: string | null }>;
  cooperations: Iterable<{ id: string; status: string; start: string | null; partners: readonly string[] }>;
  cases: Iterable<{ id: string; status: string; openedOn: string; countries: readonly string[] }>;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Per country, in one pass over each collection: organisations and people there, the last activity
 * there, trips with a destination there (latest start on or
 * before today), people there touched by a timeline entry up to today (latest such entry),
 * cooperations with a partner organisation there (declined left out; latest start up to today),
 * open cases naming it (latest opened up to today). Any priority's activity is then a fold over the
 * countries it covers (activityWithin), instead of a pass over the workspace per priority, and the
 * dashboard's map reads its counts (dashboard/rules.ts activityByCountry).
 */
export function activityByPlace(src: PlaceSources, today: string): Map<string, CountryActivity> {
  const out = new Map<string, CountryActivity>();
  const at = (code: string) => {
    let r = out.get(code);
    if (!r) out.set(code, (r = { organisations: 0, people: 0, lastActivity: null, trips: new Set(), lastTrip: null, met: new Set(), lastContact: null, cooperations: new Set(), lastCooperation: null, openCases: new Set(), lastOpenCase: null }));
    return r;
  };
  const touch = (r: CountryActivity, date: string) => {
    if (date <= today && (r.lastActivity === null || date > r.lastActivity)) r.lastActivity = date;
  };
  const orgCountry = new Map<string, string>();
  for (const o of src.organisations) {
    if (!o.country) continue;
    orgCountry.set(o.id, o.country);
    at(o.country).organisations++;
  }
  for (const codes of src.people.values()) for (const code of codes) at(code).people++;
  for (const t of src.trips) {
    for (const d of t.destinations) {
      const r = at(d.country);
      r.trips.add(t.id);
      if (t.startDate <= today) r.lastTrip = later(r.lastTrip, t.startDate);
      touch(r, t.startDate);
    }
  }
  const caseCountries = new Map<string, readonly string[]>();
  for (const c of src.cases) {
    if (c.countries.length) caseCountries.set(c.id, c.countries);
    for (const code of c.countries) {
      const r = at(code);
      touch(r, c.openedOn);
      if (c.status === 'closed') continue;
      r.openCases.add(c.id);
      if (c.openedOn <= today) r.lastOpenCase = later(r.lastOpenCase, c.openedOn);
    }
  }
  for (const a of src.activities) {
    if (a.date > today) continue;
    const ofCase = a.caseId ? caseCountries.get(a.caseId) : undefined;
    if (ofCase) for (const code of ofCase) touch(at(code), a.date);
    for (const id of a.participantIds) {
      const codes = src.people.get(id);
      if (!codes) continue;
      for (const code of codes) {
        const r = at(code);
        r.met.add(id);
        r.lastContact = later(r.lastContact, a.date);
        touch(r, a.date);
      }
    }
  }
  for (const c of src.cooperations) {
    if (c.status === 'declined') continue;
    for (const id of c.partners) {
      const code = orgCountry.get(id);
      if (!code) continue;
      const r = at(code);
      r.cooperations.add(c.id);
      if (c.start && c.start <= today) r.lastCooperation = later(r.lastCooperation, c.start);
    }
  }
  return out;
}

/** The activity in the countries `within` accepts: each trip, person, cooperation and case counted once. */
export function activityWithin(byPlace: ReadonlyMap<string, CountryActivity>, within: (country: string) => boolean): PriorityActivity {
  const hits: CountryActivity[] = [];
  for (const [code, r] of byPlace) if (within(code)) hits.push(r);
  const fold = (ids: (r: CountryActivity) => Set<string>, last: (r: CountryActivity) => string | null): ActivityCount => {
    if (hits.length === 1) return { count: ids(hits[0]!).size, last: last(hits[0]!) };
    const all = new Set<string>();
    let latest: string | null = null;
    for (const r of hits) {
      for (const id of ids(r)) all.add(id);
      latest = later(latest, last(r));
    }
    return { count: all.size, last: latest };
  };
  return {
    trips: fold((r) => r.trips, (r) => r.lastTrip),
    contacts: fold((r) => r.met, (r) => r.lastContact),
    cooperations: fold((r) => r.cooperations, (r) => r.lastCooperation),
    openCases: fold((r) => r.openCases, (r) => r.lastOpenCase),
  };
}
