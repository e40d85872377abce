/**
 * Strategy priorities and case shortlists (issue 13 part 4, the data side of 6): the gap rules on a
 * stated fixture, the record recipe and `priorities.gaps`, the country screen's priorities, the
 * reference rules (a note leaves its priorities, an organisation or person leaves shortlists:
 * impact shown, one Undo) and `cases.saveShortlist` (revision, undo, limits).
 */
import { describe, expect, it } from 'vitest';
import { MAX_SHORTLIST } from '../../shared/features/cases/schema';
import { isActivePriority, monthsBefore, priorityCovers, priorityGaps } from '../../shared/features/priorities/rules';
import { openTestBackend, rejection } from './helpers/workspace';

const TODAY = '2026-12-06';
const now = () => new Date(`${TODAY}T12:00:00`);

describe('priority rules', () => {
  it('counts exact calendar months back', () => {
    expect(monthsBefore('2026-12-06', 18)).toBe('2025-06-06');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2024-08-31', 6)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
  });

  it('covers a country directly or through a region it lies in', () => {
    expect(priorityCovers({ country: 'GH', region: null }, 'GH')).toBe('country');
    expect(priorityCovers({ country: null, region: '202' }, 'GH')).toBe('region');
    expect(priorityCovers({ country: null, region: '202' }, 'EG')).toBeNull();
    expect(priorityCovers({ country: 'KE', region: null }, 'GH')).toBeNull();
  });

  it('is active inside its period, an open end running on', () => {
    expect(isActivePriority({ start: '2026-01-01', end: '2030-12-31' }, TODAY)).toBe(true);
    expect(isActivePriority({ start: '2027-01-01', end: null }, TODAY)).toBe(false);
    expect(isActivePriority({ start: null, end: '2026-12-05' }, TODAY)).toBe(false);
    expect(isActivePriority({ start: null, end: null }, TODAY)).toBe(true);
  });

  it('finds the gaps; a day exactly 18 months ago still counts as recent', () => {
    const none = { count: 0, last: null };
    expect(priorityGaps({ trips: none, contacts: none, cooperations: none }, TODAY)).toEqual({ noTripIn18Months: true, noContactIn18Months: true, noCooperation: true });
    expect(
      priorityGaps({ trips: { count: 1, last: '2025-06-06' }, contacts: { count: 2, last: '2025-06-05' }, cooperations: { count: 1, last: null } }, TODAY),
    ).toEqual({ noTripIn18Months: false, noContactIn18Months: true, noCooperation: false });
  });
});

/** Ghana (level 1) with a trip, a contact and a cooperation; Kenya (level 1) with nothing; Sub-Saharan Africa (level 3). */
async function fixture() {
  const b = await openTestBackend({ now });
  const note = await b.call('notes.create', { title: 'Africa strategy 2026–2030' });
  const ours = await b.call('organisations.create', { name: 'Institute for Coastal Research', kind: 'researchInstitute', country: 'DE' });
  const legon = await b.call('organisations.create', { name: 'University of Ghana', country: 'GH' });
  const nairobi = await b.call('organisations.create', { name: 'University of Nairobi', country: 'KE' });
  const ama = await b.call('contacts.create', { contact: { givenName: 'Ama', familyName: 'Owusu' }, positions: [{ organisationId: legon.id, role: 'Professor' }] });
  await b.call('contacts.create', { contact: { givenName: 'Wanjiru', familyName: 'Kamau' }, positions: [{ organisationId: nairobi.id, role: 'Dean' }] });
  await b.call('activities.create', { kind: 'meeting', date: '2026-03-02', title: 'Call with Ama', participantIds: [ama.id] });
  await b.call('trips.create', { title: 'Accra', destinations: [{ country: 'GH', city: 'Accra' }], startDate: '2025-11-10', endDate: '2025-11-14', timeZones: ['Africa/Accra'] });
  await b.call('cooperations.create', { title: 'Coastal lab', institutes: [ours.id], partners: [legon.id], status: 'running', start: '2026-02-01' });
  await b.call('cooperations.create', { title: 'Declined idea', institutes: [ours.id], partners: [nairobi.id], status: 'declined', start: '2025-01-01' });
  const ghana = await b.call('priorities.create', { title: 'Africa strategy: Ghana', country: 'GH', level: 1, start: '2026-01-01', end: '2030-12-31', goals: ['innovation', 'young scientists'], noteIds: [note.id] });
  const kenya = await b.call('priorities.create', { title: 'Africa strategy: Kenya', country: 'KE', level: 1, start: '2026-01-01', end: '2030-12-31', noteIds: [note.id] });
  const ssa = await b.call('priorities.create', { title: 'Africa strategy: Sub-Saharan Africa', region: '202', level: 3, start: '2026-01-01', end: '2030-12-31' });
  const old = await b.call('priorities.create', { title: 'Old Asia plan', region: '142', level: 2, start: '2019-01-01', end: '2022-12-31' });
  return { b, note, ours, legon, nairobi, ama, ghana, kenya, ssa, old };
}

describe('priorities by the record recipe', () => {
  it('refuses a priority with both or neither place, an end before its start, an unknown note or too many goals', async () => {
    const b = await openTestBackend({ now });
    expect((await rejection(b.call('priorities.create', { title: 'x', country: 'GH', region: '202' }))).code).toBe('VALIDATION');
    expect((await rejection(b.call('priorities.create', { title: 'x' }))).code).toBe('VALIDATION');
    expect((await rejection(b.call('priorities.create', { title: 'x', country: 'GH', start: '2026-02-01', end: '2026-01-01' }))).code).toBe('VALIDATION');
    expect((await rejection(b.call('priorities.create', { title: 'x', country: 'GH', noteIds: ['nope'] }))).fields?.noteIds).toBeDefined();
    expect((await rejection(b.call('priorities.create', { title: 'x', country: 'GH', goals: Array.from({ length: 21 }, (_, i) => `g${i}`) }))).code).toBe('VALIDATION');
    const p = await b.call('priorities.create', { title: 'Ghana', country: 'GH' });
    expect(p).toMatchObject({ level: 2, region: null, goals: [], topics: [], noteIds: [], revision: 1 });
    const edited = await b.call('priorities.update', { id: p.id, revision: 1, changes: { level: 1 } });
    expect(edited).toMatchObject({ level: 1, title: 'Ghana', revision: 2 });
    expect((await rejection(b.call('priorities.update', { id: p.id, revision: 1, changes: { level: 3 } }))).code).toBe('CONFLICT');
  });

  it('lists priorities highest level first and filters by country (a region covers its countries) and active day', async () => {
    const { b, note, ghana, kenya, ssa, old } = await fixture();
    expect((await b.call('priorities.list', {})).map((p) => p.id)).toEqual([ghana.id, kenya.id, old.id, ssa.id]);
    expect((await b.call('priorities.list', { countries: ['GH'] })).map((p) => p.id)).toEqual([ghana.id, ssa.id]);
    expect((await b.call('priorities.list', { activeOn: TODAY })).map((p) => p.id)).toEqual([ghana.id, kenya.id, ssa.id]);
    expect((await b.call('priorities.list', { text: 'kenya' })).map((p) => p.notes)).toEqual([[{ id: note.id, title: 'Africa strategy 2026–2030' }]]);
  });

  it('states the gaps of every active priority: Kenya has no trip, contact or (non-declined) cooperation; Ghana none', async () => {
    const { b, ghana, kenya, ssa } = await fixture();
    const gaps = await b.call('priorities.gaps', {});
    expect(gaps.map((g) => g.id)).toEqual([ghana.id, kenya.id, ssa.id]);
    const [gh, ke, region] = gaps;
    expect(gh!.activity).toEqual({
      trips: { count: 1, last: '2025-11-10' },
      contacts: { count: 1, last: '2026-03-02' },
      cooperations: { count: 1, last: '2026-02-01' },
      openCases: { count: 0, last: null },
    });
    expect(gh!.gaps).toEqual({ noTripIn18Months: false, noContactIn18Months: false, noCooperation: false });
    expect(ke!.activity.cooperations).toEqual({ count: 0, last: null });
    expect(ke!.gaps).toEqual({ noTripIn18Months: true, noContactIn18Months: true, noCooperation: true });
    // The region sums both countries.
    expect(region!.activity.trips.count).toBe(1);
    expect(region!.gaps.noCooperation).toBe(false);
  });

  it('shows on the country screen the priorities covering it, directly and through its region, with the activity there', async () => {
    const { b, ghana, kenya, ssa } = await fixture();
    const ke = await b.call('countries.detail', { code: 'KE' });
    expect(ke.priorities.map((p) => [p.id, p.via])).toEqual([
      [kenya.id, 'country'],
      [ssa.id, 'region'],
    ]);
    expect(ke.priorities[1]!.gaps).toEqual({ noTripIn18Months: true, noContactIn18Months: true, noCooperation: true });
    const gh = await b.call('countries.detail', { code: 'GH' });
    expect(gh.priorities[0]).toMatchObject({ id: ghana.id, goals: ['innovation', 'young scientists'], notes: [{ title: 'Africa strategy 2026–2030' }], active: true });
    expect(gh.priorities[0]!.gaps.noTripIn18Months).toBe(false);
    expect((await b.call('countries.detail', { code: 'FR' })).priorities).toEqual([]);
  });

  it('deleting a strategy note takes it off its priorities (shown in the impact) and Undo puts it back', async () => {
    const { b, note, ghana, kenya } = await fixture();
    const impact = await b.call('notes.deleteImpact', { id: note.id });
    expect(impact.unlinks).toContainEqual({ collection: 'priorities', field: 'noteIds', count: 2 });
    const current = await b.call('notes.get', { id: note.id });
    const { undoId } = await b.call('notes.delete', { id: note.id, revision: current.revision });
    expect((await b.call('priorities.get', { id: ghana.id })).noteIds).toEqual([]);
    expect((await b.call('priorities.get', { id: kenya.id })).noteIds).toEqual([]);
    await b.call('undo.apply', { undoId });
    expect((await b.call('priorities.get', { id: ghana.id })).noteIds).toEqual([note.id]);
  });
});

describe('case shortlist', () => {
  const reason = { kind: 'priorityCountry' as const, points: 15, message: { key: 'matchmaking.reasons.priorityCountry' as const, params: { country: 'GH', level: 1 } } };

  async function withCase() {
    const f = await fixture();
    const c = await f.b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-11-01', countries: ['GH'] });
    return { ...f, c };
  }

  it('replaces the shortlist, checks the revision, and one Undo puts the old list back', async () => {
    const { b, c, legon, ama } = await withCase();
    expect((await b.call('cases.get', { id: c.id })).shortlist).toEqual([]);
    const entries = [
      { collection: 'organisations' as const, id: legon.id, score: 42.5, reasons: [{ ...reason, sources: [{ collection: 'priorities' as const, id: 'p1' }] }], addedOn: TODAY },
      { collection: 'contacts' as const, id: ama.id, score: 20, reasons: [], addedOn: TODAY },
    ];
    const saved = await b.call('cases.saveShortlist', { id: c.id, revision: c.revision, entries });
    expect(saved.record.revision).toBe(c.revision + 1);
    // The reasons' sources are not kept.
    expect(saved.record.shortlist[0]!.reasons).toEqual([reason]);
    expect(saved.record.shortlist.map((e) => e.id)).toEqual([legon.id, ama.id]);
    expect((await rejection(b.call('cases.saveShortlist', { id: c.id, revision: c.revision, entries: [] }))).code).toBe('CONFLICT');
    // An ordinary edit keeps the shortlist.
    const edited = await b.call('cases.update', { id: c.id, revision: saved.record.revision, changes: { title: 'Partners in Ghana and Kenya' } });
    expect(edited.shortlist).toHaveLength(2);
    // Undo is refused once the case changed since; a fresh save's Undo works.
    expect((await rejection(b.call('undo.apply', { undoId: saved.undoId }))).code).toBe('CONFLICT');
    const second = await b.call('cases.saveShortlist', { id: c.id, revision: edited.revision, entries: entries.slice(0, 1) });
    expect(second.record.shortlist).toHaveLength(1);
    await b.call('undo.apply', { undoId: second.undoId });
    const back = await b.call('cases.get', { id: c.id });
    expect(back.shortlist.map((e) => e.id)).toEqual([legon.id, ama.id]);
    expect(back.title).toBe('Partners in Ghana and Kenya');
  });

  it('refuses unknown records, duplicates and more than the limit', async () => {
    const { b, c, legon } = await withCase();
    const entry = (id: string) => ({ collection: 'organisations' as const, id, score: 1, reasons: [], addedOn: TODAY });
    expect((await rejection(b.call('cases.saveShortlist', { id: c.id, revision: c.revision, entries: [entry('missing')] }))).code).toBe('VALIDATION');
    // A person's id is not an organisation.
    expect((await rejection(b.call('cases.saveShortlist', { id: c.id, revision: c.revision, entries: [{ ...entry(legon.id), collection: 'contacts' }] }))).code).toBe('VALIDATION');
    expect((await rejection(b.call('cases.saveShortlist', { id: c.id, revision: c.revision, entries: [entry(legon.id), entry(legon.id)] }))).code).toBe('VALIDATION');
    const many = Array.from({ length: MAX_SHORTLIST + 1 }, (_, i) => entry(`x${i}`));
    expect((await rejection(b.call('cases.saveShortlist', { id: c.id, revision: c.revision, entries: many }))).code).toBe('VALIDATION');
    expect((await b.call('cases.get', { id: c.id })).revision).toBe(c.revision);
  });

  it('deleting an organisation or a person takes them off shortlists (shown in the impact); Undo puts the entry back', async () => {
    const { b, c, legon, ama } = await withCase();
    const entries = [
      { collection: 'organisations' as const, id: legon.id, score: 40, reasons: [reason], addedOn: TODAY },
      { collection: 'contacts' as const, id: ama.id, score: 20, reasons: [], addedOn: TODAY },
    ];
    await b.call('cases.saveShortlist', { id: c.id, revision: c.revision, entries });
    expect((await b.call('organisations.deleteImpact', { id: legon.id })).unlinks).toContainEqual({ collection: 'cases', field: 'shortlist', count: 1 });
    const { undoId } = await b.call('organisations.delete', { id: legon.id, revision: (await b.call('organisations.get', { id: legon.id })).revision });
    expect((await b.call('cases.get', { id: c.id })).shortlist.map((e) => e.id)).toEqual([ama.id]);
    await b.call('undo.apply', { undoId });
    expect((await b.call('cases.get', { id: c.id })).shortlist.map((e) => e.id)).toEqual([legon.id, ama.id]);

    expect((await b.call('contacts.deleteImpact', { id: ama.id })).unlinks).toContainEqual({ collection: 'cases', field: 'shortlist', count: 1 });
    const person = await b.call('contacts.get', { id: ama.id });
    await b.call('contacts.delete', { id: ama.id, revision: person.revision });
    expect((await b.call('cases.get', { id: c.id })).shortlist.map((e) => e.id)).toEqual([legon.id]);
  });
});
