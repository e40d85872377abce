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
