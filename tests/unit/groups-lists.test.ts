/**
 * Filter and count by group everywhere, through the real backend on a temp folder: the people list
 * counts a person through a current position at an organisation of the group (an ended or a future
 * position does not count), the case list through its client or a partner organisation, the trip
 * list through an agenda item at an organisation of the group, and the
 * group screen's counts (`groups.counts`) are exactly what each list shows under the group filter.
 */
import { describe, expect, it } from 'vitest';
import { openTestBackend, rejection, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

async function network(b: TestBackend) {
  const alliance = await b.call('groups.create', { name: 'Research Alliance Climate', kind: 'alliance' });
  const campus = await b.call('groups.create', { name: 'ScienceCampus Coast', kind: 'campus' });
  const empty = await b.call('groups.create', { name: 'Section Humanities', kind: 'section' });
  const ioer = await b.call('organisations.create', { name: 'Institute of Ecological Research', shortName: 'IOER', kind: 'researchInstitute', country: 'DE', groupIds: [alliance.id] });
  const zmt = await b.call('organisations.create', { name: 'Centre for Tropical Marine Research', shortName: 'ZMT', kind: 'researchInstitute', country: 'DE', groupIds: [alliance.id, campus.id] });
  const legon = await b.call('organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH' });
  // A department under IOER that is not itself in the alliance: membership is direct, as in the organisation list.
  const dept = await b.call('organisations.create', { name: 'IOER Department of Landscape', kind: 'researchInstitute', country: 'DE', parentId: ioer.id });
  const person = (given: string, family: string, positions: Array<{ organisationId: string; role: string; from?: string; to?: string }>) =>
    b.call('contacts.create', { contact: { givenName: given, familyName: family }, positions });
  const jana = await person('Jana', 'Berger', [{ organisationId: ioer.id, role: 'Head of International Affairs' }]);
  const tim = await person('Tim', 'Kruse', [{ organisationId: zmt.id, role: 'Director', from: '2020-01-01' }]);
  // Left IOER last year, now at the University of Ghana: not in the alliance any more.
  const kofi = await person('Kofi', 'Asante', [
    { organisationId: ioer.id, role: 'Postdoc', from: '2019-01-01', to: '2025-12-31' },
    { organisationId: legon.id, role: 'Lecturer', from: '2026-01-01' },
  ]);
  // Joins ZMT next year: not yet.
  const lena = await person('Lena', 'Vogt', [{ organisationId: zmt.id, role: 'Researcher', from: '2027-03-01' }]);
  const dora = await person('Dora', 'Fink', [{ organisationId: dept.id, role: 'Group leader' }]);
  const byClient = await b.call('cases.create', { title: 'IOER seeks partners in Ghana', openedOn: '2026-03-01', clientId: ioer.id });
  const byPartner = await b.call('cases.create', { title: 'Ministry asks for coastal partners', openedOn: '2026-04-01', partnerOrganisationIds: [legon.id, zmt.id] });
  const none = await b.call('cases.create', { title: 'Ghana only', openedOn: '2026-05-01', clientId: legon.id });
  await b.call('cooperations.create', { title: 'Coastal adaptation', institutes: [zmt.id], partners: [legon.id], status: 'running' });
  await b.call('cooperations.create', { title: 'Landscapes', institutes: [dept.id], partners: [legon.id], status: 'idea' });
  const trip = (title: string) =>
    b.call('trips.create', { title, destinations: [{ country: 'DE', city: 'Bremen' }], startDate: '2027-01-10', endDate: '2027-01-12', timeZones: ['Europe/Berlin'] });
  const bremen = await trip('Delegation to Bremen');
  const accra = await trip('Delegation to Accra');
  await b.call('agenda.create', { tripId: bremen.id, title: 'Visit to ZMT', date: '2027-01-11', start: '10:00', end: '11:00', timeZone: 'Europe/Berlin', organisationId: zmt.id });
  await b.call('agenda.create', { tripId: accra.id, title: 'University of Ghana', date: '2027-01-11', start: '10:00', end: '11:00', timeZone: 'Europe/Berlin', organisationId: legon.id });
  return { bremen, accra, alliance, campus, empty, ioer, zmt, legon, dept, jana, tim, kofi, lena, dora, byClient, byPartner, none };
}

const names = (r: { rows: Array<{ name: string }> }) => r.rows.map((x) => x.name).sort();
const titles = (r: { rows: Array<{ title: string }> }) => r.rows.map((x) => x.title).sort();

describe('the group filter on the people list', () => {
  it('counts a person through a current position at an organisation of the group, never an ended or future one', async () => {
    const b = await openTestBackend({ now: clock });
    const n = await network(b);
    expect(names(await b.call('contacts.list', { groups: [n.alliance.id] }))).toEqual(['Jana Berger', 'Tim Kruse']);
    expect(names(await b.call('contacts.list', { groups: [n.campus.id] }))).toEqual(['Tim Kruse']);
    expect(names(await b.call('contacts.list', { groups: [n.empty.id] }))).toEqual([]);
    // Several groups: in any of them; with another filter: both.
    expect(names(await b.call('contacts.list', { groups: [n.campus.id, n.alliance.id] }))).toEqual(['Jana Berger', 'Tim Kruse']);
    expect(names(await b.call('contacts.list', { groups: [n.alliance.id], text: 'kruse' }))).toEqual(['Tim Kruse']);
    // No group filter: everybody.
    expect((await b.call('contacts.list', {})).total).toBe(5);
  });

  it('follows a change of the organisation’s groups and the end of a position', async () => {
    const b = await openTestBackend({ now: clock });
    const n = await network(b);
    await b.call('organisations.update', { id: n.legon.id, revision: n.legon.revision, changes: { groupIds: [n.campus.id] } });
    expect(names(await b.call('contacts.list', { groups: [n.campus.id] }))).toEqual(['Kofi Asante', 'Tim Kruse']);
    const position = (await b.call('contacts.related', { id: n.tim.id })).positions.find((p) => p.position.organisationId === n.zmt.id)!.position;
    await b.call('positions.update', { id: position.id, revision: position.revision, changes: { to: '2026-06-30' } });
    expect(names(await b.call('contacts.list', { groups: [n.campus.id] }))).toEqual(['Kofi Asante']);
    expect(names(await b.call('contacts.list', { groups: [n.alliance.id] }))).toEqual(['Jana Berger']);
  });

  it('refuses more group values than a filter takes', async () => {
    const b = await openTestBackend({ now: clock });
    const err = await rejection(b.call('contacts.list', { groups: Array.from({ length: 301 }, (_, i) => `g${i}`) }));
    expect(err.code).toBe('VALIDATION');
  });
});

describe('the group filter on the case list', () => {
  it('counts a case through its client or a partner organisation in the group', async () => {
    const b = await openTestBackend({ now: clock });
    const n = await network(b);
    expect(titles(await b.call('cases.list', { groups: [n.alliance.id] }))).toEqual(['IOER seeks partners in Ghana', 'Ministry asks for coastal partners']);
    expect(titles(await b.call('cases.list', { groups: [n.campus.id] }))).toEqual(['Ministry asks for coastal partners']);
    expect(titles(await b.call('cases.list', { groups: [n.empty.id] }))).toEqual([]);
    expect((await b.call('cases.list', {})).total).toBe(3);
    // Taking the partner off the case takes the case out of the group.
    await b.call('cases.update', { id: n.byPartner.id, revision: n.byPartner.revision, changes: { partnerOrganisationIds: [n.legon.id] } });
    expect(titles(await b.call('cases.list', { groups: [n.campus.id] }))).toEqual([]);
  });
});

describe('the group filter on the trip list', () => {
  it('counts a trip through an agenda item at an organisation in the group, and follows the organisation’s groups', async () => {
    const b = await openTestBackend({ now: clock });
    const n = await network(b);
    const tripTitles = async (groups: string[]) => (await b.call('trips.list', { groups })).rows.map((t) => t.title).sort();
    expect(await tripTitles([n.campus.id])).toEqual(['Delegation to Bremen']);
    expect(await tripTitles([n.empty.id])).toEqual([]);
    expect(await tripTitles([])).toEqual(['Delegation to Accra', 'Delegation to Bremen']);
    // The University of Ghana joins the campus: the trip with a meeting there now counts too.
    await b.call('organisations.update', { id: n.legon.id, revision: n.legon.revision, changes: { groupIds: [n.campus.id] } });
    expect(await tripTitles([n.campus.id])).toEqual(['Delegation to Accra', 'Delegation to Bremen']);
  });
});

describe('groups.counts', () => {
  it('is what each list shows under the group filter', async () => {
    const b = await openTestBackend({ now: clock });
    const n = await network(b);
    for (const g of [n.alliance, n.campus, n.empty]) {
      const counts = await b.call('groups.counts', { id: g.id });
      expect(counts).toEqual({
        organisations: (await b.call('organisations.list', { groups: [g.id] })).total,
        people: (await b.call('contacts.list', { groups: [g.id] })).total,
        cooperations: (await b.call('cooperations.list', { groups: [g.id] })).total,
        cases: (await b.call('cases.list', { groups: [g.id] })).total,
        trips: (await b.call('trips.list', { groups: [g.id] })).total,
      });
    }
    // And the figures themselves (the department of IOER is not in the alliance: membership is direct).
    expect(await b.call('groups.counts', { id: n.alliance.id })).toEqual({ organisations: 2, people: 2, cooperations: 1, cases: 2, trips: 1 });
    expect(await b.call('groups.counts', { id: n.empty.id })).toEqual({ organisations: 0, people: 0, cooperations: 0, cases: 0, trips: 0 });
  });

  it('answers NOT_FOUND for a group that does not exist', async () => {
    const b = await openTestBackend({ now: clock });
    const err = await rejection(b.call('groups.counts', { id: 'no-such-group' }));
    expect(err.code).toBe('NOT_FOUND');
  });
});
