import { createEvents, type EventAttributes } from 'ics';
import { instantOf } from '../../../../shared/features/trips/agenda';
import { translator } from '../../../../shared/i18n';
import { displayName, isCurrentPosition, type ContactRecord } from '../../../../shared/features/contacts/schema';
import type { ExportedFile } from '../../platform';
import { safeFileName } from '../../pdf/documents/case-briefing';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, indexes } from '../../records/indexes';
import { findOrThrow } from '../../records/records';

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
 * agenda item, times converted from the item's local time zone to UTC, with place and objectives.
 * Every counterpart is named in the description with their current position, in the trip's
 * language ("Counterparts: Dr. Ama Mensah (Director, …)"), so one without an e-mail address is not
 * lost; those with one are also attendees. DTSTAMP is the backend's clock.
 */
export function tripCalendar(ctx: ServiceContext, tripId: string): ExportedFile {
  const db = ctx.store.db;
  const trip = findOrThrow(db.trips, tripId, 'trip');
  const contacts = byId(db.contacts);
  const orgs = byId(db.organisations);
  const ix = indexes(db);
  const t = translator(trip.language);
  const today = localDate(ctx.now());
  /** "Dr. Ama Mensah (Director, Ministry of …)": the name and the latest position held today, if any. */
  const named = (c: ContactRecord) => {
    const p = ix.positionsOfContact(c.id).filter((x) => isCurrentPosition(x, today)).sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0];
    const where = p ? [p.role, orgs.get(p.organisationId)?.name].filter(Boolean).join(', ') : '';
    return where ? `${displayName(c)} (${where})` : displayName(c);
  };
  const items = db.agendaItems.filter((a) => a.tripId === tripId);
  const stamp = ctx.now().getTime();
  const events: EventAttributes[] = items.map((a) => {
    const org = a.organisationId ? orgs.get(a.organisationId) : undefined;
    const people = a.counterpartIds.map((id) => contacts.get(id)).filter((c): c is ContactRecord => !!c);
    const counterparts = people.length ? `${t('book.meeting.counterparts')}: ${people.map(named).join('; ')}` : '';
    const description = plain([org ? org.name : '', a.objectives, counterparts].filter(Boolean).join('\n\n'));
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
      attendees: people
        .filter((c) => c.emails.length > 0)
        .map((c) => ({ name: paramValue([c.givenName, c.familyName].filter(Boolean).join(' ')), email: c.emails[0]!.address, rsvp: false, role: 'REQ-PARTICIPANT' as const })),
    };
  });
  const { error, value } = createEvents(events, { productId: '-//Attache//Briefing workbench//EN', calName: textValue(trip.title) });
  if (error || value === null) throw error ?? new Error('The calendar could not be written.');
  return { fileName: `${safeFileName(trip.title) || 'itinerary'}.ics`, mime: 'text/calendar', bytes: Buffer.from(foldLines(value), 'utf8') };
}
