/**
 * Matchmaking (shared/features/matchmaking): a small hand-made workspace whose correct ranking is
 * worked out below, reason by reason, so the function is held to numbers a reader can check by hand —
 * both directions, the records behind every reason, weights that change the order, determinism,
 * the schemas' limits, the sentences in English and German, and the real (sample) database fitting
 * the function's input as it is.
 */
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../shared/i18n';
import { createMatchPreparer, findMatches, prepareMatchWorkspace, rankMatches, reasonText, type MatchWorkspace } from '../../shared/features/matchmaking/match';
import { CHUNK, Collection } from '../../shared/schemas/collection';
import { MatchQuery, MatchResult, reasonKinds, type MatchCandidate, type MatchQueryInput, type MatchReason, type ReasonKind } from '../../shared/features/matchmaking/schema';
import { openTestBackend } from './helpers/workspace';

const TODAY = '2026-06-15';

/*
 * The fixture. Ours: two German institutes (they are the institutes of cooperations). Partners: a
 * Ghanaian university with three units (the root and two siblings), a Kenyan institute, a Vietnamese
 * academy and a Chilean centre. Priorities: Kenya (level 1), Sub-Saharan Africa (region 202, level 2),
 * Vietnam (level 1, but expired at the end of 2025).
 */
const org = (id: string, name: string, country: string | null, topics: string[], more: { parentId?: string; groupIds?: string[] } = {}) => ({
  id,
  name,
  kind: 'researchInstitute' as const,
  country,
  topics,
  parentId: more.parentId ?? null,
  groupIds: more.groupIds ?? [],
});
const person = (id: string, givenName: string, familyName: string, expertise: string[], country: string | null = null, academicTitle = '') => ({
  id,
  academicTitle,
  givenName,
  familyName,
  country,
  expertise,
});
const position = (id: string, contactId: string, organisationId: string, from: string | null, to: string | null = null, role = 'Director') => ({ id, contactId, organisationId, role, from, to });

function fixture(): MatchWorkspace {
  return {
    groups: [
      { id: 'g-alliance', name: 'Climate Alliance' },
      { id: 'g-campus', name: 'Science Campus Coast' },
    ],
    organisations: [
      org('ours1', 'Institute for Coastal Climate Research', 'DE', ['climate adaptation', 'water'], { groupIds: ['g-alliance'] }),
      org('ours2', 'Energy Systems Research Centre', 'DE', ['green hydrogen', 'energy']),
      org('p-ug', 'University of Ghana, Climate Centre', 'GH', ['Climate  Adaptation', 'water'], { parentId: 'p-ug-root', groupIds: ['g-alliance', 'g-campus'] }),
      org('p-ug-root', 'University of Ghana', 'GH', []),
      org('p-ug-eng', 'University of Ghana, School of Engineering', 'GH', ['energy'], { parentId: 'p-ug-root' }),
      org('p-kenya', 'Kenya Marine Institute', 'KE', ['water', 'marine research']),
      org('p-vn', 'Vietnam Academy of Science', 'VN', ['artificial intelligence']),
      org('p-cl', 'Chilean Energy Centre', 'CL', ['green hydrogen']),
    ],
    contacts: [
      person('jana', 'Jana', 'Weber', ['climate adaptation'], null, 'Dr.'),
      person('tom', 'Tom', 'Berg', []),
      person('ama', 'Ama', 'Owusu', ['climate adaptation'], null, 'Dr.'),
      person('kofi', 'Kofi', 'Mensah', ['energy']),
      person('wanjiru', 'Wanjiru', 'Kamau', ['water'], null, 'Prof.'),
      person('linh', 'Linh', 'Tran', ['artificial intelligence'], null, 'Dr.'),
      // Based in Germany by his own record, but his current position (in Chile) says where he is.
      person('peter', 'Peter', 'Alt', [], 'DE'),
      person('sara', 'Sara', 'Lind', ['water'], 'GH'),
      person('nobody', 'No', 'Match', ['quantum technologies'], 'SE'),
    ],
    positions: [
      position('pos-jana', 'jana', 'ours1', '2018-01-01', null, 'Head of International Office'),
      position('pos-tom', 'tom', 'ours2', '2020-01-01'),
      position('pos-ama', 'ama', 'p-ug', '2020-01-01', null, 'Director'),
      position('pos-kofi', 'kofi', 'p-ug-eng', '2021-05-01', null, 'Dean'),
      // Kofi also advises the Chilean centre: his country stays that of his first position by id (Ghana), in any order.
      position('pos-kofi-2', 'kofi', 'p-cl', '2023-01-01', null, 'Adviser'),
      position('pos-wanjiru', 'wanjiru', 'p-kenya', '2019-01-01', null, 'Senior Researcher'),
      position('pos-linh', 'linh', 'p-vn', '2022-01-01'),
      // Peter was at the Kenyan institute until the end of 2024 and is at the Chilean centre since.
      position('pos-peter-ke', 'peter', 'p-kenya', '2019-01-01', '2024-12-31'),
      position('pos-peter-cl', 'peter', 'p-cl', '2025-01-01'),
    ],
    cooperations: [
      { id: 'c1', title: 'Coastal resilience West Africa', institutes: ['ours1'], partners: ['p-ug'], topics: ['climate adaptation'], status: 'running', start: '2024-01-01', end: null },
      { id: 'c2', title: 'Hydrogen Ghana', institutes: ['ours2'], partners: ['p-ug-eng'], topics: ['green hydrogen'], status: 'funded', start: '2025-03-01', end: null },
      { id: 'c3', title: 'Chile H2 idea', institutes: ['ours2'], partners: ['p-cl'], topics: ['green hydrogen'], status: 'idea', start: null, end: null },
    ],
    priorities: [
      { id: 'prio-ke', country: 'KE', region: null, level: 1, start: '2025-01-01', end: '2027-12-31' },
      { id: 'prio-africa', country: null, region: '202', level: 2, start: null, end: null },
      { id: 'prio-vn', country: 'VN', region: null, level: 1, start: '2023-01-01', end: '2025-12-31' },
    ],
    trips: [
      {
        id: 't0',
        title: 'Mombasa coast workshop',
        destinations: [{ country: 'KE', city: 'Mombasa' }],
        startDate: '2024-05-10',
        endDate: '2024-05-12',
        members: [{ kind: 'staff', name: 'A. Berger', function: '', role: 'head' }],
      },
      {
        id: 't1',
        title: 'Delegation to Nairobi and Accra',
        destinations: [
          { country: 'KE', city: 'Nairobi' },
          { country: 'GH', city: 'Accra' },
        ],
        startDate: '2026-03-02',
        endDate: '2026-03-06',
        members: [{ kind: 'contact', contactId: 'jana', role: 'member' }],
      },
      {
        id: 't2',
        title: 'Hanoi AI dialogue',
        destinations: [{ country: 'VN', city: 'Hanoi' }],
        startDate: '2026-09-10',
        endDate: '2026-09-12',
        members: [{ kind: 'contact', contactId: 'jana', role: 'member' }],
      },
    ],
    agendaItems: [
      // Peter on the day of the workshop was still at the Kenyan institute: the institute was met there.
      { id: 'a0', tripId: 't0', date: '2024-05-10', organisationId: null, counterpartIds: ['peter'] },
      { id: 'a1', tripId: 't1', date: '2026-03-03', organisationId: 'p-kenya', counterpartIds: ['wanjiru'] },
      // No organisation named: Ama's position says the Climate Centre was met.
      { id: 'a2', tripId: 't1', date: '2026-03-05', organisationId: null, counterpartIds: ['ama'] },
      // In the future: not "met" yet.
      { id: 'a3', tripId: 't2', date: '2026-09-11', organisationId: 'p-vn', counterpartIds: ['linh'] },
    ],
    activities: [
      { id: 'act1', date: '2026-06-01', participantIds: ['wanjiru'] },
      { id: 'act2', date: '2025-01-10', participantIds: ['ama'] },
      { id: 'act3', date: '2026-07-01', participantIds: ['linh'] },
      { id: 'act4', date: '2026-05-16', participantIds: ['jana'] },
    ],
  };
}

const run = (input: Omit<MatchQueryInput, 'today'> & { today?: string }, ws = fixture()) => {
  const result = findMatches(ws, MatchQuery.parse({ today: TODAY, ...input }));
  // Every result crosses the boundary as it is: it must satisfy its own schema.
  expect(MatchResult.parse(result)).toEqual(result);
  return result;
};
const fromOurs1 = (more: Partial<MatchQueryInput> = {}) => run({ subject: { kind: 'organisation', id: 'ours1' }, direction: 'partners', ...more });
const ranking = (list: MatchCandidate[]) => list.map((c) => [c.id, c.score]);
const reasonOf = (c: MatchCandidate | undefined, kind: ReasonKind): MatchReason => {
  const r = c?.reasons.find((x) => x.kind === kind);
  if (!r) throw new Error(`${c?.id} has no ${kind} reason`);
  return r;
};
const byId = (list: MatchCandidate[], id: string) => list.find((c) => c.id === id);

describe('matchmaking: from our institute to partners', () => {
  /*
   * The ranking from the Institute for Coastal Climate Research (topics: climate adaptation, water;
   * network: Climate Alliance) with the default weights (topic 10, country 15, cooperation 25, related
   * 10, trip 12, position 8, contact 15, network 8), on 15 June 2026:
   *
   * 1. University of Ghana, Climate Centre — 79.29: both topics (20; "Climate  Adaptation" is the same
   *    tag), Ghana lies in Sub-Saharan Africa, a level-2 priority (15 × 2/3 = 10), the running
   *    cooperation c1 with us (25), met on the Nairobi/Accra trip through Ama's position there (12),
   *    last contact with Ama 521 days ago (15 × (1 − 521/730) = 4.29), the Climate Alliance (8).
   * 2. Kenya Marine Institute — 63.71: water (10), Kenya is a level-1 priority (15), met on two trips:
   *    named on the Nairobi day, and in 2024 through Peter, who worked there then (24), last contact
   *    with Wanjiru 14 days ago (15 × (1 − 14/730) = 14.71).
   * 3. University of Ghana — 20: Ghana (10), and its child the Climate Centre cooperates with us (c1, 10).
   * 4. University of Ghana, School of Engineering — 20: Ghana (10), its sibling the Climate Centre
   *    cooperates with us (10); its own cooperation c2 is with the other institute, so it does not
   *    count. Tied with 3.; "University of Ghana" sorts before it by name.
   * Not listed: the Vietnamese academy (Vietnam's priority expired, the meeting and the contact are
   * in the future) and the Chilean centre (its cooperation is with the other institute); our own
   * institutes never.
   */
  it('ranks the organisations as worked out by hand', () => {
    const result = fromOurs1();
    expect(ranking(result.organisations)).toEqual([
      ['p-ug', 79.29],
      ['p-kenya', 63.71],
      ['p-ug-root', 20],
      ['p-ug-eng', 20],
    ]);
    expect(result.totals.organisations).toBe(4);
  });

  /*
   * People (nobody who works at one of our institutes now):
   * 1. Prof. Wanjiru Kamau — 59.71: water (10), Kenya via her position (15), met on the Nairobi day
   *    (12), currently at the Kenyan institute, which fits (8), contact 14 days ago (14.71).
   * 2. Dr. Ama Owusu — 44.29: climate adaptation (10), Ghana (10), met in Accra (12), Director at the
   *    Climate Centre (8), contact 521 days ago (4.29).
   * 3. Sara Lind — 20: water (10), based in Ghana herself (10); no position.
   * 4. Kofi Mensah — 18: Ghana (10), Dean at the School of Engineering, which fits (8).
   * 5. Peter Alt — 12: met at the 2024 workshop; Chile is no priority and the Chilean centre does not fit.
   * Not listed: Dr. Jana Weber and Tom Berg (ours), Dr. Linh Tran (only future encounters), No Match.
   */
  it('ranks the people as worked out by hand', () => {
    const result = fromOurs1();
    expect(ranking(result.people)).toEqual([
      ['wanjiru', 59.71],
      ['ama', 44.29],
      ['sara', 20],
      ['kofi', 18],
      ['peter', 12],
    ]);
    expect(result.people.map((p) => p.name)).toEqual(['Prof. Wanjiru Kamau', 'Dr. Ama Owusu', 'Sara Lind', 'Kofi Mensah', 'Peter Alt']);
  });

  it('gives every reason its points, message and the records it came from', () => {
    const result = fromOurs1();
    const ug = byId(result.organisations, 'p-ug');
    expect(ug?.reasons.map((r) => [r.kind, r.points])).toEqual([
      ['earlierCooperation', 25],
      ['sharedTopics', 20],
      ['metOnTrip', 12],
      ['priorityCountry', 10],
      ['sharedNetwork', 8],
      ['recentContact', 4.29],
    ]);
    expect(reasonOf(ug, 'sharedTopics')).toEqual({
      kind: 'sharedTopics',
      points: 20,
      message: { key: 'matchmaking.reasons.sharedTopics', params: { count: 2, topics: 'climate adaptation, water' } },
      sources: [
        { collection: 'organisations', id: 'p-ug' },
        { collection: 'cooperations', id: 'c1' },
      ],
    });
    expect(reasonOf(ug, 'priorityCountry').message).toEqual({ key: 'matchmaking.reasons.priorityCountry', params: { country: 'GH', level: 2 } });
    expect(reasonOf(ug, 'priorityCountry').sources).toEqual([
      { collection: 'organisations', id: 'p-ug' },
      { collection: 'priorities', id: 'prio-africa' },
    ]);
    expect(reasonOf(ug, 'earlierCooperation').message.params).toEqual({ count: 1, title: 'Coastal resilience West Africa' });
    expect(reasonOf(ug, 'earlierCooperation').sources).toEqual([{ collection: 'cooperations', id: 'c1' }]);
    expect(reasonOf(ug, 'metOnTrip').sources).toEqual([
      { collection: 'trips', id: 't1' },
      { collection: 'agendaItems', id: 'a2' },
    ]);
    expect(reasonOf(ug, 'recentContact').message).toEqual({ key: 'matchmaking.reasons.recentContactVia', params: { date: '2025-01-10', person: 'Dr. Ama Owusu' } });
    expect(reasonOf(ug, 'recentContact').sources).toEqual([
      { collection: 'activities', id: 'act2' },
      { collection: 'contacts', id: 'ama' },
      { collection: 'positions', id: 'pos-ama' },
    ]);
    // Only the network the subject is in counts (not the Science Campus).
    expect(reasonOf(ug, 'sharedNetwork').message.params).toEqual({ count: 1, groups: 'Climate Alliance' });
    expect(reasonOf(ug, 'sharedNetwork').sources).toEqual([{ collection: 'groups', id: 'g-alliance' }]);

    const kenya = byId(result.organisations, 'p-kenya');
    // Two trips, newest first; the 2024 one counts through Peter's position on that day.
    expect(reasonOf(kenya, 'metOnTrip').message).toEqual({ key: 'matchmaking.reasons.metOnTrip', params: { count: 2, trip: 'Delegation to Nairobi and Accra' } });
    expect(reasonOf(kenya, 'metOnTrip').sources).toEqual([
      { collection: 'trips', id: 't1' },
      { collection: 'agendaItems', id: 'a1' },
      { collection: 'trips', id: 't0' },
      { collection: 'agendaItems', id: 'a0' },
    ]);
    // Kenya is a level-1 priority and lies in Sub-Saharan Africa: both records named, the strongest first.
    expect(reasonOf(kenya, 'priorityCountry').sources.map((s) => s.id)).toEqual(['p-kenya', 'prio-ke', 'prio-africa']);

    const root = byId(result.organisations, 'p-ug-root');
    expect(reasonOf(root, 'relatedPartner').message.params).toEqual({ count: 1, title: 'Coastal resilience West Africa', organisation: 'University of Ghana, Climate Centre' });
    expect(reasonOf(root, 'relatedPartner').sources).toEqual([
      { collection: 'cooperations', id: 'c1' },
      { collection: 'organisations', id: 'p-ug' },
    ]);
    expect(reasonOf(byId(result.organisations, 'p-ug-eng'), 'relatedPartner').sources.map((s) => s.id)).toEqual(['c1', 'p-ug']);

    const kofi = byId(result.people, 'kofi');
    expect(reasonOf(kofi, 'currentPosition')).toEqual({
      kind: 'currentPosition',
      points: 8,
      message: { key: 'matchmaking.reasons.currentPosition', params: { role: 'Dean', organisation: 'University of Ghana, School of Engineering' } },
      sources: [
        { collection: 'positions', id: 'pos-kofi' },
        { collection: 'organisations', id: 'p-ug-eng' },
      ],
    });
    // A person's country comes from their position when they have none of their own.
    expect(reasonOf(kofi, 'priorityCountry').sources).toEqual([
      { collection: 'positions', id: 'pos-kofi' },
      { collection: 'organisations', id: 'p-ug-eng' },
      { collection: 'priorities', id: 'prio-africa' },
    ]);
    expect(byId(result.people, 'kofi')?.country).toBe('GH');
    expect(reasonOf(byId(result.people, 'wanjiru'), 'recentContact')).toMatchObject({ points: 14.71, message: { params: { date: '2026-06-01' } }, sources: [{ collection: 'activities', id: 'act1' }] });
    expect(reasonOf(byId(result.people, 'peter'), 'metOnTrip').sources.map((s) => s.id)).toEqual(['t0', 'a0']);
    expect(byId(result.people, 'peter')?.country).toBe('CL');
    // Without a position, a person's own country counts.
    expect(reasonOf(byId(result.people, 'sara'), 'priorityCountry').sources).toEqual([
      { collection: 'contacts', id: 'sara' },
      { collection: 'priorities', id: 'prio-africa' },
    ]);
  });

  it('adds up each score from its reasons, strongest reason first', () => {
    const result = fromOurs1();
    for (const c of [...result.organisations, ...result.people]) {
      expect(c.score).toBeCloseTo(c.reasons.reduce((sum, r) => sum + r.points, 0), 6);
      expect(c.reasons.map((r) => r.points)).toEqual([...c.reasons.map((r) => r.points)].sort((a, b) => b - a));
      expect(new Set(c.reasons.map((r) => r.kind)).size).toBe(c.reasons.length);
    }
  });

  it('changes the order when the weights change, and a weight of 0 switches a reason off', () => {
    // Priorities weigh most: Kenya (level 1, full weight) overtakes Ghana (level 2, two thirds).
    const heavy = fromOurs1({ weights: { priorityCountry: 100 } });
    expect(ranking(heavy.organisations).slice(0, 2)).toEqual([
      ['p-kenya', 148.71],
      ['p-ug', 135.96],
    ]);
    expect(heavy.weights.priorityCountry).toBe(100);
    expect(heavy.weights.sharedTopics).toBe(10);

    // Without trips and contacts, Peter has nothing left and drops out, and every score shrinks by what those gave.
    const quiet = fromOurs1({ weights: { metOnTrip: 0, recentContact: 0 } });
    expect(ranking(quiet.people)).toEqual([
      ['wanjiru', 33],
      ['ama', 28],
      ['sara', 20],
      ['kofi', 18],
    ]);
    for (const c of [...quiet.organisations, ...quiet.people]) expect(c.reasons.some((r) => r.kind === 'metOnTrip' || r.kind === 'recentContact')).toBe(false);
  });

  it('takes the countries and topics of a case or an idea, with its institutes as our side', () => {
    // An idea about water in Kenya from the energy centre: Kenya is asked for (full weight) and a priority.
    const idea = run({ subject: { kind: 'idea', topics: ['water'], countries: ['KE'], instituteIds: ['ours2'] }, direction: 'partners' });
    const kenya = byId(idea.organisations, 'p-kenya');
    expect(reasonOf(kenya, 'priorityCountry')).toMatchObject({ points: 15, message: { key: 'matchmaking.reasons.requestedPriorityCountry', params: { country: 'KE', level: 1 } } });
    // The energy centre's own cooperations now count: the Chilean centre and the School of Engineering.
    expect(reasonOf(byId(idea.organisations, 'p-cl'), 'earlierCooperation')).toMatchObject({ points: 7.5, message: { params: { count: 1, title: 'Chile H2 idea' } } });
    expect(reasonOf(byId(idea.organisations, 'p-ug-eng'), 'earlierCooperation').points).toBe(25);
    // … and the Climate Centre is now only the sibling of a partner of ours.
    expect(byId(idea.organisations, 'p-ug')?.reasons.some((r) => r.kind === 'earlierCooperation')).toBe(false);
    expect(reasonOf(byId(idea.organisations, 'p-ug'), 'relatedPartner').sources.map((s) => s.id)).toEqual(['c2', 'p-ug-eng']);

    // A case names itself as the source of the countries it asks for.
    const kase = run({ subject: { kind: 'case', id: 'case-1', topics: [], countries: ['CL'], instituteIds: [] }, direction: 'partners' });
    expect(reasonOf(byId(kase.organisations, 'p-cl'), 'priorityCountry')).toMatchObject({
      points: 15,
      message: { key: 'matchmaking.reasons.requestedCountry', params: { country: 'CL' } },
      sources: [
        { collection: 'organisations', id: 'p-cl' },
        { collection: 'cases', id: 'case-1' },
      ],
    });
  });

  it('cuts the lists at the limit and still counts every candidate that scored', () => {
    const result = fromOurs1({ limit: 2 });
    expect(ranking(result.organisations)).toEqual([
      ['p-ug', 79.29],
      ['p-kenya', 63.71],
    ]);
    expect(result.people.map((p) => p.id)).toEqual(['wanjiru', 'ama']);
    expect(result.totals).toEqual({ organisations: 4, people: 5 });
    // At a tie on the cut, the name decides: "University of Ghana" before its School of Engineering.
    expect(fromOurs1({ limit: 3 }).organisations.map((o) => o.id)).toEqual(['p-ug', 'p-kenya', 'p-ug-root']);
  });
});

describe('matchmaking: from a partner back to our institutes', () => {
  /*
   * From the Climate Centre in Ghana (topics climate adaptation and water; Climate Alliance):
   * 1. Institute for Coastal Climate Research — 79.38: both topics (20), the running cooperation c1
   *    with the Centre (25), Jana from there was on the trip that met the Centre (12), last contact
   *    with Jana 30 days ago (15 × (1 − 30/730) = 14.38), the Climate Alliance (8).
   * 2. Energy Systems Research Centre — 15: a cooperation with a partner in Ghana (c2: 15 × 1/3 = 5)
   *    and that partner, the School of Engineering, is the Centre's sibling (c2 funded: 10).
   * People at our institutes: Dr. Jana Weber — 44.38 (climate adaptation 10, the trip 12, her position
   * at the first institute 8, contact 14.38); Tom Berg — 8 (his position at the second).
   */
  it('ranks our institutes and their people as worked out by hand', () => {
    const result = run({ subject: { kind: 'organisation', id: 'p-ug' }, direction: 'institutes' });
    expect(ranking(result.organisations)).toEqual([
      ['ours1', 79.38],
      ['ours2', 15],
    ]);
    expect(ranking(result.people)).toEqual([
      ['jana', 44.38],
      ['tom', 8],
    ]);
    const ours1 = byId(result.organisations, 'ours1');
    expect(reasonOf(ours1, 'metOnTrip')).toMatchObject({
      message: { key: 'matchmaking.reasons.travelledToMeet', params: { count: 1, trip: 'Delegation to Nairobi and Accra', partner: 'University of Ghana, Climate Centre' } },
      sources: [
        { collection: 'trips', id: 't1' },
        { collection: 'agendaItems', id: 'a2' },
      ],
    });
    const ours2 = byId(result.organisations, 'ours2');
    expect(reasonOf(ours2, 'priorityCountry')).toMatchObject({ points: 5, message: { key: 'matchmaking.reasons.countryExperience', params: { count: 1, country: 'GH' } }, sources: [{ collection: 'cooperations', id: 'c2' }] });
    expect(reasonOf(ours2, 'relatedPartner').sources).toEqual([
      { collection: 'cooperations', id: 'c2' },
      { collection: 'organisations', id: 'p-ug-eng' },
    ]);
    expect(reasonOf(byId(result.people, 'jana'), 'metOnTrip').message.key).toBe('matchmaking.reasons.travelledToMeet');
  });

  it('from an idea, counts trips to the countries it asks for', () => {
    const result = run({ subject: { kind: 'idea', topics: ['water'], countries: ['KE'], instituteIds: [] }, direction: 'institutes' });
    expect(reasonOf(byId(result.organisations, 'ours1'), 'metOnTrip')).toMatchObject({
      points: 12,
      message: { key: 'matchmaking.reasons.travelledTo', params: { count: 1, trip: 'Delegation to Nairobi and Accra', country: 'KE' } },
      sources: [{ collection: 'trips', id: 't1' }],
    });
  });
});

describe('matchmaking: determinism and limits', () => {
  it('gives the same answer for the same input, in whatever order the records come', () => {
    const a = fromOurs1();
    const b = fromOurs1();
    expect(b).toEqual(a);
    const ws = fixture();
    const reversed = Object.fromEntries(Object.entries(ws).map(([k, v]) => [k, [...(v as unknown[])].reverse()])) as unknown as MatchWorkspace;
    expect(run({ subject: { kind: 'organisation', id: 'ours1' }, direction: 'partners' }, reversed)).toEqual(a);
  });

  it('reads the collections as iterables only (the store may hand out chunked collections)', () => {
    const ws = fixture();
    const chunked = Object.fromEntries(
      Object.entries(ws).map(([k, v]) => {
        const items = [...(v as unknown[])];
        return [k, { *[Symbol.iterator]() { yield* items; } }];
      }),
    ) as unknown as MatchWorkspace;
    expect(run({ subject: { kind: 'organisation', id: 'ours1' }, direction: 'partners' }, chunked)).toEqual(fromOurs1());
  });

  it('ranks the same over a prepared workspace, query after query, as from scratch', () => {
    const ws = fixture();
    const prepared = prepareMatchWorkspace(ws, TODAY);
    const queries: MatchQueryInput[] = [
      { subject: { kind: 'organisation', id: 'ours1' }, direction: 'partners', today: TODAY },
      { subject: { kind: 'organisation', id: 'p-ug' }, direction: 'institutes', today: TODAY },
      { subject: { kind: 'organisation', id: 'ours1' }, direction: 'partners', today: TODAY, weights: { priorityCountry: 100, metOnTrip: 0 } },
      { subject: { kind: 'idea', topics: ['water'], countries: ['KE'], instituteIds: ['ours2'] }, direction: 'partners', today: TODAY },
      { subject: { kind: 'idea', topics: ['water'], countries: ['KE'], instituteIds: [] }, direction: 'institutes', today: TODAY },
      { subject: { kind: 'organisation', id: 'ours1' }, direction: 'partners', today: TODAY, limit: 1 },
    ];
    // Twice round: nothing one query leaves behind may change the next one's answer.
    for (const input of [...queries, ...queries]) {
      const query = MatchQuery.parse(input);
      expect(rankMatches(prepared, query)).toEqual(findMatches(ws, query));
    }
    expect(ranking(rankMatches(prepared, MatchQuery.parse(queries[0]!)).organisations)).toEqual([
      ['p-ug', 79.29],
      ['p-kenya', 63.71],
      ['p-ug-root', 20],
      ['p-ug-eng', 20],
    ]);
    // A workspace prepared for one day does not answer for another.
    expect(() => rankMatches(prepared, MatchQuery.parse({ ...queries[0]!, today: '2026-06-16' }))).toThrow(/prepared for 2026-06-15/);
  });

  it('re-reads only the edited chunk of a chunked collection, and answers as if prepared from scratch', () => {
    // Enough people, positions and timeline entries for several chunks of the store's size.
    const size = CHUNK * 2 + 100;
    const base = fixture();
    const contacts = [...base.contacts, ...Array.from({ length: size }, (_, i) => ({ id: `x${i}`, academicTitle: '', givenName: 'Given', familyName: `Family ${i}`, country: null, expertise: i % 7 ? [] : ['water'] }))];
    const positions = [...base.positions, ...Array.from({ length: size }, (_, i) => ({ id: `xp${i}`, contactId: `x${i}`, organisationId: i % 2 ? 'p-kenya' : 'p-ug', role: 'Lecturer', from: '2020-01-01', to: i % 3 ? null : '2025-12-31' }))];
    const activities = [...base.activities, ...Array.from({ length: size }, (_, i) => ({ id: `xa${i}`, date: `2026-0${1 + (i % 5)}-1${i % 10}`, participantIds: [`x${i}`, `x${(i * 7) % size}`] }))];
    const chunked = { ...base, contacts: Collection.from(contacts), positions: Collection.from(positions), activities: Collection.from(activities) };
    expect(chunked.positions.chunks.length).toBe(3);
    const preparer = createMatchPreparer();
    const query = MatchQuery.parse({ subject: { kind: 'organisation', id: 'ours1' }, direction: 'partners', today: TODAY, limit: 100 });
    const answer = (ws: MatchWorkspace) => rankMatches(preparer.prepare(ws, TODAY), query);
    expect(answer(chunked)).toEqual(findMatches({ ...base, contacts, positions, activities }, query));
    const before = preparer.counts();
    // One position moves to another organisation and one timeline entry becomes the newest: one chunk each changes, as in the store.
    const withChunk = <T,>(c: Collection<T>, at: number, change: (x: T) => T) => {
      const chunks = [...c.chunks];
      const chunk = [...chunks[1]!];
      chunk[at] = change(chunk[at]!);
      chunks[1] = chunk;
      return new Collection(chunks);
    };
    const edited = {
      ...chunked,
      positions: withChunk(chunked.positions, 17, (p) => ({ ...p, organisationId: 'p-vn' })),
      activities: withChunk(chunked.activities, 5, (a) => ({ ...a, date: '2026-06-14' })),
    };
    const result = answer(edited);
    const after = preparer.counts();
    expect(after.positionChunks - before.positionChunks).toBe(1);
    expect(after.activityChunks - before.activityChunks).toBe(1);
    expect(after.personIndex).toBe(before.personIndex);
    expect(after.trips).toBe(before.trips);
    expect(result).toEqual(findMatches({ ...base, contacts, positions: edited.positions.toArray(), activities: edited.activities.toArray() }, query));
    expect(result).not.toEqual(findMatches({ ...base, contacts, positions, activities }, query));
  });

  it('uses the date it is given, never the clock', () => {
    // A year later the Kenyan contact is older, Vietnam's priority has not come back, the Hanoi meeting has happened.
    const later = run({ subject: { kind: 'organisation', id: 'ours1' }, direction: 'partners', today: '2027-06-15' });
    expect(reasonOf(byId(later.people, 'wanjiru'), 'recentContact').points).toBe(7.21);
    expect(reasonOf(byId(later.organisations, 'p-vn'), 'metOnTrip').sources.map((s) => s.id)).toEqual(['t2', 'a3']);
  });

  it('refuses queries outside the limits', () => {
    const base = { subject: { kind: 'organisation', id: 'ours1' }, direction: 'partners', today: TODAY };
    expect(MatchQuery.safeParse(base).success).toBe(true);
    expect(MatchQuery.safeParse({ ...base, weights: { sharedTopics: 101 } }).success).toBe(false);
    expect(MatchQuery.safeParse({ ...base, weights: { metOnTrip: -1 } }).success).toBe(false);
    expect(MatchQuery.safeParse({ ...base, limit: 0 }).success).toBe(false);
    expect(MatchQuery.safeParse({ ...base, limit: 201 }).success).toBe(false);
    expect(MatchQuery.safeParse({ ...base, today: '15.06.2026' }).success).toBe(false);
    expect(MatchQuery.safeParse({ ...base, direction: 'sideways' }).success).toBe(false);
    expect(MatchQuery.safeParse({ ...base, subject: { kind: 'idea', topics: [], countries: ['XX'], instituteIds: [] } }).success).toBe(false);
    expect(MatchQuery.safeParse({ ...base, subject: { kind: 'idea', topics: Array.from({ length: 41 }, (_, i) => `t${i}`), countries: [], instituteIds: [] } }).success).toBe(false);
    // The defaults are visible: every weight filled in.
    expect(Object.keys(MatchQuery.parse(base).weights).sort()).toEqual([...reasonKinds].sort());
  });

  it('an organisation that does not exist brings no topics, cooperations or networks', () => {
    const result = run({ subject: { kind: 'organisation', id: 'missing' }, direction: 'partners' });
    // Without a subject only what does not depend on it remains: priority countries, trips, contacts.
    expect(result.organisations.flatMap((o) => o.reasons.map((r) => r.kind))).not.toContain('sharedTopics');
    expect(result.organisations.flatMap((o) => o.reasons.map((r) => r.kind))).not.toContain('sharedNetwork');
    expect(result.organisations.flatMap((o) => o.reasons.map((r) => r.kind))).not.toContain('earlierCooperation');
  });
});

describe('matchmaking: sentences', () => {
  const every = () => {
    const all = [
      ...fromOurs1().organisations,
      ...fromOurs1().people,
      ...run({ subject: { kind: 'organisation', id: 'p-ug' }, direction: 'institutes' }).organisations,
    ].flatMap((c) => c.reasons);
    // The first reason of each kind, in ranking order.
    const first = new Map<ReasonKind, MatchReason>();
    for (const r of all) if (!first.has(r.kind)) first.set(r.kind, r);
    return first;
  };

  it('the fixture produces every kind of reason', () => {
    expect([...every().keys()].sort()).toEqual([...reasonKinds].sort());
  });

  it('every reason reads as a sentence in English and German, with names for country codes', () => {
    const reasons = every();
    const expected: Record<ReasonKind, [string, string]> = {
      sharedTopics: ['2 shared topics: climate adaptation, water', '2 gemeinsame Themen: climate adaptation, water'],
      priorityCountry: ['Based in Ghana, a priority country (level 2)', 'Tätig in Ghana, einem Schwerpunktland (Stufe 2)'],
      earlierCooperation: ['Earlier cooperation: “Coastal resilience West Africa”', 'Frühere Kooperation: „Coastal resilience West Africa“'],
      relatedPartner: ['Cooperation “Coastal resilience West Africa” with the related University of Ghana, Climate Centre', 'Kooperation „Coastal resilience West Africa“ mit der verbundenen Einrichtung University of Ghana, Climate Centre'],
      metOnTrip: ['Met on the trip “Delegation to Nairobi and Accra”', 'Getroffen auf der Reise „Delegation to Nairobi and Accra“'],
      currentPosition: ['Currently Senior Researcher at Kenya Marine Institute', 'Derzeit Senior Researcher bei Kenya Marine Institute'],
      recentContact: ['Last contact on Jan 10, 2025, with Dr. Ama Owusu', 'Letzter Kontakt am 10.01.2025, mit Dr. Ama Owusu'],
      sharedNetwork: ['Shared network: Climate Alliance', 'Gemeinsames Netzwerk: Climate Alliance'],
    };
    for (const kind of reasonKinds) {
      const r = reasons.get(kind)!;
      expect([reasonText(r, 'en'), reasonText(r, 'de')], kind).toEqual(expected[kind]);
    }
  });

  it('every message key of matchmaking exists in both catalogues, and the German differs from the English', () => {
    const en = catalogues.en.matchmaking.reasons as Record<string, string>;
    const de = catalogues.de.matchmaking.reasons as Record<string, string>;
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(de[key], key).not.toBe(en[key]);
    for (const kind of reasonKinds) {
      expect(catalogues.en.matchmaking.kinds[kind]).toBeTruthy();
      expect(catalogues.de.matchmaking.kinds[kind]).not.toBe(catalogues.en.matchmaking.kinds[kind]);
    }
  });
});

describe('matchmaking over the real database', () => {
  it('takes the sample workspace as it is stored (no cooperations, priorities or groups yet)', async () => {
    const backend = await openTestBackend({ sample: true });
    const db = backend.store.db;
    // The type check is the point as much as the run: the stored collections fit MatchWorkspace unchanged.
    const ws: MatchWorkspace = { ...db, cooperations: [], priorities: [], groups: [] };
    const institute = db.organisations.find((o) => o.topics.length > 0)!;
    const result = findMatches(ws, MatchQuery.parse({ subject: { kind: 'organisation', id: institute.id }, direction: 'partners', today: TODAY }));
    expect(MatchResult.parse(result)).toEqual(result);
    expect(result.organisations.length).toBeGreaterThan(0);
    expect(result.organisations.some((o) => o.reasons.some((r) => r.kind === 'sharedTopics'))).toBe(true);
    const ids = new Set(db.organisations.map((o) => o.id));
    for (const o of result.organisations) for (const r of o.reasons) for (const s of r.sources) if (s.collection === 'organisations') expect(ids.has(s.id)).toBe(true);
  });
});
