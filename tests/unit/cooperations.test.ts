/**
 * Cooperations, funding programmes and groups through the real backend on a temp folder: links
 * checked, the list's filters (status, partner country and region, topic, institute, group,
 * programme, text), the reference rules (a deleted organisation, person, case, trip, note, programme
 * or group only leaves the cooperation or organisation; the impact names it; one Undo puts it back).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Rows } from '../../shared/schemas/collection';
import { SubjectAccessExport } from '../../shared/features/exports/schema';
import { jobFile } from './helpers/jobs';
import { pdftotext, savePdf } from './helpers/poppler';
import { openTestBackend, rejection, tempDir, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

/** Two of our institutes, partners in Ghana, Kenya and Vietnam, an alliance and a campus, a programme, people and links. */
async function portfolio(b: TestBackend) {
  const alliance = await b.call('groups.create', { name: 'Research Alliance Climate', kind: 'alliance' });
  const campus = await b.call('groups.create', { name: 'ScienceCampus Coast', kind: 'campus' });
  const ioer = await b.call('organisations.create', { name: 'Institute of Ecological Research', shortName: 'IOER', kind: 'researchInstitute', country: 'DE', groupIds: [alliance.id] });
  const zmt = await b.call('organisations.create', { name: 'Centre for Tropical Marine Research', shortName: 'ZMT', kind: 'researchInstitute', country: 'DE', groupIds: [campus.id] });
  const legon = await b.call('organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH' });
  const nairobi = await b.call('organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE' });
  const hanoi = await b.call('organisations.create', { name: 'Vietnam Academy of Science and Technology', shortName: 'VAST', kind: 'researchInstitute', country: 'VN' });
  const programme = await b.call('programmes.create', { name: 'Bilateral Africa Call', funder: 'BMBF', countries: ['GH', 'KE'], topics: ['climate adaptation'], deadline: '2027-02-15', link: 'https://example.org/call' });
  const ama = await b.call('contacts.create', { contact: { givenName: 'Ama', familyName: 'Owusu' }, positions: [{ organisationId: legon.id, role: 'Professor' }] });
  const jana = await b.call('contacts.create', { contact: { givenName: 'Jana', familyName: 'Berger' }, positions: [{ organisationId: ioer.id, role: 'Head of International Affairs' }] });
  const kase = await b.call('cases.create', { title: 'Partners in Ghana for climate adaptation', openedOn: '2026-03-01' });
  const note = await b.call('notes.create', { title: 'Country strategy Ghana', countries: ['GH'] });
  const trip = await b.call('trips.create', {
    title: 'Delegation to Accra',
    destinations: [{ country: 'GH', city: 'Accra' }],
    startDate: '2027-01-10',
    endDate: '2027-01-14',
    timeZones: ['Africa/Accra'],
  });
  const ghana = await b.call('cooperations.create', {
    title: 'Coastal adaptation in West Africa',
    institutes: [ioer.id],
    partners: [legon.id],
    topics: ['climate adaptation'],
    programmeId: programme.id,
    status: 'running',
    start: '2026-01-01',
    end: '2028-12-31',
    volume: 480000,
    funder: 'BMBF',
    ourContacts: [jana.id],
    partnerContacts: [ama.id],
    caseIds: [kase.id],
    tripIds: [trip.id],
    noteIds: [note.id],
  });
  const kenya = await b.call('cooperations.create', { title: 'Mangrove monitoring', institutes: [zmt.id], partners: [nairobi.id], topics: ['oceans'], status: 'applied', instrument: 'DAAD partnership' });
  const vietnam = await b.call('cooperations.create', { title: 'AI for health in Southeast Asia', institutes: [ioer.id, zmt.id], partners: [hanoi.id], topics: ['AI', 'health'], status: 'idea' });
  return { alliance, campus, ioer, zmt, legon, nairobi, hanoi, programme, ama, jana, kase, note, trip, ghana, kenya, vietnam };
}

const titles = (r: { rows: Array<{ title: string }> }) => r.rows.map((x) => x.title).sort();

describe('cooperations', () => {
  it('are stored with every field, partner countries read from the partner organisations', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const got = await b.call('cooperations.get', { id: p.ghana.id });
    expect(got).toMatchObject({ title: 'Coastal adaptation in West Africa', institutes: [p.ioer.id], partners: [p.legon.id], programmeId: p.programme.id, status: 'running', volume: 480000, revision: 1 });
    const list = await b.call('cooperations.list', { sort: 'title', direction: 'asc' });
    expect(list.total).toBe(3);
    const row = list.rows.find((r) => r.id === p.ghana.id)!;
    expect(row).toMatchObject({ institutes: ['IOER'], partners: ['University of Ghana'], countries: ['GH'], programme: 'Bilateral Africa Call' });
    expect(list.rows.find((r) => r.id === p.kenya.id)!.programme).toBe('DAAD partnership');
    // A partner organisation moving country moves the cooperation with it.
    await b.call('organisations.update', { id: p.nairobi.id, revision: p.nairobi.revision, changes: { country: 'TZ' } });
    expect(titles(await b.call('cooperations.list', { countries: ['TZ'] }))).toEqual(['Mangrove monitoring']);

    const related = await b.call('cooperations.related', { id: p.ghana.id });
    expect(related.institutes.map((o) => [o.name, o.groups.map((g) => g.name)])).toEqual([['Institute of Ecological Research', ['Research Alliance Climate']]]);
    expect(related.partnerContacts.map((c) => c.name)).toEqual(['Ama Owusu']);
    expect(related.programme?.deadline).toBe('2027-02-15');
    expect([related.cases.length, related.trips.length, related.notes.length]).toEqual([1, 1, 1]);
  });

  it('the list filters by status, country, region, topic, institute, group, programme and text, and windows', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    expect(titles(await b.call('cooperations.list', { statuses: ['running', 'applied'] }))).toEqual(['Coastal adaptation in West Africa', 'Mangrove monitoring']);
    expect(titles(await b.call('cooperations.list', { countries: ['VN'] }))).toEqual(['AI for health in Southeast Asia']);
    // 202: Sub-Saharan Africa.
    expect(titles(await b.call('cooperations.list', { regions: ['202'] }))).toEqual(['Coastal adaptation in West Africa', 'Mangrove monitoring']);
    expect(titles(await b.call('cooperations.list', { topics: ['health'] }))).toEqual(['AI for health in Southeast Asia']);
    expect(titles(await b.call('cooperations.list', { institutes: [p.zmt.id] }))).toEqual(['AI for health in Southeast Asia', 'Mangrove monitoring']);
    expect(titles(await b.call('cooperations.list', { groups: [p.alliance.id] }))).toEqual(['AI for health in Southeast Asia', 'Coastal adaptation in West Africa']);
    expect(titles(await b.call('cooperations.list', { groups: [p.campus.id], statuses: ['applied'] }))).toEqual(['Mangrove monitoring']);
    expect(titles(await b.call('cooperations.list', { programmeIds: [p.programme.id] }))).toEqual(['Coastal adaptation in West Africa']);
    expect(titles(await b.call('cooperations.list', { organisationId: p.legon.id }))).toEqual(['Coastal adaptation in West Africa']);
    // The links back, as a person's, case's, trip's or note's page asks for them.
    for (const linked of [{ contactId: p.ama.id }, { contactId: p.jana.id }, { caseId: p.kase.id }, { tripId: p.trip.id }, { noteId: p.note.id }]) {
      expect(titles(await b.call('cooperations.list', linked)), JSON.stringify(linked)).toEqual(['Coastal adaptation in West Africa']);
    }
    expect((await b.call('cooperations.list', { caseId: p.kase.id, statuses: ['idea'] })).total).toBe(0);
    // Text finds partner names and countries in either language, folded.
    expect(titles(await b.call('cooperations.list', { text: 'vietnam' }))).toEqual(['AI for health in Southeast Asia']);
    expect(titles(await b.call('cooperations.list', { text: 'Kenia' }))).toEqual(['Mangrove monitoring']);
    const page = await b.call('cooperations.list', { sort: 'title', direction: 'asc', offset: 1, limit: 1 });
    expect([page.total, page.rows.map((r) => r.title)]).toEqual([3, ['Coastal adaptation in West Africa']]);
    const byVolume = await b.call('cooperations.list', { sort: 'volume', direction: 'desc' });
    expect(byVolume.rows[0]!.title).toBe('Coastal adaptation in West Africa');
  });

  it('refuses links to records that do not exist and an end before the start; an update changes only what it names', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const missing = await rejection(b.call('cooperations.create', { title: 'Ghost', partners: ['no-such-organisation'] }));
    expect([missing.code, missing.fields?.partners?.key]).toEqual(['VALIDATION', 'validation.unknownRecord']);
    const programme = await rejection(b.call('cooperations.create', { title: 'Ghost', programmeId: 'nope' }));
    expect(programme.fields?.programmeId?.key).toBe('validation.unknownRecord');
    const dates = await rejection(b.call('cooperations.create', { title: 'Backwards', start: '2027-01-01', end: '2026-01-01' }));
    expect(dates.fields?.end?.key).toBe('validation.endBeforeStart');
    const negative = await rejection(b.call('cooperations.create', { title: 'Negative', volume: -1 }));
    expect(negative.fields?.volume?.key).toBe('validation.tooSmall');

    const updated = await b.call('cooperations.update', { id: p.ghana.id, revision: 1, changes: { status: 'ended' } });
    expect(updated).toMatchObject({ status: 'ended', revision: 2, partners: [p.legon.id], volume: 480000, caseIds: [p.kase.id] });
    const stale = await rejection(b.call('cooperations.update', { id: p.ghana.id, revision: 1, changes: { status: 'running' } }));
    expect(stale.code).toBe('CONFLICT');
    const gone = await rejection(b.call('cooperations.update', { id: p.ghana.id, revision: 2, changes: { ourContacts: ['nobody'] } }));
    expect(gone.fields?.ourContacts?.key).toBe('validation.unknownRecord');
  });

  it('deleting a partner organisation takes it off its cooperations and nothing else; the impact says so; Undo puts it back', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const ioer = await b.call('organisations.get', { id: p.ioer.id });
    const impact = await b.call('organisations.deleteImpact', { id: ioer.id });
    expect(impact.removes).toEqual([{ collection: 'positions', count: 1 }]);
    expect(impact.unlinks).toEqual([{ collection: 'cooperations', field: 'institutes', count: 2 }]);
    const before = structuredClone(b.store.db.cooperations.toArray());
    const { undoId } = await b.call('organisations.delete', { id: ioer.id, revision: ioer.revision });
    expect(b.store.db.cooperations).toHaveLength(3);
    expect((await b.call('cooperations.get', { id: p.ghana.id })).institutes).toEqual([]);
    expect((await b.call('cooperations.get', { id: p.vietnam.id })).institutes).toEqual([p.zmt.id]);
    expect((await b.call('cooperations.get', { id: p.kenya.id })).revision).toBe(1);
    await b.call('undo.apply', { undoId });
    // Undo puts each id back into its list (at the end, as for every list reference).
    const links = (cs: typeof before) => cs.map((c) => [c.id, [...c.institutes].sort(), [...c.partners].sort()]);
    expect(links(b.store.db.cooperations.toArray())).toEqual(links(before));
    expect((await b.call('cooperations.list', { institutes: [p.ioer.id] })).total).toBe(2);
  });

  it('deleting a person, case, trip, note or programme clears only that link, shown in the impact and undone in one step', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const cases: Array<{ op: 'contacts' | 'cases' | 'trips' | 'notes' | 'programmes'; id: string; field: string }> = [
      { op: 'contacts', id: p.ama.id, field: 'partnerContacts' },
      { op: 'contacts', id: p.jana.id, field: 'ourContacts' },
      { op: 'cases', id: p.kase.id, field: 'caseIds' },
      { op: 'trips', id: p.trip.id, field: 'tripIds' },
      { op: 'notes', id: p.note.id, field: 'noteIds' },
      { op: 'programmes', id: p.programme.id, field: 'programmeId' },
    ];
    for (const c of cases) {
      const before = await b.call('cooperations.get', { id: p.ghana.id });
      const impact = await b.call(`${c.op}.deleteImpact`, { id: c.id });
      expect(impact.unlinks, c.field).toContainEqual({ collection: 'cooperations', field: c.field, count: 1 });
      const revision = (b.store.db[c.op] as Rows<{ id: string; revision: number }>).find((r) => r.id === c.id)!.revision;
      const { undoId } = await b.call(`${c.op}.delete`, { id: c.id, revision });
      const cleared = (await b.call('cooperations.get', { id: p.ghana.id })) as unknown as Record<string, unknown>;
      expect(cleared[c.field], c.field).toEqual(c.field === 'programmeId' ? null : []);
      await b.call('undo.apply', { undoId });
      const back = (await b.call('cooperations.get', { id: p.ghana.id })) as unknown as Record<string, unknown>;
      expect(back[c.field], c.field).toEqual((before as unknown as Record<string, unknown>)[c.field]);
    }
  });

  it('the palette’s search finds cooperations and programmes by their words', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const hits = (await b.call('search.global', { text: 'mangrove' })).groups.flatMap((g) => g.hits);
    expect(hits).toEqual([
      { kind: 'cooperation', id: p.kenya.id, label: 'Mangrove monitoring', detail: 'University of Nairobi', snippet: '', status: 'applied', opens: { kind: 'cooperation', id: p.kenya.id, item: null } },
    ]);
    expect((await b.call('search.global', { text: 'bilateral africa' })).groups.flatMap((g) => g.hits.map((h) => [h.kind, h.label]))).toEqual([['programme', 'Bilateral Africa Call']]);
  });

  it('a link left dangling by an Undo does not block an unrelated edit, but a new unknown link is refused', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    // Delete the cooperation, then its programme (nothing names it now), then undo the first delete.
    const { undoId } = await b.call('cooperations.delete', { id: p.ghana.id, revision: 1 });
    await b.call('programmes.delete', { id: p.programme.id, revision: 1 });
    await b.call('undo.apply', { undoId });
    const back = await b.call('cooperations.get', { id: p.ghana.id });
    expect(back.programmeId).toBe(p.programme.id);
    expect((await b.call('cooperations.related', { id: p.ghana.id })).programme).toBeNull();
    const edited = await b.call('cooperations.update', { id: back.id, revision: back.revision, changes: { status: 'ended' } });
    expect(edited.status).toBe('ended');
    const refused = await rejection(b.call('cooperations.update', { id: back.id, revision: edited.revision, changes: { caseIds: [p.kase.id, 'no-such-case'] } }));
    expect(refused.fields?.caseIds?.key).toBe('validation.unknownRecord');
  });

  it('deleting a cooperation leaves everything it names; Undo brings it back', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const impact = await b.call('cooperations.deleteImpact', { id: p.ghana.id });
    expect([impact.label, impact.removes, impact.unlinks]).toEqual(['Coastal adaptation in West Africa', [], []]);
    const { undoId } = await b.call('cooperations.delete', { id: p.ghana.id, revision: 1 });
    expect((await rejection(b.call('cooperations.get', { id: p.ghana.id }))).code).toBe('NOT_FOUND');
    expect((await b.call('organisations.list', {})).total).toBe(5);
    await b.call('undo.apply', { undoId });
    expect(await b.call('cooperations.get', { id: p.ghana.id })).toEqual(p.ghana);
  });
});

describe('groups', () => {
  it('count their organisations, filter the organisation list, and refuse unknown groups on an organisation', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    await b.call('organisations.update', { id: p.legon.id, revision: p.legon.revision, changes: { groupIds: [p.alliance.id] } });
    const groups = await b.call('groups.list', {});
    expect(groups.rows.map((g) => [g.name, g.members])).toEqual([
      ['Research Alliance Climate', 2],
      ['ScienceCampus Coast', 1],
    ]);
    expect((await b.call('groups.list', { sort: 'members', direction: 'asc' })).rows[0]!.name).toBe('ScienceCampus Coast');
    expect((await b.call('groups.list', { kinds: ['campus'] })).rows.map((g) => g.name)).toEqual(['ScienceCampus Coast']);
    const inAlliance = await b.call('organisations.list', { groups: [p.alliance.id] });
    expect(inAlliance.rows.map((o) => o.name).sort()).toEqual(['Institute of Ecological Research', 'University of Ghana']);
    expect(inAlliance.rows.every((o) => o.groupIds.includes(p.alliance.id))).toBe(true);
    expect((await b.call('groups.lookup', { text: 'campus' })).map((g) => g.name)).toEqual(['ScienceCampus Coast']);
    const refused = await rejection(b.call('organisations.update', { id: p.zmt.id, revision: p.zmt.revision, changes: { groupIds: ['no-such-group'] } }));
    expect(refused.fields?.groupIds?.key).toBe('validation.unknownRecord');
  });

  it('deleting a group takes it off its organisations only (impact counted), and Undo puts it back on them', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    const impact = await b.call('groups.deleteImpact', { id: p.alliance.id });
    expect([impact.removes, impact.unlinks]).toEqual([[], [{ collection: 'organisations', field: 'groupIds', count: 1 }]]);
    const { undoId } = await b.call('groups.delete', { id: p.alliance.id, revision: 1 });
    expect((await b.call('organisations.get', { id: p.ioer.id })).groupIds).toEqual([]);
    expect((await b.call('cooperations.list', { groups: [p.alliance.id] })).total).toBe(0);
    await b.call('undo.apply', { undoId });
    expect((await b.call('organisations.get', { id: p.ioer.id })).groupIds).toEqual([p.alliance.id]);
    expect((await b.call('cooperations.list', { groups: [p.alliance.id] })).total).toBe(2);
  });
});

describe('programmes', () => {
  it('list by deadline with how many cooperations name them, filtered by country, topic and upcoming deadline', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    await b.call('programmes.create', { name: 'Open Vietnam Programme', funder: 'DFG', countries: ['VN'], topics: ['health'] });
    await b.call('programmes.create', { name: 'Closed Call 2026', funder: 'EU', deadline: '2026-05-01' });
    const all = await b.call('programmes.list', {});
    // Ascending by deadline; no deadline last.
    expect(all.rows.map((r) => [r.name, r.cooperations])).toEqual([
      ['Closed Call 2026', 0],
      ['Bilateral Africa Call', 1],
      ['Open Vietnam Programme', 0],
    ]);
    expect((await b.call('programmes.list', { deadlineFrom: '2026-11-21' })).rows.map((r) => r.name)).toEqual(['Bilateral Africa Call']);
    expect((await b.call('programmes.list', { countries: ['VN'] })).rows.map((r) => r.name)).toEqual(['Open Vietnam Programme']);
    expect((await b.call('programmes.list', { topics: ['climate adaptation'] })).rows.map((r) => r.id)).toEqual([p.programme.id]);
    expect((await b.call('programmes.list', { text: 'bmbf' })).rows.map((r) => r.name)).toEqual(['Bilateral Africa Call']);
    expect((await b.call('programmes.lookup', { ids: [p.programme.id] })).map((r) => r.name)).toEqual(['Bilateral Africa Call']);
    // The link is kept as text; an invalid date is refused.
    expect((await b.call('programmes.get', { id: p.programme.id })).link).toBe('https://example.org/call');
    const bad = await rejection(b.call('programmes.create', { name: 'Bad date', deadline: '15.02.2027' }));
    expect(bad.fields?.deadline?.key).toBe('validation.invalidDate');
  });
});

describe('a person’s subject-access export (GDPR Art. 15)', () => {
  it('holds the cooperations that name them as a contact, with the other contact taken out and counted', async () => {
    const b = await openTestBackend({ now: clock });
    const p = await portfolio(b);
    await b.call('cooperations.create', { title: 'Unrelated cooperation', partners: [p.nairobi.id] });
    const file = await jobFile(b, (await b.call('exports.subjectAccess', { contactId: p.ama.id, language: 'en' })).jobId);
    const entries = unzipSync(file.bytes);
    const names = Object.keys(entries);
    const data = SubjectAccessExport.parse(JSON.parse(strFromU8(entries[names.find((n) => n.endsWith('.json'))!]!)));
    expect(data.cooperations).toHaveLength(1);
    expect(data.cooperations[0]).toMatchObject({ reasons: ['cooperationContact'], otherPeople: 1, record: { id: p.ghana.id, partnerContacts: [p.ama.id], ourContacts: [] } });
    const text = pdftotext(savePdf(await tempDir(), entries[names.find((n) => n.endsWith('.pdf'))!]!));
    expect(text).toContain('Coastal adaptation in West Africa');
    expect(text).toContain('contact person of the cooperation');
    expect(text).not.toContain('Unrelated cooperation');
  });
});
