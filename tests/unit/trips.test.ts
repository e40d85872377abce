import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildBriefingBook } from '../../electron/backend/pdf/documents/briefing-book';
import { plainText, type Block, type DocumentModel } from '../../electron/backend/pdf/model';
import { bookSections } from '../../shared/features/trips/schema';
import { buildTrip, INTERNAL_PREP, PRIVATE_PHONE, TALKING_POINT } from '../fixtures/trip';
import { openTestBackend, rejection } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

/** Every piece of text a model would print, for checking what an audience gets. */
function modelText(model: DocumentModel): string {
  const parts: string[] = [model.title, model.header, ...(model.cover ? [model.cover.title, model.cover.subtitle ?? '', ...model.cover.facts.flatMap((f) => [f.label, f.value])] : [])];
  const visit = (b: Block) => {
    switch (b.kind) {
      case 'heading':
        parts.push(b.text);
        break;
      case 'paragraph':
        parts.push(plainText(b.text));
        break;
      case 'list':
        parts.push(...b.items.map(plainText));
        break;
      case 'fields':
        parts.push(...b.rows.flatMap((r) => [r.label, plainText(r.value)]));
        break;
      case 'table':
        parts.push(...b.columns.map((c) => c.label), ...b.rows.flat().map(plainText));
        break;
      case 'figure':
        parts.push(b.alt, b.caption ?? '');
        break;
      default:
        break;
    }
  };
  model.blocks.forEach(visit);
  return parts.join('\n');
}

describe('briefing book document model', () => {
  it('the delegation edition has everything; the external one no internal text, no private phone, public marking', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip } = await buildTrip(b, 3, 6);
    const record = await b.call('trips.get', { id: trip.id });
    const opts = { sections: [...bookSections], generatedAt: clock(), today: '2026-11-21' };
    const full = buildBriefingBook(b.store.db, record, { ...opts, audience: 'delegation' });
    const external = buildBriefingBook(b.store.db, record, { ...opts, audience: 'external' });

    const fullText = modelText(full.model);
    expect(fullText).toContain(INTERNAL_PREP);
    expect(fullText).toContain(PRIVATE_PHONE);
    expect(fullText).toContain(TALKING_POINT);
    expect(full.model.classification.level).toBe('internal');

    const extText = modelText(external.model);
    for (const secret of [INTERNAL_PREP, PRIVATE_PHONE, TALKING_POINT, 'Preparatory call', 'Send draft MoU', 'Priority one: innovation promotion', 'Two partners for coastal erosion']) {
      expect(extText, secret).not.toContain(secret);
    }
    expect(external.model.classification).toEqual({ level: 'public', label: 'Public' });
    expect(external.outline.omitted).toEqual([
      { kind: 'strategyExcerpts', reason: 'internalOnly' },
      { kind: 'caseSummaries', reason: 'internalOnly' },
    ]);
    // The work phone stays: only private numbers are withheld.
    expect(extText).toContain('+254 20 123 456');
  });

  it('follows the chosen sections and their order, and the outline lists the meetings', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip } = await buildTrip(b, 2, 4);
    const outline = await b.call('book.outline', { tripId: trip.id, audience: 'delegation', sections: ['contactSheet', 'meetings', 'cover'] });
    // The cover comes first wherever it was put; the rest print in the order given.
    expect(outline.sections.map((s) => s.kind)).toEqual(['cover', 'contactSheet', 'meetings']);
    expect(outline.sections[2]!.entries).toEqual(['Meeting 1: Ministry of Education, Science and Technology', 'Meeting 2: Coastal University of Ghana']);
  });
});

describe('agenda', () => {
  it('flags overlapping items across time zones and items outside the trip', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip } = await buildTrip(b, 0, 2);
    const base = { tripId: trip.id, kind: 'meeting' as const, title: 'A' };
    const nairobi = await b.call('agenda.create', { ...base, title: 'Nairobi 10:00', date: '2027-01-12', start: '10:00', end: '11:00', timeZone: 'Africa/Nairobi' });
    // 07:30 in Accra is 10:30 in Nairobi: the two overlap although the clock times differ.
    const accra = await b.call('agenda.create', { ...base, title: 'Accra 07:30', date: '2027-01-12', start: '07:30', end: '08:00', timeZone: 'Africa/Accra' });
    const late = await b.call('agenda.create', { ...base, title: 'After the trip', date: '2027-01-20', start: '09:00', end: '10:00', timeZone: 'Africa/Accra' });
    const { agenda } = await b.call('trips.related', { id: trip.id });
    const warn = (id: string) => agenda.find((a) => a.id === id)!.warnings;
    expect(warn(nairobi.id)).toEqual([{ itemId: nairobi.id, kind: 'overlap', withId: accra.id }]);
    expect(warn(accra.id)).toEqual([{ itemId: accra.id, kind: 'overlap', withId: nairobi.id }]);
    expect(warn(late.id)).toEqual([{ itemId: late.id, kind: 'outsideTrip' }]);
    expect(agenda.map((a) => a.title)).toEqual(['Nairobi 10:00', 'Accra 07:30', 'After the trip']);
  });

  it('refuses an end before the start and a time zone the trip does not have', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip } = await buildTrip(b, 0, 2);
    const base = { tripId: trip.id, title: 'X', date: '2027-01-12' };
    expect((await rejection(b.call('agenda.create', { ...base, start: '11:00', end: '10:00', timeZone: 'Africa/Nairobi' }))).fields?.end?.key).toBe('validation.endNotAfterStart');
    expect((await rejection(b.call('agenda.create', { ...base, start: '10:00', end: '11:00', timeZone: 'Asia/Tokyo' }))).fields?.timeZone?.key).toBe('validation.tripTimeZone');
    expect((await rejection(b.call('agenda.create', { ...base, start: '10:00', end: '11:00', timeZone: 'Mars/Olympus' }))).fields?.timeZone?.key).toBe('validation.timeZone');
  });
});

describe('debrief', () => {
  it('writes one timeline entry per linked case and the follow-up tasks once, however often it is saved', async () => {
    const b = await openTestBackend({ now: clock });
    const { items, caseB, people } = await buildTrip(b, 1, 2);
    const item = items[0]!;
    const first = await b.call('agenda.debrief', {
      agendaItemId: item.id,
      revision: item.revision,
      agreed: 'Joint call for young scientists in 2027.',
      followUps: [{ title: 'Draft the call text', dueOn: '2027-02-01', assignee: 'A. Berger' }, { title: 'Ask for co-funding' }],
    });
    const second = await b.call('agenda.debrief', {
      agendaItemId: item.id,
      revision: first.revision,
      agreed: 'Joint call for young scientists in 2027, co-funded 50/50.',
      followUps: [{ title: 'Draft the call text', dueOn: '2027-02-15', assignee: 'A. Berger' }],
    });
    expect(second.debrief?.recordedOn).toBe('2026-11-21');

    const onCase = await b.call('activities.list', { caseId: caseB.id });
    expect(onCase).toHaveLength(1);
    expect(onCase[0]).toMatchObject({ kind: 'meeting', date: item.date, text: 'Joint call for young scientists in 2027, co-funded 50/50.' });
    for (const person of people) {
      const timeline = (await b.call('contacts.related', { id: person.id })).activities;
      expect(timeline.filter((a) => a.title === item.title)).toHaveLength(1);
    }
    const tasks = (await b.call('tasks.list', { caseId: caseB.id })).map((t) => [t.title, t.dueOn]);
    expect(tasks).toEqual([['Draft the call text', '2027-02-15']]);

    // Saved a third time unchanged: still exactly one entry and one task.
    await b.call('agenda.debrief', { agendaItemId: item.id, revision: second.revision, agreed: second.debrief!.agreed, followUps: second.debrief!.followUps });
    expect(await b.call('activities.list', { caseId: caseB.id })).toHaveLength(1);
    expect(await b.call('tasks.list', { caseId: caseB.id })).toHaveLength(1);
  });
});

describe('calendar export', () => {
  it('writes RFC 5545 that ical.js parses back with the right instants across time zones', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip } = await buildTrip(b, 0, 2);
    await b.call('agenda.create', { tripId: trip.id, title: 'Ministry, Nairobi', date: '2027-01-12', start: '09:00', end: '10:30', timeZone: 'Africa/Nairobi', place: 'Jogoo House, Nairobi', objectives: 'Agree; next steps, with commas' });
    await b.call('agenda.create', { tripId: trip.id, title: 'University, Accra', date: '2027-01-14', start: '09:00', end: '10:00', timeZone: 'Africa/Accra' });
    const out = await b.call('trips.exportCalendar', { id: trip.id });
    if (out.delivery !== 'download') throw new Error('expected a download');
    expect(out.fileName).toBe('Delegation-to-Nairobi-and-Accra.ics');
    const text = Buffer.from(out.base64, 'base64').toString('utf8');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual(['Ministry, Nairobi', 'University, Accra']);
    const nairobi = events.find((e) => e.summary === 'Ministry, Nairobi')!;
    // 09:00 in Nairobi (UTC+3) is 06:00 UTC; 09:00 in Accra (UTC+0) is 09:00 UTC.
    expect(nairobi.startDate.toJSDate().toISOString()).toBe('2027-01-12T06:00:00.000Z');
    expect(nairobi.endDate.toJSDate().toISOString()).toBe('2027-01-12T07:30:00.000Z');
    expect(nairobi.location).toBe('Jogoo House, Nairobi');
    expect(nairobi.description).toContain('Agree; next steps, with commas');
    const accra = events.find((e) => e.summary === 'University, Accra')!;
    expect(accra.startDate.toJSDate().toISOString()).toBe('2027-01-14T09:00:00.000Z');
  });
});

describe('trips and references', () => {
  it('a person in a delegation cannot be deleted until removed from it; deleting a trip takes its agenda, and undo returns it', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip, people } = await buildTrip(b, 2, 4);
    const member = people[0]!;
    const err = await rejection(b.call('contacts.delete', { id: member.id, revision: member.revision }));
    expect(err.code).toBe('REFERENCED');
    expect(err.messageKey?.key).toBe('errors.referenced.trips.members');
    expect((await b.call('contacts.get', { id: member.id })).id).toBe(member.id);

    const impact = await b.call('trips.deleteImpact', { id: trip.id });
    expect(impact.removes).toEqual([{ collection: 'agendaItems', count: 2 }]);
    const { undoId } = await b.call('trips.delete', { id: trip.id, revision: trip.revision });
    expect(b.store.db.agendaItems).toEqual([]);
    await b.call('undo.apply', { undoId });
    expect((await b.call('trips.related', { id: trip.id })).agenda).toHaveLength(2);
  });

  it('an export runs as a job with progress and ends with the file', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip } = await buildTrip(b, 2, 4);
    const { jobId } = await b.call('book.export', { tripId: trip.id, audience: 'delegation', sections: ['cover', 'meetings'] });
    let status = await b.call('jobs.status', { jobId });
    for (let i = 0; i < 200 && status.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = await b.call('jobs.status', { jobId });
    }
    expect(status.state).toBe('done');
    if (status.state === 'done' && status.result.delivery === 'download') {
      expect(status.result.fileName).toBe('Delegation-to-Nairobi-and-Accra-delegation.pdf');
      expect(Buffer.from(status.result.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    } else throw new Error('expected a downloaded PDF');
    expect((await rejection(b.call('book.export', { tripId: 'missing', audience: 'delegation', sections: ['cover'] }))).code).toBe('NOT_FOUND');
  });
});
