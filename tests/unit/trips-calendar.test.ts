import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

const LONG_TITLE =
  'Ministère de l’Enseignement supérieur – Accra, Ghana; Direction de la coopération; Bureau « Afrique de l’Ouest », Sécurité & Qualité; Réunion – Échanges, Stipendien für Doktorandinnen; Ende';
const LONG_OBJECTIVES = [
  'Agree on the joint call: 50/50 co-funding, two rounds; first deadline 30 April – “provisional”.',
  'Clarify the role of the Ministère de l’Enseignement supérieur – Accra, Ghana; and of the Conseil (CAMES), Ouagadougou.',
  'Backslash as typed: C:\\Dossiers\\Coopération; tab-free; emoji 🇬🇭 and Ghanaian letters Ɔ ɛ ŋ.',
].join('\n');
const PLACE = 'Ministère, salle « Volta », 2ᵉ étage; Accra, Ghana';

async function exportCalendar(b: TestBackend, tripId: string): Promise<string> {
  const out = await b.call('trips.exportCalendar', { id: tripId });
  if (out.delivery !== 'download') throw new Error('expected a download');
  return Buffer.from(out.base64, 'base64').toString('utf8');
}

async function setUp(b: TestBackend) {
  const ministry = await b.call('organisations.create', { name: 'Ministère de l’Enseignement supérieur, Ghana', kind: 'ministry', country: 'GH', city: 'Accra' });
  const akosua = await b.call('contacts.create', { contact: { givenName: 'Akosua', familyName: 'Ɔfori-Atta', emails: [{ address: 'a.ofori-atta@mes.example', kind: 'work' }] } });
  const helene = await b.call('contacts.create', { contact: { givenName: 'Hélène', familyName: 'Kouadio-N’Guessan', emails: [{ address: 'helene.kouadio@mes.example', kind: 'work' }, { address: 'hk@private.example', kind: 'private' }] } });
  const noMail = await b.call('contacts.create', { contact: { givenName: 'Kofi', familyName: 'Boateng' } });
  const trip = await b.call('trips.create', {
    title: 'Delegation to Accra, Berlin; summer 2027',
    destinations: [
      { country: 'GH', city: 'Accra' },
      { country: 'DE', city: 'Berlin' },
    ],
    startDate: '2027-07-01',
    endDate: '2027-07-06',
    timeZones: ['Africa/Accra', 'Europe/Berlin', 'Africa/Nairobi'],
  });
  const long = await b.call('agenda.create', {
    tripId: trip.id,
    title: LONG_TITLE,
    date: '2027-07-02',
    start: '09:00',
    end: '10:30',
    timeZone: 'Africa/Accra',
    place: PLACE,
    organisationId: ministry.id,
    counterpartIds: [akosua.id, helene.id, noMail.id],
    objectives: LONG_OBJECTIVES,
  });
  // Berlin in summer is UTC+2; Nairobi is UTC+3, so 01:30 there is the previous day in UTC.
  const berlin = await b.call('agenda.create', { tripId: trip.id, title: 'Debrief, Berlin', date: '2027-07-05', start: '09:00', end: '10:00', timeZone: 'Europe/Berlin' });
  const night = await b.call('agenda.create', { tripId: trip.id, title: 'Night flight', kind: 'travel', date: '2027-07-06', start: '01:30', end: '02:45', timeZone: 'Africa/Nairobi' });
  return { trip, ministry, akosua, helene, long, berlin, night };
}

describe('calendar export (RFC 5545)', () => {
  it('folds long lines at 75 octets without breaking UTF-8, escapes text, and ical.js reads back the exact text', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip, ministry, long } = await setUp(b);
    expect(LONG_TITLE.length).toBeLessThanOrEqual(200);
    expect(`${LONG_TITLE}${LONG_OBJECTIVES}`.length).toBeGreaterThan(200);
    expect(long.title).toBe(LONG_TITLE);
    expect(long.objectives).toBe(LONG_OBJECTIVES);

    const text = await exportCalendar(b, trip.id);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    // No bare line feeds or carriage returns inside a line.
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    const continuations = lines.filter((l) => l.startsWith(' ') || l.startsWith('\t'));
    expect(continuations.length).toBeGreaterThan(0);
    // Every content line (not a continuation) has a property name; continuations carry one leading blank.
    for (const line of lines.filter((l) => !continuations.includes(l))) expect(line).toMatch(/^[A-Z][A-Z0-9-]*[;:]/);

    // Escaping per RFC 5545 3.3.11, checked on the unfolded lines.
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Ministère de l’Enseignement supérieur – Accra\\, Ghana\\; Direction');
    expect(unfolded).toContain('C:\\\\Dossiers\\\\Coopération\\;');
    expect(unfolded).toMatch(/DESCRIPTION:[^\r]*\\n/);

    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevent = calendar.getAllSubcomponents('vevent').find((v) => new ICAL.Event(v).uid.startsWith(long.id))!;
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe(LONG_TITLE);
    expect(event.description).toBe(`${ministry.name}\n\n${LONG_OBJECTIVES}\n\nCounterparts: Akosua Ɔfori-Atta; Hélène Kouadio-N’Guessan; Kofi Boateng`);
    expect(event.location).toBe(PLACE);
    // The calendar's own name is text too: commas and semicolons escaped, read back exactly.
    expect(unfolded).toContain('X-WR-CALNAME:Delegation to Accra\\, Berlin\\; summer 2027\r\n');
    // RFC 5545 3.8.8.2 gives an X-property the TEXT type; ical.js must be told, it keeps X-values raw.
    const design = ICAL.design.icalendar.property as Record<string, { defaultType: string }>;
    design['x-wr-calname'] = { defaultType: 'text' };
    expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname')).toBe('Delegation to Accra, Berlin; summer 2027');
  });

  it('lists counterparts with an e-mail address as attendees, by name and mailto address', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip, long } = await setUp(b);
    const calendar = new ICAL.Component(ICAL.parse(await exportCalendar(b, trip.id)));
    const vevent = calendar.getAllSubcomponents('vevent').find((v) => new ICAL.Event(v).uid.startsWith(long.id))!;
    const attendees = vevent.getAllProperties('attendee').map((p) => ({ cn: p.getParameter('cn'), value: p.getFirstValue(), role: p.getParameter('role') }));
    expect(attendees).toEqual([
      { cn: 'Akosua Ɔfori-Atta', value: 'mailto:a.ofori-atta@mes.example', role: 'REQ-PARTICIPANT' },
      { cn: 'Hélène Kouadio-N’Guessan', value: 'mailto:helene.kouadio@mes.example', role: 'REQ-PARTICIPANT' },
    ]);
    // The same through ical.js's event view.
    expect(new ICAL.Event(vevent).attendees.map((p) => p.getFirstValue())).toEqual(['mailto:a.ofori-atta@mes.example', 'mailto:helene.kouadio@mes.example']);
  });

  it('names every counterpart in the description with their current position — those without an e-mail too — and keeps attendees for those with one', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip, ministry, akosua } = await setUp(b);
    const ama = await b.call('contacts.create', {
      contact: { academicTitle: 'Dr.', givenName: 'Ama', familyName: 'Mensah' },
      positions: [
        { organisationId: ministry.id, role: 'Deputy Director', from: '2015-01-01', to: '2019-12-31' },
        { organisationId: ministry.id, role: 'Director', from: '2020-01-01', to: null },
      ],
    });
    const item = await b.call('agenda.create', { tripId: trip.id, title: 'Courtesy call', date: '2027-07-03', start: '09:00', end: '10:00', timeZone: 'Africa/Accra', counterpartIds: [ama.id, akosua.id] });
    const read = async () => {
      const calendar = new ICAL.Component(ICAL.parse(await exportCalendar(b, trip.id)));
      return calendar.getAllSubcomponents('vevent').find((v) => new ICAL.Event(v).uid.startsWith(item.id))!;
    };
    let vevent = await read();
    expect(new ICAL.Event(vevent).description).toBe(`Counterparts: Dr. Ama Mensah (Director, ${ministry.name}); Akosua Ɔfori-Atta`);
    expect(vevent.getAllProperties('attendee').map((p) => [p.getParameter('cn'), p.getFirstValue()])).toEqual([['Akosua Ɔfori-Atta', 'mailto:a.ofori-atta@mes.example']]);
    // In the trip's language.
    await b.call('trips.update', { id: trip.id, revision: trip.revision, changes: { language: 'de' } });
    vevent = await read();
    expect(new ICAL.Event(vevent).description).toBe(`Gesprächspartner: Dr. Ama Mensah (Director, ${ministry.name}); Akosua Ɔfori-Atta`);
  });

  it('writes a name with double quotes as RFC 6868 says, and no stray control characters', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip } = await setUp(b);
    const kk = await b.call('contacts.create', { contact: { givenName: 'Kwame "KK"', familyName: 'Mensah', emails: [{ address: 'kk@partner.example', kind: 'work' }] } });
    const item = await b.call('agenda.create', { tripId: trip.id, title: 'Lunch\rwith KK', date: '2027-07-03', start: '12:00', end: '13:00', timeZone: 'Africa/Accra', place: 'Room 3\rWest wing', counterpartIds: [kk.id] });
    const text = await exportCalendar(b, trip.id);
    // eslint-disable-next-line no-control-regex
    for (const line of text.slice(0, -2).split('\r\n')) expect(line).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
    expect(text.replace(/\r\n[ \t]/g, '')).toContain(`CN="Kwame ^'KK^' Mensah":mailto:kk@partner.example`);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevent = calendar.getAllSubcomponents('vevent').find((v) => new ICAL.Event(v).uid.startsWith(item.id))!;
    expect(vevent.getFirstProperty('attendee')!.getParameter('cn')).toBe('Kwame "KK" Mensah');
    expect(new ICAL.Event(vevent).summary).toBe('Lunch\nwith KK');
    expect(new ICAL.Event(vevent).location).toBe('Room 3\nWest wing');
  });

  it('puts every item at the right instant for its time zone (UTC with Z) and stamps it with the backend clock', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip, long, berlin, night } = await setUp(b);
    const text = await exportCalendar(b, trip.id);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const byUid = new Map(calendar.getAllSubcomponents('vevent').map((v) => [new ICAL.Event(v).uid, v]));
    const at = (id: string) => {
      const v = byUid.get(`${id}@attache.invalid`)!;
      const e = new ICAL.Event(v);
      expect(e.startDate.isDate).toBe(false);
      expect(e.startDate.zone?.tzid).toBe('UTC');
      return {
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
        stamp: (v.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
      };
    };
    expect(at(long.id)).toEqual({ start: '2027-07-02T09:00:00.000Z', end: '2027-07-02T10:30:00.000Z', stamp: '2026-11-21T10:00:00.000Z' });
    expect(at(berlin.id)).toEqual({ start: '2027-07-05T07:00:00.000Z', end: '2027-07-05T08:00:00.000Z', stamp: '2026-11-21T10:00:00.000Z' });
    expect(at(night.id)).toEqual({ start: '2027-07-05T22:30:00.000Z', end: '2027-07-05T23:45:00.000Z', stamp: '2026-11-21T10:00:00.000Z' });
    expect(text).toContain('\r\nDTSTART:20270705T223000Z\r\n');
    expect(text.match(/\r\nDTSTAMP:20261121T100000Z\r\n/g)).toHaveLength(3);
  });
});
