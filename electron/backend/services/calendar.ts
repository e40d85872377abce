import { createEvents, type EventAttributes } from 'ics';
import { instantOf } from '../../../shared/domain/agenda';
import type { ExportedFile } from '../platform';
import { safeFileName } from '../pdf/documents/case-briefing';
import type { ServiceContext } from './context';
import { byId } from './indexes';
import { findOrThrow } from './records';

/**
 * Folds content lines at 75 octets (RFC 5545 3.1). The `ics` library folds after 75 characters,
 * which is more than 75 octets as soon as a line holds non-ASCII text; so its folds are undone
 * (CRLF + one blank, never part of a value: line breaks in values are escaped as \n) and every
 * line is folded again by UTF-8 length, between code points, with one space on each continuation.
 */
export function foldLines(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const last = lines.pop(); // '' after the final CRLF
  const folded = lines.map((line) => {
    const parts: string[] = [];
    let part = '';
    let octets = 0;
    let limit = 75;
    for (const ch of line) {
      const size = Buffer.byteLength(ch, 'utf8');
      if (octets + size > limit) {
        parts.push(part);
        part = '';
        octets = 0;
        limit = 74; // the leading blank counts
      }
      part += ch;
      octets += size;
    }
    parts.push(part);
    return parts.join('\r\n ');
  });
  return [...folded, last ?? ''].join('\r\n');
}

/** Text as a calendar value may hold it: line breaks as LF (which `ics` escapes as \n), no other control characters. */
// eslint-disable-next-line no-control-regex
const plain = (v: string) => v.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');

/** A TEXT value `ics` passes through unescaped (the calendar's name): backslash, semicolon and comma escaped. */
const textValue = (v: string) => plain(v).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');

/**
 * A parameter value for `ics`, which quotes it but escapes a double quote with a backslash (not
 * valid in RFC 5545): double quotes, carets and line breaks are written as RFC 6868 says.
 */
const paramValue = (v: string) => plain(v).replace(/\^/g, '^^').replace(/"/g, "^'").replace(/\r?\n/g, '^n');

/**
 * The itinerary as an iCalendar file (RFC 5545, written by the `ics` library): one event per
 * agenda item, times converted from the item's local time zone to UTC, with place, objectives and
 * the counterparts who have an e-mail address as attendees. DTSTAMP is the backend's clock.
 */
export function tripCalendar(ctx: ServiceContext, tripId: string): ExportedFile {
  const db = ctx.store.db;
  const trip = findOrThrow(db.trips, tripId, 'trip');
  const contacts = byId(db.contacts);
  const orgs = byId(db.organisations);
  const items = db.agendaItems.filter((a) => a.tripId === tripId);
  const stamp = ctx.now().getTime();
  const events: EventAttributes[] = items.map((a) => {
    const org = a.organisationId ? orgs.get(a.organisationId) : undefined;
    const description = plain([org ? org.name : '', a.objectives].filter(Boolean).join('\n\n'));
    return {
      uid: `${a.id}@attache.invalid`,
      timestamp: stamp,
      title: plain(a.title),
      start: instantOf(a.date, a.start, a.timeZone) * 60_000,
      startInputType: 'utc',
      startOutputType: 'utc',
      end: instantOf(a.date, a.end, a.timeZone) * 60_000,
      endInputType: 'utc',
      endOutputType: 'utc',
      location: plain(a.place) || undefined,
      description: description || undefined,
      categories: [a.kind],
      status: 'CONFIRMED',
      sequence: a.revision,
      classification: trip.classification === 'public' ? 'PUBLIC' : trip.classification === 'confidential' ? 'CONFIDENTIAL' : 'PRIVATE',
      attendees: a.counterpartIds
        .map((id) => contacts.get(id))
        .filter((c) => !!c && c.emails.length > 0)
        .map((c) => ({ name: paramValue([c!.givenName, c!.familyName].filter(Boolean).join(' ')), email: c!.emails[0]!.address, rsvp: false, role: 'REQ-PARTICIPANT' as const })),
    };
  });
  const { error, value } = createEvents(events, { productId: '-//Attache//Briefing workbench//EN', calName: textValue(trip.title) });
  if (error || value === null) throw error ?? new Error('The calendar could not be written.');
  return { fileName: `${safeFileName(trip.title) || 'itinerary'}.ics`, mime: 'text/calendar', bytes: Buffer.from(foldLines(value), 'utf8') };
}
