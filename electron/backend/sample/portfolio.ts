/**
 * The sample workspace's portfolio (issue 13): institutes of "our" association grouped into
 * alliances, partner organisations in about forty countries, about 150 cooperations across
 * statuses, topics and years, funding programmes with deadlines in the coming months, and an
 * Africa-strategy priority set linked to the Africa strategy note — so the dashboard and
 * matchmaking tell a story on first start. Everything is fictional and derived from the tables
 * below by index arithmetic, so the same clock and id sequence always give the same records.
 * Nigeria is a level-2 priority with partners and cooperations but no trip and no contact: the gap
 * the dashboard shows.
 */
import type { CooperationRecord, CooperationStatus } from '../../../shared/features/cooperations/schema';
import type { GroupKind, GroupRecord } from '../../../shared/features/groups/schema';
import type { OrganisationKind, OrganisationRecord } from '../../../shared/features/organisations/schema';
import type { PriorityRecord } from '../../../shared/features/priorities/schema';
import type { ProgrammeRecord } from '../../../shared/features/programmes/schema';
import type { Builder } from './records';
import { advisors, fold } from './support';

const groups: ReadonlyArray<{ key: string; name: string; kind: GroupKind; notes: string }> = [
  { key: 'group:water-climate', name: 'Research Alliance Water and Climate', kind: 'alliance', notes: 'Seven institutes; joint strategy on adaptation and water security.' },
  { key: 'group:health-tech', name: 'Research Alliance Health Technologies', kind: 'alliance', notes: 'Diagnostics, health data and digital care.' },
  { key: 'group:energy-campus', name: 'ScienceCampus Energy Transition', kind: 'campus', notes: 'Regional campus with two universities; hydrogen and storage.' },
  { key: 'group:section-environment', name: 'Section Environmental Sciences', kind: 'section', notes: '' },
  { key: 'group:africa-network', name: 'Africa Network of the Association', kind: 'network', notes: 'Institutes with partners in Sub-Saharan Africa; meets twice a year.' },
];

/** Our institutes: [key, name, short name, city, topics, groups]. */
const institutes: ReadonlyArray<readonly [string, string, string, string, readonly string[], readonly string[]]> = [
  ['inst:coastal', 'Hanseatic Institute for Coastal Systems', 'HICS', 'Kiel', ['climate adaptation', 'water', 'biodiversity'], ['group:water-climate', 'group:section-environment', 'group:africa-network']],
  ['inst:tropical-agri', 'Institute for Tropical Agriculture Potsdam', 'ITAP', 'Potsdam', ['agriculture', 'climate adaptation', 'young scientists'], ['group:water-climate', 'group:africa-network']],
  ['inst:photonics', 'Centre for Applied Photonics Jena', 'CAPJ', 'Jena', ['photonics', 'innovation'], ['group:health-tech']],
  ['inst:health-data', 'Institute for Health Data Science Leipzig', 'IHDS', 'Leipzig', ['health', 'artificial intelligence'], ['group:health-tech', 'group:africa-network']],
  ['inst:water', 'Rhine Institute for Water Research', 'RIWR', 'Koblenz', ['water', 'urbanisation'], ['group:water-climate', 'group:section-environment']],
  ['inst:energy-materials', 'Institute for Energy Materials Freiburg', 'IEMF', 'Freiburg', ['green hydrogen', 'innovation'], ['group:energy-campus']],
  ['inst:urban', 'Saxon Institute for Urban Resilience', 'SIUR', 'Dresden', ['urbanisation', 'climate adaptation'], ['group:section-environment']],
  ['inst:digital-society', 'Institute for Digital Society Bremen', 'IDSB', 'Bremen', ['artificial intelligence', 'young scientists'], ['group:energy-campus']],
];

/** Partner organisations: [country, city, name, kind]; fictional names in plausible places. */
const partners: ReadonlyArray<readonly [string, string, string, OrganisationKind]> = [
  ['GH', 'Kumasi', 'Ashanti Institute of Water and Sanitation', 'researchInstitute'],
  ['GH', 'Cape Coast', 'Coastal Ecology Centre Cape Coast', 'researchInstitute'],
  ['KE', 'Kisumu', 'Lake Basin Research Institute', 'researchInstitute'],
  ['KE', 'Nakuru', 'Rift Valley University of Agriculture', 'university'],
  ['ZA', 'Stellenbosch', 'Cape Institute for Energy Systems', 'researchInstitute'],
  ['ZA', 'Durban', 'KwaZulu Centre for Health Analytics', 'researchInstitute'],
  ['NG', 'Ibadan', 'Ibadan Institute of Tropical Crops', 'researchInstitute'],
  ['NG', 'Lagos', 'Lagos Lagoon Urban Futures Lab', 'university'],
  ['SN', 'Saint-Louis', 'Institut du Fleuve Sénégal', 'researchInstitute'],
  ['RW', 'Huye', 'Rwanda Highlands Agronomy Institute', 'researchInstitute'],
  ['TZ', 'Arusha', 'Arusha Institute for Applied Science', 'university'],
  ['UG', 'Entebbe', 'Victoria Basin Health Research Centre', 'researchInstitute'],
  ['ET', 'Bahir Dar', 'Blue Nile Water Institute', 'researchInstitute'],
  ['EG', 'Alexandria', 'Alexandria Centre for Marine Sciences', 'researchInstitute'],
  ['MA', 'Ouarzazate', 'Institut Solaire du Sud', 'researchInstitute'],
  ['BR', 'Manaus', 'Instituto Amazônico de Biodiversidade', 'researchInstitute'],
  ['AR', 'Bariloche', 'Instituto Patagónico de Energía', 'researchInstitute'],
  ['CL', 'Antofagasta', 'Centro de Hidrógeno del Desierto', 'researchInstitute'],
  ['MX', 'Mérida', 'Centro Peninsular de Salud Digital', 'researchInstitute'],
  ['CO', 'Medellín', 'Universidad Andina de Ciudades Sostenibles', 'university'],
  ['PE', 'Cusco', 'Instituto Andino del Agua', 'researchInstitute'],
  ['CA', 'Halifax', 'Atlantic Ocean Futures Institute', 'researchInstitute'],
  ['US', 'Boulder', 'Front Range Climate Data Center', 'researchInstitute'],
  ['IN', 'Pune', 'Deccan Institute of Data Science', 'researchInstitute'],
  ['IN', 'Chennai', 'Coromandel Coastal Research Centre', 'researchInstitute'],
  ['CN', 'Hangzhou', 'Hangzhou Institute of Photonic Materials', 'researchInstitute'],
  ['JP', 'Sendai', 'Tohoku Centre for Disaster Resilience', 'university'],
  ['KR', 'Daejeon', 'Daejeon Institute for Hydrogen Technology', 'researchInstitute'],
  ['VN', 'Can Tho', 'Mekong Delta Climate Institute', 'researchInstitute'],
  ['TH', 'Chiang Mai', 'Northern Thailand Agro-Innovation Centre', 'researchInstitute'],
  ['ID', 'Bandung', 'Bandung Institute for Urban Systems', 'university'],
  ['MY', 'Kuching', 'Borneo Biodiversity Research Centre', 'researchInstitute'],
  ['SG', 'Singapore', 'Straits Centre for AI in Health', 'researchInstitute'],
  ['PH', 'Los Baños', 'Laguna Institute of Rice and Climate', 'researchInstitute'],
  ['AU', 'Townsville', 'Coral Coast Marine Institute', 'researchInstitute'],
  ['NZ', 'Dunedin', 'Southern Alps Water Research Centre', 'researchInstitute'],
  ['FR', 'Grenoble', 'Institut Alpin des Matériaux', 'researchInstitute'],
  ['NL', 'Delft', 'Delta Works Knowledge Institute', 'researchInstitute'],
  ['PL', 'Gdańsk', 'Baltic Institute of Coastal Engineering', 'university'],
  ['CZ', 'Brno', 'Moravian Centre for Health Informatics', 'researchInstitute'],
  ['IT', 'Trieste', 'Adriatic Institute for Photonics', 'researchInstitute'],
  ['ES', 'Almería', 'Centro Solar de Andalucía Oriental', 'researchInstitute'],
  ['SE', 'Umeå', 'Norrland Institute for Energy Storage', 'researchInstitute'],
  ['FI', 'Oulu', 'Arctic Institute for Digital Health', 'university'],
  ['GR', 'Heraklion', 'Cretan Centre for Water Security', 'researchInstitute'],
  ['TR', 'Izmir', 'Aegean Institute of Agricultural Research', 'researchInstitute'],
  ['JO', 'Irbid', 'Yarmouk Water Innovation Centre', 'researchInstitute'],
  ['IL', 'Be’er Sheva', 'Negev Institute for Arid Lands', 'researchInstitute'],
];

const topicPool = ['climate adaptation', 'water', 'health', 'artificial intelligence', 'green hydrogen', 'agriculture', 'urbanisation', 'biodiversity', 'photonics', 'young scientists', 'innovation'] as const;
const titleForms = ['Joint laboratory on {t}', '{t} research network', 'Doctoral exchange on {t}', 'Pilot study: {t}', 'Field campaign on {t}', 'Summer school on {t}'] as const;
/** Twenty statuses cycled through: most cooperations run or have ended, a few are ideas or declined. */
const statusCycle: readonly CooperationStatus[] = [
  'running', 'ended', 'running', 'applied', 'funded', 'ended', 'idea', 'running', 'preparation', 'ended',
  'running', 'declined', 'funded', 'ended', 'running', 'applied', 'ended', 'preparation', 'running', 'idea',
];

/** Programmes: [name, funder, countries, regions, topics, deadline in days from today]. */
const programmes: ReadonlyArray<readonly [string, string, readonly string[], readonly string[], readonly string[], number | null]> = [
  ['German–African Innovation Partnerships', 'Federal research ministry', ['GH', 'KE', 'ZA', 'NG', 'SN', 'RW'], ['202'], ['innovation', 'young scientists'], 24],
  ['Climate Adaptation Research in West Africa', 'Federal research ministry', ['GH', 'SN', 'NG'], ['011'], ['climate adaptation', 'water'], 47],
  ['Green Hydrogen Partnerships', 'Federal research ministry', ['CL', 'MA', 'ZA', 'AU'], [], ['green hydrogen'], 71],
  ['Southeast Asia Health Data Call', 'Association strategy fund', ['VN', 'TH', 'ID', 'MY', 'SG', 'PH'], ['035'], ['health', 'artificial intelligence'], 33],
  ['Young Scientists Mobility Programme', 'Academic exchange service', [], ['002', '419'], ['young scientists'], 98],
  ['Water Security Joint Calls', 'European partnership', ['JO', 'GR', 'ES', 'EG', 'IL'], ['145'], ['water'], 125],
  ['Photonics Bilateral Projects', 'Federal research ministry', ['CN', 'KR', 'JP', 'IT'], [], ['photonics', 'innovation'], 152],
  ['Urban Futures Latin America', 'Association strategy fund', ['BR', 'CO', 'MX', 'PE', 'AR'], ['419'], ['urbanisation', 'climate adaptation'], 180],
];

/** Stories' cases about one of the calls above (by its place in the table): the case screen shows it, the programme lists the case. */
const caseProgrammes: ReadonlyArray<readonly [string, number]> = [
  ['case:ghana-climate', 1],
  ['case:chile-h2', 2],
  ['case:za-electrolyser', 2],
  ['case:vietnam-ai', 3],
  ['case:ghana-exchange', 4],
  ['case:jordan-water', 5],
];

/** The programme each of those cases names, by id (the programmes are built last, so the link is set afterwards). */
export function programmeOfCase({ keys }: Pick<Builder, 'keys'>): ReadonlyMap<string, string> {
  return new Map(caseProgrammes.map(([key, i]) => [keys.id(key), keys.id(`programme:${i}`)]));
}

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slug = (s: string) => fold(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function buildPortfolio({ clock, keys }: Builder) {
  // Keys first, in table order, after every key of the other tables.
  for (const g of groups) keys.declare(g.key);
  for (const [key] of institutes) keys.declare(key);
  partners.forEach((_, i) => keys.declare(`partner:${i}`));
  programmes.forEach((_, i) => keys.declare(`programme:${i}`));
  const created = clock.at(-400, 9, 0);
  const meta = (key: string, offset = -400) => ({ id: keys.id(key), createdAt: clock.at(offset, 9, 0), updatedAt: clock.at(offset, 9, 0), revision: 1 });

  const groupRecords: GroupRecord[] = groups.map((g) => ({ ...meta(g.key), name: g.name, kind: g.kind, notes: g.notes }));

  const org = (key: string, name: string, short: string, country: string, city: string, kind: OrganisationKind, topics: readonly string[], groupIds: readonly string[]): OrganisationRecord => ({
    ...meta(key),
    name,
    shortName: short,
    kind,
    country,
    city,
    website: `https://www.${slug(short || name)}.example`,
    topics: [...topics],
    parentId: null,
    owner: advisors[(name.length + country.charCodeAt(0)) % advisors.length]!,
    groupIds: keys.all(groupIds),
    notes: '',
  });
  const instituteRecords = institutes.map(([key, name, short, city, topics, gs]) => org(key, name, short, 'DE', city, 'researchInstitute', topics, gs));
  const partnerRecords = partners.map(([country, city, name, kind], i) => org(`partner:${i}`, name, '', country, city, kind, [topicPool[i % topicPool.length]!, topicPool[(i * 5 + 2) % topicPool.length]!], []));

  const programmeRecords: ProgrammeRecord[] = programmes.map(([name, funder, countries, regions, topics, deadline], i) => ({
    ...meta(`programme:${i}`, -200 + i * 9),
    name,
    funder,
    countries: [...countries],
    regions: [...regions],
    topics: [...topics],
    deadline: deadline === null ? null : clock.day(deadline),
    link: `https://calls.example/${slug(name)}`,
    notes: '',
  }));

  const cooperations: CooperationRecord[] = Array.from({ length: 150 }, (_, i) => {
    const status = statusCycle[i % statusCycle.length]!;
    const [instKey, , instShort, , instTopics] = institutes[i % institutes.length]!;
    const p = (i * 7 + Math.floor(i / partners.length)) % partners.length;
    const second = i % 5 === 0 ? (p + 11) % partners.length : null;
    const topic = i % 3 === 0 ? instTopics[0]! : topicPool[(i * 3 + 1) % topicPool.length]!;
    const topics = [...new Set([topic, topicPool[(i + 4) % topicPool.length]!])];
    // Spread over the last eight years; ideas and proposals start in the coming months.
    const planned = status === 'idea' || status === 'preparation' || status === 'applied';
    const length = 365 * (2 + (i % 3));
    const current = status === 'running' || status === 'funded';
    const startOffset = planned ? 30 + ((i * 13) % 240) : current ? -((i * 53) % (length - 60)) - 30 : -((i * 53) % 2900) - 30;
    const ended = status === 'ended' || status === 'declined';
    const startDay = status === 'idea' ? null : clock.day(ended ? Math.min(startOffset, -length - 20) : startOffset);
    const endDay = startDay === null ? null : clock.day((ended ? Math.min(startOffset, -length - 20) : startOffset) + length);
    const programme = i % 4 === 0 ? keys.id(`programme:${i % programmes.length}`) : null;
    const [, city] = partners[p]!;
    const stamp = clock.at(Math.min(-1, startOffset), 10, i % 60);
    return {
      id: keys.declare(`cooperation:${i}`),
      createdAt: stamp < created ? stamp : created,
      updatedAt: stamp < created ? created : stamp,
      revision: 1,
      title: `${titleCase(titleForms[i % titleForms.length]!.replace('{t}', topic))} — ${instShort} & ${city}`,
      institutes: [keys.id(instKey)],
      partners: [keys.id(`partner:${p}`), ...(second === null ? [] : [keys.id(`partner:${second}`)])],
      topics,
      programmeId: programme,
      instrument: programme ? '' : ['Bilateral project', 'Institute funds (opt-in)', 'Exchange grant', 'EU collaborative project'][i % 4]!,
      status,
      start: startDay,
      end: endDay,
      volume: status === 'idea' || status === 'declined' ? null : ((i % 9) + 1) * 85_000,
      funder: programme ? '' : ['Federal research ministry', 'Association strategy fund', 'Academic exchange service', 'European Commission'][i % 4]!,
      ourContacts: [],
      partnerContacts: [],
      caseIds: [],
      tripIds: [],
      noteIds: [],
      notes: '',
    };
  });

  const start = clock.fill('{year}-01-01');
  const end = clock.fill('{year+4}-12-31');
  const strategy = keys.id('note:africa-strategy');
  const africa = (key: string, title: string, place: { country: string | null; region: string | null }, level: 1 | 2 | 3, goals: string[], topics: string[]): PriorityRecord => ({
    id: keys.declare(key),
    createdAt: clock.at(-120, 11, 0),
    updatedAt: clock.at(-120, 11, 0),
    revision: 1,
    title: clock.fill(title),
    ...place,
    level,
    start,
    end,
    goals,
    topics,
    noteIds: [strategy],
  });
  const priorities: PriorityRecord[] = [
    africa('priority:ghana', 'Africa strategy {year}–{year+4}: Ghana', { country: 'GH', region: null }, 1, ['Innovation partnerships with universities', 'Young scientists: joint doctoral training'], ['innovation', 'young scientists', 'climate adaptation']),
    africa('priority:kenya', 'Africa strategy {year}–{year+4}: Kenya', { country: 'KE', region: null }, 1, ['Innovation partnerships with universities', 'Young scientists: joint doctoral training'], ['innovation', 'young scientists', 'agriculture']),
    africa('priority:south-africa', 'Africa strategy {year}–{year+4}: South Africa', { country: 'ZA', region: null }, 2, ['Green hydrogen and energy systems'], ['green hydrogen', 'innovation']),
    africa('priority:nigeria', 'Africa strategy {year}–{year+4}: Nigeria', { country: 'NG', region: null }, 2, ['Urban futures and food security', 'A first delegation visit'], ['urbanisation', 'agriculture']),
    africa('priority:sub-saharan', 'Africa strategy {year}–{year+4}: Sub-Saharan Africa', { country: null, region: '202' }, 3, ['Mobility of young scientists'], ['young scientists']),
  ];

  return { organisations: [...instituteRecords, ...partnerRecords], groups: groupRecords, programmes: programmeRecords, cooperations, priorities };
}
