import type { AgendaItemRecord, TripRecord } from '../../../shared/features/trips/schema';
import { bookSections } from '../../../shared/features/trips/schema';
import { markup } from './markup';
import type { Builder } from './records';

/**
 * The sample delegation: the Director-General to Nairobi and Accra in five weeks, six meetings
 * with counterparts from the sample people, so a new user can export a full briefing book at once.
 */
interface ItemSeed {
  day: number;
  start: string;
  end: string;
  city: 'Nairobi' | 'Accra';
  kind: AgendaItemRecord['kind'];
  title: string;
  place: string;
  org?: string;
  with?: string[];
  objectives?: string;
  points?: string;
  preparation?: string;
  cases?: string[];
}

const zone = { Nairobi: 'Africa/Nairobi', Accra: 'Africa/Accra' } as const;

const items: ItemSeed[] = [
  { day: 0, start: '21:40', end: '23:55', city: 'Nairobi', kind: 'travel', title: 'Arrival in Nairobi (flight from Frankfurt)', place: 'Jomo Kenyatta International Airport' },
  {
    day: 1,
    start: '08:30',
    end: '09:30',
    city: 'Nairobi',
    kind: 'internal',
    title: 'Briefing at the embassy',
    place: 'German Embassy Nairobi, Riverside Drive',
    org: 'org:emb-nairobi-sci',
    with: ['person:jonas-albrecht', 'person:grace-wambui'],
    objectives: 'Latest political context; programme walk-through; security briefing.',
    preparation: 'Ask the embassy about the status of the visa facilitation for young researchers.',
  },
  {
    day: 1,
    start: '10:30',
    end: '12:00',
    city: 'Nairobi',
    kind: 'meeting',
    title: 'East African Institute for Drylands Research',
    place: 'Institute campus, Karen, Nairobi',
    org: 'org:ke-drylands',
    with: ['person:joseph-mwangi', 'person:halima-abdi'],
    objectives: 'Agree the outline of a joint drylands research network and the role of young scientists in it.',
    points: `
      ## Our position
      - The ministry supports a **network**, not a single bilateral project.
      - Young scientists get *one third* of the places in the exchange.
      ## Questions to ask
      1. Which Kenyan partners beyond the institute should join?
      2. Is co-funding from the Kenyan side realistic for {year+1}?
    `,
    preparation: 'Budget ceiling for the network is 2.4 million over four years — do not mention figures.',
    cases: ['case:kenya-drylands'],
  },
  {
    day: 1,
    start: '14:30',
    end: '16:00',
    city: 'Nairobi',
    kind: 'siteVisit',
    title: 'Rift Valley University of Technology: water laboratory',
    place: 'Nakuru campus (car from Nairobi, 2.5 h)',
    org: 'org:ke-riftvalley',
    with: ['person:peter-kiprono', 'person:faith-chebet'],
    objectives: 'See the water engineering laboratory; discuss doctoral co-supervision.',
    points: `
      - Thank the university for hosting the {year-1} summer school.
      - Joint supervision of doctoral candidates as the **core** of the cooperation.
    `,
    cases: ['case:kenya-drylands'],
  },
  {
    day: 1,
    start: '19:00',
    end: '21:00',
    city: 'Nairobi',
    kind: 'reception',
    title: 'Reception for alumni of the young scientists exchange',
    place: 'Residence of the Ambassador',
    org: 'org:emb-nairobi',
    with: ['person:thomas-reuter', 'person:brian-omondi'],
    objectives: 'Meet alumni; collect stories for the Africa award communication.',
  },
  { day: 2, start: '10:15', end: '17:15', city: 'Nairobi', kind: 'travel', title: 'Flight Nairobi – Accra (arrives 14:15 Accra time)', place: 'Jomo Kenyatta International Airport' },
  {
    day: 3,
    start: '09:00',
    end: '10:30',
    city: 'Accra',
    kind: 'meeting',
    title: 'Ministry of Research, Innovation and Digitalisation',
    place: 'Ministries area, Accra',
    org: 'org:gh-ministry',
    with: ['person:abena-darko', 'person:yaw-ofori'],
    objectives: 'Confirm the joint call for young scientists and the timeline of the innovation prize.',
    points: `
      ## Talking points
      - Germany values the new Directorate for Research and International Partnerships.
      - Proposal: a **joint call** with equal contributions, launched in spring.
      | Topic | Our ask |
      |---|---|
      | Joint call | Equal co-funding |
      | Innovation prize | Two Ghanaian jury members |
    `,
    preparation: 'The previous director, Dr. Amponsah, remains an informal adviser; do not refer to his role in the ministry.',
    cases: ['case:ghana-exchange', 'case:africa-award'],
  },
  {
    day: 3,
    start: '11:30',
    end: '13:00',
    city: 'Accra',
    kind: 'meeting',
    title: 'Densu Institute for Climate and Water Research',
    place: 'Densu Institute, Accra',
    org: 'org:gh-densu',
    with: ['person:nana-acheampong', 'person:samuel-tetteh'],
    objectives: 'Coastal adaptation partnership with the Institute for Coastal Climate Research.',
    points: `
      - Introduce the Meridian institute as the German partner.
      - Suggest a first joint workshop on coastal erosion monitoring.
    `,
    cases: ['case:ghana-climate'],
  },
  {
    day: 3,
    start: '15:00',
    end: '16:30',
    city: 'Accra',
    kind: 'meeting',
    title: 'Akwapim University of Science and Technology',
    place: 'Accra liaison office',
    org: 'org:gh-akwapim',
    with: ['person:ama-sarpong', 'person:adwoa-mensah'],
    objectives: 'Mobility of young scientists and the placement of exchange fellows.',
    cases: ['case:ghana-exchange'],
  },
  {
    day: 4,
    start: '09:30',
    end: '10:30',
    city: 'Accra',
    kind: 'meeting',
    title: 'Debrief with the German Embassy Accra',
    place: 'German Embassy Accra',
    org: 'org:emb-accra',
    with: ['person:lena-fischer', 'person:kwame-addo'],
    objectives: 'Agree follow-ups and who carries them.',
  },
];

export function buildTrips({ clock, keys, newId }: Builder): { trips: TripRecord[]; agendaItems: AgendaItemRecord[] } {
  const start = 35;
  const createdAt = clock.at(-20, 11, 0);
  const tripId = newId();
  const trip: TripRecord = {
    id: tripId,
    createdAt,
    updatedAt: createdAt,
    revision: 1,
    title: 'Director-General’s delegation to Nairobi and Accra',
    purpose:
      'Research and innovation cooperation under the Africa strategy: a drylands research network in Kenya, the joint call for young scientists and the innovation prize with Ghana.',
    destinations: [
      { country: 'KE', city: 'Nairobi' },
      { country: 'GH', city: 'Accra' },
    ],
    startDate: clock.day(start),
    endDate: clock.day(start + 4),
    timeZones: ['Africa/Nairobi', 'Africa/Accra'],
    classification: 'internal',
    language: 'en',
    members: [
      { kind: 'contact', contactId: keys.id('person:henrike-stahl'), role: 'head' },
      { kind: 'contact', contactId: keys.id('person:matthias-kern'), role: 'member' },
      { kind: 'contact', contactId: keys.id('person:frauke-jansen'), role: 'member' },
      { kind: 'contact', contactId: keys.id('person:selin-aydin'), role: 'noteTaker' },
      { kind: 'staff', name: 'Interpreter (Swahili/English), booked by the embassy', function: '', role: 'interpreter' },
    ],
    caseIds: keys.all(['case:kenya-drylands', 'case:ghana-exchange', 'case:ghana-climate', 'case:africa-award']),
    noteIds: keys.all(['note:africa-strategy', 'note:ghana-strategy']),
    topics: ['africa strategy', 'young scientists', 'innovation', 'drylands'],
    book: { sections: bookSections.filter((s) => s !== 'notesPages'), audience: 'delegation' },
  };
  const agendaItems: AgendaItemRecord[] = items.map((s) => ({
    id: newId(),
    createdAt,
    updatedAt: createdAt,
    revision: 1,
    tripId,
    title: s.title,
    kind: s.kind,
    date: clock.day(start + s.day),
    start: s.start,
    end: s.end,
    timeZone: zone[s.city],
    place: s.place,
    organisationId: s.org ? keys.id(s.org) : null,
    counterpartIds: keys.all(s.with ?? []),
    objectives: s.objectives ?? '',
    talkingPoints: s.points ? markup(clock.fill(s.points)) : { type: 'doc', content: [{ type: 'paragraph' }] },
    preparation: s.preparation ?? '',
    caseIds: keys.all(s.cases ?? []),
    debrief: null,
  }));
  return { trips: [trip], agendaItems };
}
