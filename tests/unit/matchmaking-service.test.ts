/**
 * "Find partners" through the real backend on a temp folder (matchmaking.find, matchmaking.exportPdf):
 * the subject is read from the store (organisation, case, cooperation), every reason's sources are
 * real records, the prepared indexes are reused while nothing changes and rebuilt after an edit
 * (observed through the cache, not timed), and the PDF reads back with poppler.
 */
import { describe, expect, it } from 'vitest';
import { matchWorkspaceOf, preparedCacheOf } from '../../electron/backend/services/matchmaking/prepared';
import { prepareMatchWorkspace, rankMatches, reasonText, type PreparedMatchWorkspace } from '../../shared/features/matchmaking/match';
import { defaultWeights, MatchQuery, type MatchCandidate } from '../../shared/features/matchmaking/schema';
import { translator } from '../../shared/i18n';
import type { Database } from '../../shared/schemas/database';
import { jobFile } from './helpers/jobs';
import { pdftotext, savePdf } from './helpers/poppler';
import { openTestBackend, rejection, tempDir, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');
const TODAY = '2026-11-21';

/** Our two institutes, partners in Ghana, Kenya and Vietnam, an alliance, people, a case and cooperations. */
async function portfolio(b: TestBackend) {
  const alliance = await b.call('groups.create', { name: 'Research Alliance Climate', kind: 'alliance' });
  const ioer = await b.call('organisations.create', { name: 'Institute of Ecological Research', kind: 'researchInstitute', country: 'DE', topics: ['climate adaptation', 'water'], groupIds: [alliance.id] });
  const zmt = await b.call('organisations.create', { name: 'Centre for Tropical Marine Research', kind: 'researchInstitute', country: 'DE', topics: ['oceans'] });
  const legon = await b.call('organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH', topics: ['climate adaptation'] });
  const nairobi = await b.call('organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE', topics: ['water', 'climate adaptation'], groupIds: [alliance.id] });
  const hanoi = await b.call('organisations.create', { name: 'Vietnam Academy of Science and Technology', kind: 'researchInstitute', country: 'VN', topics: ['health'] });
  const ama = await b.call('contacts.create', { contact: { givenName: 'Ama', familyName: 'Owusu', expertise: ['climate adaptation'] }, positions: [{ organisationId: legon.id, role: 'Professor' }] });
  const kase = await b.call('cases.create', { title: 'Partners in Kenya for water', openedOn: '2026-03-01', topics: ['water'], countries: ['KE'], clientId: ioer.id });
  const ghana = await b.call('cooperations.create', { title: 'Coastal adaptation in West Africa', institutes: [ioer.id], partners: [legon.id], topics: ['climate adaptation'], status: 'running', start: '2026-01-01', partnerContacts: [ama.id] });
  const kenya = await b.call('cooperations.create', { title: 'Mangrove monitoring', institutes: [zmt.id], partners: [nairobi.id], topics: ['oceans'], status: 'applied' });
  const vietnam = await b.call('cooperations.create', { title: 'AI for health in Southeast Asia', institutes: [zmt.id], partners: [hanoi.id], topics: ['health'], status: 'idea' });
  return { alliance, ioer, zmt, legon, nairobi, hanoi, ama, kase, ghana, kenya, vietnam };
}

/** Every source of every reason names a record that exists in its collection. */
function expectSourcesResolve(db: Database, candidates: readonly MatchCandidate[]) {
  let count = 0;
  for (const c of candidates)
    for (const r of c.reasons) {
      expect(r.sources.length, `${c.name}: ${r.kind} has sources`).toBeGreaterThan(0);
      for (const s of r.sources) {
        const coll = (db as unknown as Record<string, Iterable<{ id: string }>>)[s.collection];
        expect(coll, `collection ${s.collection}`).toBeDefined();
        expect([...coll!].some((x) => x.id === s.id), `${s.collection}:${s.id}`).toBe(true);
        count++;
      }
    }
  return count;
}

describe('matchmaking.find', () => {
  it('ranks partners for our institute with reasons whose sources are real records', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const r = await b.call('matchmaking.find', { subject: { kind: 'organisation', id: p.ioer.id } });
    expect(r.today).toBe(TODAY);
    expect(r.subject).toEqual({ kind: 'organisation', id: p.ioer.id, name: 'Institute of Ecological Research' });
    const names = r.organisations.map((o) => o.name);
    // Our own institutes are not partners; Ghana has shared topics and an earlier cooperation.
    expect(names).not.toContain('Institute of Ecological Research');
    expect(names).not.toContain('Centre for Tropical Marine Research');
    expect(names[0]).toBe('University of Ghana');
    const legon = r.organisations[0]!;
    const coop = legon.reasons.find((x) => x.kind === 'earlierCooperation');
    expect(coop?.sources).toContainEqual({ collection: 'cooperations', id: p.ghana.id });
    expect(reasonText(coop!, 'en')).toContain('Coastal adaptation in West Africa');
    const nairobi = r.organisations.find((o) => o.id === p.nairobi.id)!;
    expect(nairobi.reasons.find((x) => x.kind === 'sharedNetwork')?.sources).toEqual([{ collection: 'groups', id: p.alliance.id }]);
    expect(r.people.map((x) => x.id)).toContain(p.ama.id);
    expect(expectSourcesResolve(b.store.db, [...r.organisations, ...r.people])).toBeGreaterThan(3);
    // Each source is labelled once, and opens a record (the position opens its person).
    expect(r.sources).toContainEqual({ collection: 'cooperations', id: p.ghana.id, label: 'Coastal adaptation in West Africa', open: { collection: 'cooperations', id: p.ghana.id } });
    const position = r.sources.find((s) => s.collection === 'positions');
    expect(position?.open).toEqual({ collection: 'contacts', id: p.ama.id });
    expect(position?.label).toBe('Professor · University of Ghana');
    expect(r.sources.find((s) => s.collection === 'groups')).toEqual({ collection: 'groups', id: p.alliance.id, label: 'Research Alliance Climate', open: null });
    expect(new Set(r.sources.map((s) => `${s.collection}:${s.id}`)).size).toBe(r.sources.length);
  });

  it('changing a weight changes the order', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const base = await b.call('matchmaking.find', { subject: { kind: 'organisation', id: p.ioer.id } });
    expect(base.organisations[0]!.id).toBe(p.legon.id);
    const networks = await b.call('matchmaking.find', { subject: { kind: 'organisation', id: p.ioer.id }, weights: { ...defaultWeights, earlierCooperation: 0, sharedNetwork: 100 } });
    expect(networks.organisations[0]!.id).toBe(p.nairobi.id);
    expect(networks.weights.sharedNetwork).toBe(100);
  });

  it('reads a case (topics, countries, client) and a cooperation (topics, partner countries, institutes) from the store', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const byCase = await b.call('matchmaking.find', { subject: { kind: 'case', id: p.kase.id } });
    expect(byCase.subject.name).toContain('Partners in Kenya for water');
    expect(byCase.organisations[0]!.id).toBe(p.nairobi.id);
    const reasons = byCase.organisations[0]!.reasons.map((x) => x.kind);
    expect(reasons).toContain('sharedTopics');
    expect(reasons).toContain('priorityCountry'); // "a country this request is about"
    const byCoop = await b.call('matchmaking.find', { subject: { kind: 'cooperation', id: p.vietnam.id } });
    expect(byCoop.subject).toEqual({ kind: 'cooperation', id: p.vietnam.id, name: 'AI for health in Southeast Asia' });
    expect(byCoop.organisations[0]!.id).toBe(p.hanoi.id);
    expectSourcesResolve(b.store.db, [...byCase.organisations, ...byCoop.organisations]);
  });

  it('finds our institutes for a partner, and refuses an unknown subject', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const r = await b.call('matchmaking.find', { subject: { kind: 'organisation', id: p.legon.id }, direction: 'institutes' });
    expect(r.organisations.map((o) => o.id)).toEqual([p.ioer.id, ...r.organisations.slice(1).map((o) => o.id)]);
    expect(r.organisations.every((o) => o.id === p.ioer.id || o.id === p.zmt.id)).toBe(true);
    expectSourcesResolve(b.store.db, r.organisations);
    expect((await rejection(b.call('matchmaking.find', { subject: { kind: 'organisation', id: 'nope' } }))).code).toBe('NOT_FOUND');
    expect((await rejection(b.call('matchmaking.find', { subject: { kind: 'case', id: 'nope' } }))).code).toBe('NOT_FOUND');
  });

  it('keeps the prepared indexes while nothing changes, and rebuilds them after an edit', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const cache = preparedCacheOf(b.store);
    await b.call('matchmaking.find', { subject: { kind: 'organisation', id: p.ioer.id } });
    const builds = cache.builds;
    const first = cache.get(b.store.db, TODAY);
    // Another query, another weight, the other direction: the same indexes.
    await b.call('matchmaking.find', { subject: { kind: 'organisation', id: p.ioer.id }, weights: { ...defaultWeights, sharedTopics: 40 } });
    await b.call('matchmaking.find', { subject: { kind: 'organisation', id: p.legon.id }, direction: 'institutes' });
    expect(cache.builds).toBe(builds);
    expect(cache.get(b.store.db, TODAY)).toBe(first);
    // A contact edit replaces the contacts collection: the next call builds again, once, and sees the edit.
    const ama = await b.call('contacts.get', { id: p.ama.id });
    await b.call('contacts.update', { id: ama.id, revision: ama.revision, changes: { expertise: ['climate adaptation', 'water'] } });
    const after = await b.call('matchmaking.find', { subject: { kind: 'organisation', id: p.ioer.id } });
    expect(cache.builds).toBe(builds + 1);
    expect(cache.get(b.store.db, TODAY)).not.toBe(first);
    const amaNow = after.people.find((x) => x.id === p.ama.id)!;
    expect(reasonText(amaNow.reasons.find((x) => x.kind === 'sharedTopics')!, 'en')).toContain('water');
    // Another day prepares again.
    expect(cache.get(b.store.db, '2026-11-22')).not.toBe(cache.get(b.store.db, TODAY));
  });
});

/** The prepared workspace without the memos queries fill as they go (a kept workspace may have answered some). */
const withoutMemos = (p: PreparedMatchWorkspace) => ({ ...p, foldCache: null, prioritiesOfCountry: null });

/** Both directions, from an organisation and from an idea, with room for every candidate. */
const queriesOf = (p: Awaited<ReturnType<typeof portfolio>>) =>
  [
    { subject: { kind: 'organisation', id: p.ioer.id }, direction: 'partners' },
    { subject: { kind: 'organisation', id: p.legon.id }, direction: 'institutes' },
    { subject: { kind: 'idea', topics: ['water'], countries: ['KE', 'GH'], instituteIds: [p.zmt.id] }, direction: 'partners' },
    { subject: { kind: 'idea', topics: ['climate adaptation'], countries: ['GH'], instituteIds: [] }, direction: 'institutes' },
  ].map((q) => MatchQuery.parse({ ...q, today: TODAY, limit: 100 }));

/** A past trip to Ghana with our researcher, a meeting at Legon with Ama, timeline entries, a priority. */
async function travels(b: TestBackend, p: Awaited<ReturnType<typeof portfolio>>) {
  const kofi = await b.call('contacts.create', { contact: { givenName: 'Kofi', familyName: 'Mensah', expertise: ['water'] }, positions: [{ organisationId: p.ioer.id, role: 'Researcher' }] });
  const trip = await b.call('trips.create', { title: 'Delegation to Accra', destinations: [{ country: 'GH', city: 'Accra' }], startDate: '2026-10-05', endDate: '2026-10-08', timeZones: ['Africa/Accra'], members: [{ kind: 'contact', contactId: kofi.id, role: 'member' }] });
  const item = await b.call('agenda.create', { tripId: trip.id, title: 'Visit at Legon', date: '2026-10-06', start: '10:00', end: '11:00', timeZone: 'Africa/Accra', organisationId: p.legon.id, counterpartIds: [p.ama.id] });
  const call = await b.call('activities.create', { kind: 'call', date: '2026-09-01', title: 'Call with Ama', participantIds: [p.ama.id, kofi.id] });
  const priority = await b.call('priorities.create', { title: 'Ghana', country: 'GH', level: 2 });
  return { kofi, trip, item, call, priority };
}

describe('matchmaking: indexes kept in stages', () => {
  it('prepared in stages equals prepared at once after an edit to each collection it reads', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const t = await travels(b, p);
    const cache = preparedCacheOf(b.store);
    const queries = queriesOf(p);
    const check = (after: string) => {
      const db = b.store.db;
      const staged = cache.get(db, TODAY);
      const once = prepareMatchWorkspace(matchWorkspaceOf(db), TODAY);
      expect(withoutMemos(staged), after).toEqual(withoutMemos(once));
      for (const q of queries) expect(rankMatches(staged, q), after).toEqual(rankMatches(once, q));
    };
    check('the first call');
    const ama = await b.call('contacts.get', { id: p.ama.id });
    await b.call('contacts.update', { id: ama.id, revision: ama.revision, changes: { expertise: ['water', 'health'], familyName: 'Owusu-Ansah' } });
    check('a contact edit');
    const kofiNow = await b.call('contacts.get', { id: t.kofi.id });
    const position = b.store.db.positions.find((x) => x.contactId === t.kofi.id)!;
    await b.call('positions.update', { id: position.id, revision: position.revision, changes: { organisationId: p.zmt.id, from: '2025-01-01' } });
    check('a position edit');
    await b.call('positions.create', { contactId: kofiNow.id, organisationId: p.nairobi.id, role: 'Visiting scholar', from: '2026-01-01', to: null });
    check('a new position');
    await b.call('activities.update', { id: t.call.id, revision: t.call.revision, changes: { date: '2026-11-01' } });
    check('a timeline entry edit');
    await b.call('activities.create', { kind: 'meeting', date: '2026-11-20', title: 'Meeting in Nairobi', participantIds: [t.kofi.id] });
    check('a new timeline entry');
    const ghana = await b.call('cooperations.get', { id: p.ghana.id });
    await b.call('cooperations.update', { id: ghana.id, revision: ghana.revision, changes: { status: 'ended', partners: [p.legon.id, p.nairobi.id] } });
    check('a cooperation edit');
    const nairobi = await b.call('organisations.get', { id: p.nairobi.id });
    await b.call('organisations.update', { id: nairobi.id, revision: nairobi.revision, changes: { topics: ['health'], parentId: p.legon.id } });
    check('an organisation edit');
    await b.call('organisations.create', { name: 'Kwame Nkrumah University', kind: 'university', country: 'GH', topics: ['water'] });
    check('a new organisation');
    await b.call('trips.update', { id: t.trip.id, revision: t.trip.revision, changes: { startDate: '2026-10-04' } });
    check('a trip edit');
    await b.call('agenda.update', { id: t.item.id, revision: t.item.revision, changes: { organisationId: p.nairobi.id } });
    check('an agenda item edit');
    await b.call('priorities.update', { id: t.priority.id, revision: t.priority.revision, changes: { level: 1 } });
    check('a priority edit');
    const alliance = await b.call('groups.get', { id: p.alliance.id });
    await b.call('groups.update', { id: alliance.id, revision: alliance.revision, changes: { name: 'Climate Research Alliance' } });
    check('a group edit');
    await b.call('contacts.create', { contact: { givenName: 'Wanjiru', familyName: 'Kamau', expertise: ['water'] }, positions: [{ organisationId: p.nairobi.id, role: 'Lecturer' }] });
    check('a new contact');
    // Removals move the places of everyone after the removed record: every stage keyed on them is rebuilt.
    const amaToDelete = await b.call('contacts.get', { id: p.ama.id });
    await b.call('contacts.delete', { id: amaToDelete.id, revision: amaToDelete.revision });
    check('a deleted contact');
    const hanoi = await b.call('organisations.get', { id: p.hanoi.id });
    await b.call('organisations.delete', { id: hanoi.id, revision: hanoi.revision });
    check('a deleted organisation');
    check('nothing changed');
    expect(cache.get(b.store.db, '2026-11-22')).toEqual(prepareMatchWorkspace(matchWorkspaceOf(b.store.db), '2026-11-22'));
  });

  it('rebuilds only the stages that read the edited collection', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const t = await travels(b, p);
    const cache = preparedCacheOf(b.store);
    const find = () => b.call('matchmaking.find', { subject: { kind: 'organisation', id: p.ioer.id } });
    await find();
    /** What each edit rebuilt: the stages whose count went up, by how much. */
    const rebuilt = async (edit: () => Promise<unknown>) => {
      const before = cache.stages();
      await edit();
      await find();
      const after = cache.stages();
      return Object.fromEntries(Object.entries(after).filter(([k, v]) => v !== before[k as keyof typeof before]).map(([k, v]) => [k, v - before[k as keyof typeof before]]));
    };
    // A contact's fields: the people's places stay, so trips, meetings, positions and timeline entries are kept.
    const ama = await b.call('contacts.get', { id: p.ama.id });
    expect(await rebuilt(() => b.call('contacts.update', { id: ama.id, revision: ama.revision, changes: { expertise: ['water'] } }))).toEqual({ assembled: 1 });
    const position = b.store.db.positions.find((x) => x.contactId === t.kofi.id)!;
    expect(await rebuilt(() => b.call('positions.update', { id: position.id, revision: position.revision, changes: { role: 'Head of unit', to: '2026-10-01' } }))).toEqual({ positionChunks: 1, positions: 1, meetingsThrough: 1, tripsThrough: 1, lastContactsThrough: 1, assembled: 1 });
    expect(await rebuilt(() => b.call('activities.update', { id: t.call.id, revision: t.call.revision, changes: { date: '2026-10-30' } }))).toEqual({ activityChunks: 1, activities: 1, lastContactsThrough: 1, assembled: 1 });
    const ghana = await b.call('cooperations.get', { id: p.ghana.id });
    expect(await rebuilt(() => b.call('cooperations.update', { id: ghana.id, revision: ghana.revision, changes: { status: 'ended' } }))).toEqual({ cooperations: 1, assembled: 1 });
    // A new person moves the places: everything that refers to people by place is rebuilt, the cooperations are not.
    expect(await rebuilt(() => b.call('contacts.create', { contact: { givenName: 'Wanjiru', familyName: 'Kamau' } }))).toEqual({
      personIndex: 1,
      trips: 1,
      agendaItems: 1,
      activityChunks: 1,
      activities: 1,
      positionChunks: 1,
      positions: 1,
      meetingsThrough: 1,
      tripsThrough: 1,
      lastContactsThrough: 1,
      assembled: 1,
    });
    // An edit matchmaking does not read leaves everything as it was.
    expect(await rebuilt(() => b.call('cases.create', { title: 'Another case', openedOn: '2026-03-01' }))).toEqual({});
  });
});

describe('matchmaking.exportPdf', () => {
  it('prints subject, weights and the ranked lists with reasons, with the reports\' footer', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const file = await jobFile(b, (await b.call('matchmaking.exportPdf', { subject: { kind: 'organisation', id: p.ioer.id }, language: 'en', weights: { ...defaultWeights, metOnTrip: 33 } })).jobId);
    expect(file.mime).toBe('application/pdf');
    expect(file.fileName).toMatch(/^partners-Institute-of-Ecological-Research-2026-11-21\.pdf$/);
    const text = pdftotext(savePdf(await tempDir(), file.bytes)).replace(/\s+/g, ' ');
    const t = translator('en');
    expect(text).toContain('Find partners: Institute of Ecological Research');
    expect(text).toContain(t('matchmaking.kinds.metOnTrip'));
    expect(text).toMatch(/Met on a trip 33/);
    expect(text).toMatch(/1\. University of Ghana \(Ghana\) — score/);
    expect(text).toContain('Earlier cooperation: “Coastal adaptation in West Africa”');
    expect(text).toContain('Ama Owusu');
    expect(text).toContain(t('book.classification.internal').toUpperCase()); // the running marking, as on every report
    expect(text).toContain('Page 1 of 1');
  });

  it('prints in German', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const file = await jobFile(b, (await b.call('matchmaking.exportPdf', { subject: { kind: 'organisation', id: p.legon.id }, direction: 'institutes', language: 'de', classification: 'confidential' })).jobId);
    const text = pdftotext(savePdf(await tempDir(), file.bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Unsere Institute für University of Ghana');
    expect(text).toContain('Gewichte');
    expect(text).toContain('Institute of Ecological Research');
    expect(text).toContain(translator('de')('book.classification.confidential').toUpperCase());
    expect(text).toContain('Seite 1 von 1');
  });
});
