/**
 * The dashboard's sections: the pure rules on a small fixture whose result is written out here, and
 * `dashboard.get` through the real backend on a temp folder (clock fixed), memoised per version.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../shared/features/cases/activities';
import type { CaseRecord, TaskRecord } from '../../shared/features/cases/schema';
import type { ContactRecord, PositionRecord } from '../../shared/features/contacts/schema';
import { contactCountries, positionCountries, sameCountries } from '../../shared/features/contacts/countries';
import type { CooperationRecord } from '../../shared/features/cooperations/schema';
import { activityByCountry, activityByRegion, addDays, casesByStatus, daysBetween, gdprReviewDue, myWork, priorityGapsOf, programmeDeadlines, upcomingTrips } from '../../shared/features/dashboard/rules';
import { activityByPlace } from '../../shared/features/priorities/rules';
import type { PriorityRecord } from '../../shared/features/priorities/schema';
import type { ProgrammeRecord } from '../../shared/features/programmes/schema';
import type { OrganisationRecord } from '../../shared/features/organisations/schema';
import type { TripRecord } from '../../shared/features/trips/schema';
import { Collection } from '../../shared/schemas/collection';
import { createContext } from '../../electron/backend/records/context';
import { peopleCountries } from '../../electron/backend/services/contacts/countries';
import { dashboardOf } from '../../electron/backend/services/dashboard/dashboard';
import { openTestBackend } from './helpers/workspace';

const TODAY = '2026-06-15';
const rows = <T>(items: Partial<T>[]) => Collection.from(items as T[]);

const cases = rows<CaseRecord>([
  { id: 'c1', reference: 'AC-1', title: 'Water', status: 'advising', countries: ['GH', 'KE'], openedOn: '2026-01-10' },
  { id: 'c2', reference: 'AC-2', title: 'Soil', status: 'closed', countries: ['KE'], openedOn: '2025-02-01' },
  { id: 'c3', reference: 'AC-3', title: 'Air', status: 'advising', countries: [], openedOn: '2026-07-01' },
]);
const caseById = (id: string) => cases.find((c) => c.id === id);
const tasks = rows<TaskRecord>([
  { id: 't1', caseId: 'c1', title: 'Later', dueOn: '2026-07-01', assignee: 'Anna Berg', done: false },
  { id: 't2', caseId: 'c2', title: 'Late', dueOn: '2026-06-01', assignee: 'anna berg ', done: false },
  { id: 't3', caseId: 'c1', title: 'No date', dueOn: null, assignee: 'Ben Ode', done: false },
  { id: 't4', caseId: 'c1', title: 'Done', dueOn: '2026-05-01', assignee: 'Anna Berg', done: true },
  { id: 't5', caseId: 'c3', title: 'Very late', dueOn: '2026-03-01', assignee: 'Ben Ode', done: false },
  { id: 't6', caseId: 'gone', title: 'Orphan', dueOn: '2026-01-01', assignee: '', done: false },
]);

describe('dashboard rules (fixture with today = 2026-06-15)', () => {
  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-06-15', 90)).toBe('2026-09-13');
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('my work: open tasks across cases, overdue first then by due date, undated last; filtered by assignee when one is set', () => {
    const all = myWork(tasks, caseById, null, TODAY);
    expect(all.tasks.map((t) => [t.id, t.overdue, t.caseReference])).toEqual([
      ['t5', true, 'AC-3'],
      ['t2', true, 'AC-2'],
      ['t1', false, 'AC-1'],
      ['t3', false, 'AC-1'],
    ]);
    expect([all.assignee, all.total, all.overdue]).toEqual([null, 4, 2]);
    const anna = myWork(tasks, caseById, ' Anna Berg', TODAY);
    expect(anna.tasks.map((t) => t.id)).toEqual(['t2', 't1']);
    expect([anna.assignee, anna.total, anna.overdue]).toEqual(['Anna Berg', 2, 1]);
  });

  it('upcoming trips: under way or starting within 90 days, soonest first', () => {
    const trips = rows<TripRecord>([
      { id: 'past', title: 'Past', startDate: '2026-05-01', endDate: '2026-05-05', destinations: [{ country: 'KE', city: '' }] },
      { id: 'now', title: 'Now', startDate: '2026-06-14', endDate: '2026-06-16', destinations: [{ country: 'GH', city: 'Accra' }, { country: 'GH', city: 'Kumasi' }] },
      { id: 'edge', title: 'Edge', startDate: '2026-09-13', endDate: '2026-09-20', destinations: [{ country: 'VN', city: '' }] },
      { id: 'far', title: 'Far', startDate: '2026-09-14', endDate: '2026-09-20', destinations: [{ country: 'VN', city: '' }] },
      { id: 'soon', title: 'Soon', startDate: '2026-07-01', endDate: '2026-07-03', destinations: [{ country: 'KE', city: '' }, { country: 'TZ', city: '' }] },
    ]);
    expect(upcomingTrips(trips, TODAY)).toEqual({
      total: 3,
      trips: [
        { id: 'now', title: 'Now', startDate: '2026-06-14', endDate: '2026-06-16', countries: ['GH'] },
        { id: 'soon', title: 'Soon', startDate: '2026-07-01', endDate: '2026-07-03', countries: ['KE', 'TZ'] },
        { id: 'edge', title: 'Edge', startDate: '2026-09-13', endDate: '2026-09-20', countries: ['VN'] },
      ],
    });
  });

  it('cases by status: every status in workflow order, zeros included', () => {
    expect(casesByStatus(cases)).toEqual([
      { status: 'intake', count: 0 },
      { status: 'analysis', count: 0 },
      { status: 'advising', count: 2 },
      { status: 'implementation', count: 0 },
      { status: 'onHold', count: 0 },
      { status: 'closed', count: 1 },
    ]);
  });

  it('GDPR reviews due: past or within 30 days, the longest overdue first', () => {
    const person = (id: string, givenName: string, reviewOn: string | null) =>
      ({ id, givenName, familyName: 'X', academicTitle: '', gdpr: { lawfulBasis: 'legitimateInterests', source: '', consentOn: null, reviewOn } }) as unknown as ContactRecord;
    const contacts = Collection.from([person('a', 'A', '2026-07-15'), person('b', 'B', '2026-07-16'), person('c', 'C', null), person('d', 'D', '2025-12-31'), person('e', 'E', TODAY)]);
    expect(gdprReviewDue(contacts, TODAY)).toEqual({
      total: 3,
      contacts: [
        { id: 'd', name: 'D X', reviewOn: '2025-12-31', overdue: true },
        { id: 'e', name: 'E X', reviewOn: TODAY, overdue: false },
        { id: 'a', name: 'A X', reviewOn: '2026-07-15', overdue: false },
      ],
    });
  });

  it('people are in the countries of their current positions, else in their own country', () => {
    const organisations = rows<OrganisationRecord>([{ id: 'gh', country: 'GH' }, { id: 'ke', country: 'KE' }, { id: 'none', country: null }]);
    const people = rows<ContactRecord>([
      { id: 'a', country: 'DE' },
      { id: 'b', country: null },
      { id: 'c', country: 'FR' },
      { id: 'd', country: null },
    ]);
    const positions = rows<PositionRecord>([
      { contactId: 'a', organisationId: 'gh', from: '2020-01-01', to: null },
      { contactId: 'a', organisationId: 'ke', from: null, to: '2026-06-15' },
      { contactId: 'a', organisationId: 'gh', from: null, to: null },
      { contactId: 'b', organisationId: 'ke', from: null, to: '2026-06-14' },
      { contactId: 'c', organisationId: 'none', from: null, to: null },
      { contactId: 'd', organisationId: 'gh', from: '2026-06-16', to: null },
    ]);
    const fromPositions = positionCountries(positions, organisations, TODAY);
    const all = contactCountries(people, fromPositions);
    expect([...all]).toEqual([
      ['a', ['GH', 'KE']],
      ['c', ['FR']],
    ]);
    // A recomputation that says the same of everyone is recognised as such; a move is not.
    expect(sameCountries(all, contactCountries(rows<ContactRecord>([...people]), fromPositions))).toBe(true);
    const moved = contactCountries(rows<ContactRecord>([...people].map((c) => (c.id === 'c' ? { ...c, country: 'IT' } : c))), fromPositions);
    expect(sameCountries(all, moved)).toBe(false);
    expect(sameCountries(all, contactCountries(rows<ContactRecord>([...people, { id: 'e', country: 'IT' } as ContactRecord]), fromPositions))).toBe(false);
  });

  it('activity by country and by region: counts, open cases only, last activity up to today', () => {
    const byPlace = activityByPlace(
      {
        organisations: rows<OrganisationRecord>([{ id: 'o1', country: 'GH' }, { id: 'o2', country: 'GH' }, { id: 'o3', country: null }, { id: 'o4', country: 'NG' }]),
        people: new Map([
          ['p1', ['GH']],
          ['p2', ['KE', 'GH']],
        ]),
        cases,
        trips: rows<TripRecord>([
          { id: 'tr1', startDate: '2026-03-02', destinations: [{ country: 'KE', city: 'Nairobi' }, { country: 'KE', city: 'Mombasa' }] },
          { id: 'tr2', startDate: '2026-08-01', destinations: [{ country: 'GH', city: '' }] },
        ]),
        activities: rows<ActivityRecord>([
          { id: 'a1', date: '2026-05-20', caseId: null, participantIds: ['p1'] },
          { id: 'a2', date: '2026-06-20', caseId: 'c1', participantIds: [] },
          { id: 'a3', date: '2026-04-01', caseId: 'c2', participantIds: ['p2'] },
        ]),
        // Two partners in Ghana count once there; a declined proposal not at all.
        cooperations: rows<CooperationRecord>([
          { id: 'k1', status: 'running', partners: ['o1', 'o2', 'o4'] },
          { id: 'k2', status: 'declined', partners: ['o1'] },
          { id: 'k3', status: 'idea', partners: ['o3'] },
        ]),
      },
      TODAY,
    );
    const countries = activityByCountry(byPlace);
    expect(countries).toEqual([
      { code: 'GH', organisations: 2, contacts: 2, cases: 1, trips: 1, cooperations: 1, lastActivity: '2026-05-20' },
      { code: 'KE', organisations: 0, contacts: 1, cases: 1, trips: 1, cooperations: 0, lastActivity: '2026-04-01' },
      { code: 'NG', organisations: 1, contacts: 0, cases: 0, trips: 0, cooperations: 1, lastActivity: null },
    ]);
    // Ghana and Nigeria are Western Africa (011), Kenya Eastern Africa (014). The cooperation with
    // partners in both Ghana and Nigeria is one cooperation in Western Africa.
    expect(activityByRegion(countries, byPlace)).toEqual([
      { code: '011', organisations: 3, contacts: 2, cases: 1, trips: 1, cooperations: 1, lastActivity: '2026-05-20', countries: ['GH', 'NG'] },
      { code: '014', organisations: 0, contacts: 1, cases: 1, trips: 1, cooperations: 0, lastActivity: '2026-04-01', countries: ['KE'] },
    ]);
    // From the country rows alone the region can only add them up.
    expect(activityByRegion(countries).find((r) => r.code === '011')?.cooperations).toBe(2);
  });

  it('programme deadlines: from today to 120 days ahead, soonest first, with the days left', () => {
    const programmes = rows<ProgrammeRecord>([
      { id: 'p1', name: 'Later call', funder: 'BMBF', deadline: '2026-10-13', countries: ['GH'], regions: [] },
      { id: 'p2', name: 'Passed', funder: '', deadline: '2026-06-14', countries: [], regions: [] },
      { id: 'p3', name: 'Today', funder: 'DAAD', deadline: '2026-06-15', countries: [], regions: ['002'] },
      { id: 'p4', name: 'Open programme', funder: '', deadline: null, countries: [], regions: [] },
      { id: 'p5', name: 'Too far', funder: '', deadline: '2026-10-14', countries: [], regions: [] },
    ]);
    expect(daysBetween('2026-06-15', '2026-10-13')).toBe(120);
    const d = programmeDeadlines(programmes, TODAY);
    expect(d.programmes.map((p) => [p.id, p.daysLeft])).toEqual([
      ['p3', 0],
      ['p1', 120],
    ]);
    expect(d.total).toBe(2);
  });

  it('priority gaps: active priorities with no trip or contact in 18 months or no cooperation, level first', () => {
    const byPlace = activityByPlace(
      {
        trips: rows<TripRecord>([
          { id: 'tr1', startDate: '2025-12-01', destinations: [{ country: 'GH', city: '' }] },
          { id: 'tr2', startDate: '2024-01-01', destinations: [{ country: 'KE', city: '' }] },
        ]),
        people: new Map([['p1', ['GH']]]),
        activities: rows<ActivityRecord>([{ id: 'a1', date: '2026-01-05', caseId: null, participantIds: ['p1'] }]),
        organisations: rows<OrganisationRecord>([{ id: 'o1', country: 'GH' }]),
        cooperations: rows<CooperationRecord>([{ id: 'k1', status: 'running', start: '2025-01-01', partners: ['o1'] }]),
        cases: rows<CaseRecord>([]),
      },
      TODAY,
    );
    const priorities = rows<PriorityRecord>([
      // Ghana: a trip and a contact within 18 months and a cooperation: no gap, not listed.
      { id: 'gh', title: 'Ghana', country: 'GH', region: null, level: 1, start: '2026-01-01', end: null },
      // Kenya: the last trip was 2024-01-01, nobody met, no cooperation.
      { id: 'ke', title: 'Kenya', country: 'KE', region: null, level: 2, start: null, end: null },
      // Western Africa (Ghana's region) lacks nothing either; Eastern Africa (Kenya's) has Kenya's gaps.
      { id: 'east', title: 'Eastern Africa', country: null, region: '014', level: 1, start: null, end: '2030-12-31' },
      { id: 'west', title: 'Western Africa', country: null, region: '011', level: 1, start: null, end: null },
      // Ended: not active, not counted.
      { id: 'old', title: 'Old', country: 'NG', region: null, level: 1, start: null, end: '2025-12-31' },
    ]);
    const gaps = priorityGapsOf(priorities, byPlace, TODAY);
    expect(gaps.active).toBe(4);
    expect(gaps.total).toBe(2);
    expect(gaps.priorities).toEqual([
      { id: 'east', title: 'Eastern Africa', country: null, region: '014', level: 1, noTripIn18Months: true, noContactIn18Months: true, noCooperation: true, lastTrip: '2024-01-01', lastContact: null, cooperations: 0 },
      { id: 'ke', title: 'Kenya', country: 'KE', region: null, level: 2, noTripIn18Months: true, noContactIn18Months: true, noCooperation: true, lastTrip: '2024-01-01', lastContact: null, cooperations: 0 },
    ]);
  });

  it('long lists keep the full order in their first 50: the same as sorting everything', () => {
    const many = rows<TaskRecord>(
      Array.from({ length: 400 }, (_, i) => ({ id: `t${i}`, caseId: 'c1', title: `Task ${(i * 37) % 101}`, dueOn: i % 3 === 0 ? null : `2026-0${1 + (i % 7)}-1${i % 3}`, assignee: '', done: false })),
    );
    const got = myWork(many, caseById, null, TODAY);
    const collator = new Intl.Collator('en');
    const expected = [...many]
      .sort((a, b) => (a.dueOn === b.dueOn ? 0 : a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1) || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1))
      .slice(0, 50)
      .map((t) => t.id);
    expect(got.tasks.map((t) => t.id)).toEqual(expected);
    expect(got.total).toBe(400);
    const people = rows<ContactRecord>(
      Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, givenName: `N${(i * 13) % 97}`, familyName: 'X', gdpr: { reviewOn: `2026-0${1 + (i % 6)}-0${1 + (i % 2)}` } }) as unknown as ContactRecord),
    );
    const due = gdprReviewDue(people, TODAY);
    expect(due.total).toBe(300);
    const order = [...due.contacts];
    const resorted = [...order].sort((a, b) => (a.reviewOn < b.reviewOn ? -1 : a.reviewOn > b.reviewOn ? 1 : 0) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
    expect(order).toEqual(resorted);
    expect(order).toHaveLength(50);
    // The first 50 are the 50 earliest: every one listed is no later than any left out.
    const latestListed = order[order.length - 1]!.reviewOn;
    expect([...people].filter((c) => c.gdpr.reviewOn! < latestListed).length).toBeLessThanOrEqual(50);
  });
});

describe('dashboard.get through the backend', () => {
  it('answers every section from the stored records and recomputes only after a change', async () => {
    const now = () => new Date('2026-06-15T10:00:00');
    const b = await openTestBackend({ now });
    const org = await b.call('organisations.create', { name: 'Ghana Water Institute', country: 'GH' });
    const amina = await b.call('contacts.create', {
      contact: { givenName: 'Amina', familyName: 'Mensah', gdpr: { lawfulBasis: 'legitimateInterests', source: '', consentOn: null, reviewOn: '2026-06-01' } },
      positions: [{ organisationId: org.id, role: 'Director', from: null, to: null }],
    });
    const c = await b.call('cases.create', { title: 'Water partnership', openedOn: '2026-02-01', countries: ['GH'], status: 'analysis' });
    await b.call('tasks.create', { caseId: c.id, title: 'Send the memo', dueOn: '2026-06-10' });
    await b.call('tasks.create', { caseId: c.id, title: 'Book the room', dueOn: '2026-06-20' });
    const trip = await b.call('trips.create', { title: 'Accra visit', startDate: '2026-07-01', endDate: '2026-07-04', destinations: [{ country: 'GH', city: 'Accra' }], timeZones: ['Africa/Accra'] });

    const d = await b.call('dashboard.get', {});
    expect(d.today).toBe('2026-06-15');
    expect(d.myWork.tasks.map((t) => [t.title, t.overdue, t.caseId])).toEqual([
      ['Send the memo', true, c.id],
      ['Book the room', false, c.id],
    ]);
    expect(d.upcomingTrips.trips.map((t) => t.id)).toEqual([trip.id]);
    expect(d.casesByStatus.find((s) => s.status === 'analysis')?.count).toBe(1);
    expect(d.gdprReviewDue.contacts).toEqual([{ id: amina.id, name: 'Amina Mensah', reviewOn: '2026-06-01', overdue: true }]);
    expect(d.activityByCountry).toEqual([{ code: 'GH', organisations: 1, contacts: 1, cases: 1, trips: 1, cooperations: 0, lastActivity: '2026-02-01' }]);
    expect(d.programmeDeadlines).toEqual({ programmes: [], total: 0 });
    expect(d.priorityGaps).toEqual({ priorities: [], total: 0, active: 0 });
    expect(d.activityByRegion.map((r) => [r.code, r.countries])).toEqual([['011', ['GH']]]);

    // Memoised per database version: asked again unchanged, the same objects come back (in process).
    const ctx = createContext(b.store, now);
    const again = dashboardOf(ctx);
    expect(dashboardOf(ctx).myWork).toBe(again.myWork);
    expect(dashboardOf(ctx).activityByCountry).toBe(again.activityByCountry);
    await b.call('contacts.update', { id: amina.id, revision: amina.revision, changes: { gdpr: { lawfulBasis: 'legitimateInterests', source: '', consentOn: null, reviewOn: '2027-01-01' } } });
    const after = dashboardOf(ctx);
    expect(after.gdprReviewDue.total).toBe(0);
    expect(after.myWork).toBe(again.myWork);
    // Nobody moved country: the map's counts are not recomputed.
    expect(after.activityByCountry).toBe(again.activityByCountry);
    const kenya = await b.call('organisations.create', { name: 'Kenya Soil Centre', country: 'KE' });
    const ben = await b.call('contacts.create', { contact: { givenName: 'Ben', familyName: 'Otieno' }, positions: [{ organisationId: kenya.id, role: 'Lead', from: null, to: null }] });
    const moved = dashboardOf(ctx);
    expect(moved.activityByCountry).not.toBe(again.activityByCountry);
    expect(moved.activityByCountry.find((a) => a.code === 'KE')).toMatchObject({ organisations: 1, contacts: 1 });

    // A programme with a deadline in 30 days; a level-1 priority for Kenya with nothing done there but Ben.
    const call = await b.call('programmes.create', { name: 'Climate call', funder: 'BMBF', deadline: '2026-07-15', countries: ['KE'] });
    await b.call('activities.create', { kind: 'meeting', date: '2026-06-01', title: 'First talk', participantIds: [ben.id] });
    const kePriority = await b.call('priorities.create', { title: 'Kenya roadmap', country: 'KE', level: 1, start: '2026-01-01' });
    await b.call('priorities.create', { title: 'Ghana strategy', country: 'GH', level: 2, start: '2026-01-01' });
    const withGaps = await b.call('dashboard.get', {});
    expect(withGaps.programmeDeadlines.programmes).toEqual([{ id: call.id, name: 'Climate call', funder: 'BMBF', deadline: '2026-07-15', daysLeft: 30, countries: ['KE'], regions: [] }]);
    expect(withGaps.priorityGaps.active).toBe(2);
    expect(withGaps.priorityGaps.priorities.map((p) => [p.id, p.noTripIn18Months, p.noContactIn18Months, p.noCooperation, p.lastContact])).toEqual([
      [kePriority.id, true, false, true, '2026-06-01'],
      [expect.any(String), true, true, true, null],
    ]);
    // The same gaps as the priorities service reports for each.
    const service = await b.call('priorities.gaps', {});
    expect(service.map((p) => [p.id, p.gaps.noTripIn18Months, p.gaps.noContactIn18Months, p.gaps.noCooperation])).toEqual(
      withGaps.priorityGaps.priorities.map((p) => [p.id, p.noTripIn18Months, p.noContactIn18Months, p.noCooperation]),
    );
  });
});

describe('countries.worldMap', () => {
  it('draws every country of the world (no Antarctica) with its ISO code, inside the frame', async () => {
    const b = await openTestBackend();
    const map = await b.call('countries.worldMap', {});
    const codes = new Set(map.paths.map((p) => p.code));
    for (const code of ['GH', 'KE', 'DE', 'BR', 'JP', 'US', 'RU', 'FJ']) expect(codes.has(code), code).toBe(true);
    expect(map.paths.some((p) => p.id === '010')).toBe(false);
    const numbers = map.paths.flatMap((p) => [...p.d.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0])));
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(map.width);
  });
});

describe('each person\'s countries, kept while they hold', () => {
  it('returns the same object after edits that move nobody, a new one after a move, and agrees with a full recomputation', async () => {
    const now = () => new Date('2026-06-15T10:00:00');
    const b = await openTestBackend({ now });
    const gh = await b.call('organisations.create', { name: 'Ghana Water Institute', country: 'GH' });
    const ke = await b.call('organisations.create', { name: 'Kenya Soil Centre', country: 'KE' });
    const amina = await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Mensah' }, positions: [{ organisationId: gh.id, role: 'Director', from: null, to: null }] });
    const ben = await b.call('contacts.create', { contact: { givenName: 'Ben', familyName: 'Otieno', country: 'KE' } });
    const full = () => contactCountries(b.store.db.contacts, positionCountries(b.store.db.positions, b.store.db.organisations, TODAY));
    const first = peopleCountries(b.store.db, TODAY);
    expect([...first]).toEqual([...full()]);

    // A new phone number and a new note: nobody moved, the same object.
    await b.call('contacts.update', { id: amina.id, revision: amina.revision, changes: { notes: 'Met in Accra' } });
    const benNow = await b.call('contacts.update', { id: ben.id, revision: ben.revision, changes: { phones: [{ number: '+254 1', kind: 'work' }] } });
    expect(peopleCountries(b.store.db, TODAY)).toBe(first);
    // Ben's own country changes: a new object that says so.
    await b.call('contacts.update', { id: ben.id, revision: benNow.revision, changes: { country: 'TZ' } });
    const moved = peopleCountries(b.store.db, TODAY);
    expect(moved).not.toBe(first);
    expect(moved.get(ben.id)).toEqual(['TZ']);
    expect([...moved]).toEqual([...full()]);
    // A second position in Kenya for Amina (positions change): recomputed, and she is in both.
    await b.call('positions.create', { contactId: amina.id, organisationId: ke.id, role: 'Adviser', from: null, to: null });
    const both = peopleCountries(b.store.db, TODAY);
    expect(both.get(amina.id)).toEqual(['GH', 'KE']);
    expect([...both]).toEqual([...full()]);
    // A person deleted: they are gone from the result.
    const benLatest = await b.call('contacts.get', { id: ben.id });
    await b.call('contacts.delete', { id: ben.id, revision: benLatest.revision });
    expect(peopleCountries(b.store.db, TODAY).has(ben.id)).toBe(false);
  });
});
