import { createEvents, type EventAttributes } from 'ics';
import { instantOf } from '../../../shared/domain/agenda';
import type { ExportedFile } from '../platform';
import { safeFileName } from '../pdf/documents/case-briefing';
import type { ServiceContext } from './context';
import { byId } from './indexes';
import { findOrThrow } from './records';

/**
 * The itinerary as an iCalendar file (RFC 5545, written by the `ics` library): one event per
 * agenda item, times converted from the item's local time zone to UTC, with place, objectives and
 * the counterparts who have an e-mail address as attendees.
 */
export function tripCalendar(ctx: ServiceContext, tripId: string): ExportedFile {
  const db = ctx.store.db;
  const trip = findOrThrow(db.trips, tripId, 'trip');
  const contacts = byId(db.contacts);
  const orgs = byId(db.organisations);
  const items = db.agendaItems.filter((a) => a.tripId === tripId);
  const events: EventAttributes[] = items.map((a) => {
    const org = a.organisationId ? orgs.get(a.organisationId) : undefined;
    const description = [org ? org.name : '', a.objectives].filter(Boolean).join('\n\n');
    return {
      uid: `${a.id}@attache.invalid`,
      title: a.title,
      start: instantOf(a.date, a.start, a.timeZone) * 60_000,
      startInputType: 'utc',
      startOutputType: 'utc',
      end: instantOf(a.date, a.end, a.timeZone) * 60_000,
      endInputType: 'utc',
      endOutputType: 'utc',
      location: a.place || undefined,
      description: description || undefined,
      categories: [a.kind],
      status: 'CONFIRMED',
      sequence: a.revision,
      classification: trip.classification === 'public' ? 'PUBLIC' : trip.classification === 'confidential' ? 'CONFIDENTIAL' : 'PRIVATE',
      attendees: a.counterpartIds
        .map((id) => contacts.get(id))
        .filter((c) => !!c && c.emails.length > 0)
        .map((c) => ({ name: [c!.givenName, c!.familyName].filter(Boolean).join(' '), email: c!.emails[0]!.address, rsvp: false, role: 'REQ-PARTICIPANT' as const })),
    };
  });
  const { error, value } = createEvents(events, { productId: '-//Attache//Briefing workbench//EN', calName: trip.title });
  if (error || value === null) throw error ?? new Error('The calendar could not be written.');
  return { fileName: `${safeFileName(trip.title) || 'itinerary'}.ics`, mime: 'text/calendar', bytes: Buffer.from(value, 'utf8') };
}
