/** Pure rules of delegation trips that the list, the trip screen and the briefing book share. */
import { agendaWarnings, instantOf } from './agenda';
import type { AgendaItemRecord, TripPhase, TripRecord } from './schema';

/** Where a trip stands on a day: before, during or after its dates. */
export const phaseOf = (trip: Pick<TripRecord, 'startDate' | 'endDate'>, today: string): TripPhase =>
  trip.endDate < today ? 'past' : trip.startDate > today ? 'upcoming' : 'ongoing';

/** What the briefing book gives a page of its own: meetings, site visits and receptions. */
export const isMeetingLike = (a: Pick<AgendaItemRecord, 'kind'>) => a.kind === 'meeting' || a.kind === 'siteVisit' || a.kind === 'reception';

/** Agenda items in time order (across time zones), each with the warnings that concern it. */
export function orderedAgenda(items: readonly AgendaItemRecord[], trip: TripRecord) {
  const warnings = agendaWarnings(items, trip);
  return [...items]
    .sort((a, b) => instantOf(a.date, a.start, a.timeZone) - instantOf(b.date, b.start, b.timeZone))
    .map((item) => ({ item, warnings: warnings.filter((w) => w.itemId === item.id) }));
}
