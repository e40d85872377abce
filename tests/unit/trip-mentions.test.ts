import { describe, expect, it } from 'vitest';
import { displayName } from '../../shared/features/contacts/schema';
import { openTestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

describe('trips.mentions: a record shows the trips that refer to it', () => {
  it('a person in the delegation, a counterpart, a host organisation, a linked case and note; gone with the trip, back with undo', async () => {
    const b = await openTestBackend({ sample: true, now: clock });
    const db = b.store.db;
    const trip = db.trips.at(0)!;
    const items = db.agendaItems.filter((a) => a.tripId === trip.id);

    const head = trip.members.find((m) => m.role === 'head' && m.kind === 'contact');
    expect(head?.kind).toBe('contact');
    const headId = head!.kind === 'contact' ? head!.contactId : '';
    expect(displayName(db.contacts.find((c) => c.id === headId)!)).toBe('Dr. Henrike Stahl');
    expect(await b.call('trips.mentions', { kind: 'contact', id: headId })).toEqual([
      { id: trip.id, title: trip.title, startDate: trip.startDate, endDate: trip.endDate, memberRole: 'head', linked: false, items: [] },
    ]);

    const meeting = items.find((a) => a.counterpartIds.length && a.organisationId)!;
    const [counterpart] = await b.call('trips.mentions', { kind: 'contact', id: meeting.counterpartIds[0]! });
    expect(counterpart).toMatchObject({ id: trip.id, memberRole: null, linked: false });
    expect(counterpart!.items.map((i) => i.id)).toContain(meeting.id);

    const [host] = await b.call('trips.mentions', { kind: 'organisation', id: meeting.organisationId! });
    expect(host!.items.map((i) => i.title)).toContain(meeting.title);
    // Items in programme order.
    const dates = host!.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort());

    const caseId = trip.caseIds[0]!;
    const [linkedCase] = await b.call('trips.mentions', { kind: 'case', id: caseId });
    expect(linkedCase).toMatchObject({ id: trip.id, linked: true });
    const noteId = trip.noteIds[0]!;
    expect(await b.call('trips.mentions', { kind: 'note', id: noteId })).toMatchObject([{ id: trip.id, linked: true, items: [] }]);

    // A record no trip names has none; after the trip is deleted nothing points at it.
    const bystander = db.contacts.find((c) => !trip.members.some((m) => m.kind === 'contact' && m.contactId === c.id) && !items.some((a) => a.counterpartIds.includes(c.id)))!;
    expect(await b.call('trips.mentions', { kind: 'contact', id: bystander.id })).toEqual([]);
    const { undoId } = await b.call('trips.delete', { id: trip.id, revision: trip.revision });
    expect(await b.call('trips.mentions', { kind: 'contact', id: headId })).toEqual([]);
    expect(await b.call('trips.mentions', { kind: 'case', id: caseId })).toEqual([]);
    await b.call('undo.apply', { undoId });
    expect(await b.call('trips.mentions', { kind: 'case', id: caseId })).toHaveLength(1);
  });
});
