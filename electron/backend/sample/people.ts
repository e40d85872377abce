import type { lawfulBases } from '../../../shared/features/contacts/schema';
import type { OrgKey } from './organisations';
import type { Offset } from './support';

/**
 * 120 fictional people. Positions are [organisation, role, from, to] with days relative to today
 * (null: open-ended). Where a role changed hands, the old holder's position ends the day before the
 * successor's starts. E-mail addresses and direct lines are derived from the organisation
 * (a.name@domain.example, switchboard with a personal extension) unless given here.
 */
export type PositionSeed = readonly [org: OrgKey, role: string, from: Offset | null, to?: Offset | null];

export interface PersonSeed {
  readonly key: `person:${string}`;
  readonly honorific?: string;
  readonly title?: string;
  readonly given: string;
  readonly family: string;
  /** [name in its original script or with its diacritics, plain Latin transliteration]. */
  readonly native?: readonly [string, string];
  /** Only for people without a current position. */
  readonly country?: string;
  readonly langs: readonly string[];
  readonly topics: readonly string[];
  readonly pos: readonly PositionSeed[];
  /** Full work address when it does not follow the organisation's pattern; null for none. */
  readonly email?: string | null;
  readonly privateEmail?: string;
  readonly mobile?: string;
  readonly privatePhone?: string;
  /** No direct line (people without a current position). */
  readonly noWorkPhone?: boolean;
  readonly gdpr?: {
    readonly basis?: (typeof lawfulBases)[number];
    readonly source?: string;
    readonly consentOn?: Offset;
    readonly reviewOn?: Offset | null;
  };
  readonly notes?: string;
  /** When the record was created (days relative to today); defaults to a spread after the organisation's. */
  readonly since?: Offset;
  /** Last edited (revision 2), if it was. */
  readonly edited?: Offset;
}

export const people = [
  // ── Federal Ministry of Research and Innovation ───────────────────────────────────────────
  { key: 'person:henrike-stahl', honorific: 'Ms', title: 'Dr.', given: 'Henrike', family: 'Stahl', langs: ['de', 'en', 'fr'], topics: ['internationalisation strategy', 'science diplomacy'], pos: [['org:ministry-dg2', 'Director-General', -1900]] },
  { key: 'person:matthias-kern', honorific: 'Mr', title: 'Dr.', given: 'Matthias', family: 'Kern', langs: ['de', 'en', 'fr'], topics: ['africa strategy', 'innovation', 'young scientists'], pos: [['org:ministry-div-africa', 'Head of Division', -1300]], mobile: '+49 160 9182 4471' },
  { key: 'person:selin-aydin', honorific: 'Ms', given: 'Selin', family: 'Aydın', langs: ['de', 'en', 'tr'], topics: ['africa strategy', 'young scientists', 'innovation'], pos: [['org:ministry-div-africa', 'Desk Officer Kenya, Ghana and Rwanda', -820]] },
  { key: 'person:paul-richter', honorific: 'Mr', given: 'Paul', family: 'Richter', langs: ['de', 'en', 'fr'], topics: ['green hydrogen', 'vocational training', 'energy'], pos: [['org:ministry-div-africa', 'Desk Officer Southern and West Africa', -640]] },
  { key: 'person:katrin-vogt', honorific: 'Ms', title: 'Dr.', given: 'Katrin', family: 'Vogt', langs: ['de', 'en', 'sw', 'fr'], topics: ['science diplomacy', 'innovation', 'africa strategy'], pos: [['org:emb-nairobi-sci', 'Head of Science and Innovation Section', -1480, -75], ['org:ministry-div-africa', 'Deputy Head of Division', -40]], mobile: '+49 151 2270 3318', notes: 'Rotated back to Berlin after four years in Nairobi. Knows the Kenyan innovation scene in depth; good first call for introductions.', edited: -40 },
  { key: 'person:annette-wolf', honorific: 'Ms', title: 'Dr.', given: 'Annette', family: 'Wolf', langs: ['de', 'en', 'zh'], topics: ['research security', 'bilateral roadmap', 'artificial intelligence'], pos: [['org:ministry-div-asia', 'Head of Division', -1100]] },
  { key: 'person:tobias-lenz', honorific: 'Mr', given: 'Tobias', family: 'Lenz', langs: ['de', 'en', 'vi'], topics: ['artificial intelligence', 'research security', 'science diplomacy'], pos: [['org:ministry-div-asia', 'Desk Officer Viet Nam and Southeast Asia', -1500, -200], ['org:emb-hanoi', 'Science Counsellor', -169]], mobile: '+84 91 327 5508', notes: 'Moved from the Asia desk to the embassy in Hanoi; still the best-informed person on the AI funding lines in Viet Nam.', edited: -169 },
  { key: 'person:hanna-roth', honorific: 'Ms', given: 'Hanna', family: 'Roth', langs: ['de', 'en', 'id'], topics: ['artificial intelligence', 'water', 'climate adaptation'], pos: [['org:ministry-div-asia', 'Desk Officer Viet Nam and Southeast Asia', -199]], since: -199 },
  { key: 'person:jan-ebert', honorific: 'Mr', given: 'Jan', family: 'Ebert', langs: ['de', 'en', 'zh'], topics: ['research security', 'bilateral roadmap', 'quantum technologies'], pos: [['org:ministry-div-asia', 'Desk Officer China and India', -700]] },
  { key: 'person:carla-neumann', honorific: 'Ms', given: 'Carla', family: 'Neumann', langs: ['de', 'en', 'es', 'pt'], topics: ['green hydrogen', 'bioeconomy', 'bilateral roadmap'], pos: [['org:ministry-dg2', 'Policy Officer Latin America', -560]] },
  { key: 'person:oliver-franke', honorific: 'Mr', title: 'Dr.', given: 'Oliver', family: 'Franke', langs: ['de', 'en', 'es'], topics: ['vocational training', 'innovation'], pos: [['org:ministry', 'Head of Unit, International Vocational Training', -900]] },

  // ── Meridian Research Association and member institutes ───────────────────────────────────
  { key: 'person:ruth-lindner', honorific: 'Ms', title: 'Prof. Dr.', given: 'Ruth', family: 'Lindner', langs: ['de', 'en'], topics: ['research policy', 'internationalisation strategy'], pos: [['org:assoc', 'President', -1100]] },
  { key: 'person:sophie-brandes', honorific: 'Ms', title: 'Dr.', given: 'Sophie', family: 'Brandes', langs: ['de', 'en', 'fr', 'zh'], topics: ['china days', 'matchmaking', 'research security'], pos: [['org:assoc-intl', 'Head of International Office', -1600, -120], ['org:assoc', 'Deputy Secretary General', -119]], mobile: '+49 172 4419 027', edited: -119 },
  { key: 'person:ben-akinola', honorific: 'Mr', title: 'Dr.', given: 'Benedikt', family: 'Akinola', langs: ['de', 'en', 'yo', 'fr'], topics: ['matchmaking', 'africa strategy', 'science diplomacy'], pos: [['org:assoc-intl', 'Head of International Office', -119]], mobile: '+49 176 5530 8812', since: -150, notes: 'Previously at the Foundation for International Research Mobility; chairs the International Affairs Working Group.' },
  { key: 'person:lea-hartmann', honorific: 'Ms', given: 'Lea', family: 'Hartmann', langs: ['de', 'en', 'zh'], topics: ['china days', 'research security', 'artificial intelligence'], pos: [['org:assoc-intl', 'Officer Asia and China Days', -900]] },
  { key: 'person:konstantin-weber', honorific: 'Mr', given: 'Konstantin', family: 'Weber', langs: ['de', 'en', 'pl', 'ru'], topics: ['regional studies', 'science fairs', 'mobility'], pos: [['org:assoc-intl', 'Officer Europe and Science Fairs', -1000]] },
  { key: 'person:frauke-jansen', honorific: 'Ms', title: 'Prof. Dr.', given: 'Frauke', family: 'Jansen', langs: ['de', 'en', 'fr'], topics: ['climate adaptation', 'coastal research', 'africa strategy'], pos: [['org:mer-coastal', 'Director', -2200], ['org:assoc-intl', 'Spokesperson, Africa Working Group', -500]], mobile: '+49 170 3381 9920', privatePhone: '+49 431 5529 017' },
  { key: 'person:niklas-petersen', honorific: 'Mr', title: 'Dr.', given: 'Niklas', family: 'Petersen', langs: ['de', 'en', 'da'], topics: ['coastal research', 'climate adaptation', 'remote sensing'], pos: [['org:mer-coastal', 'Head of Coastal Risk Group', -1300]] },
  { key: 'person:efua-boakye', honorific: 'Ms', title: 'Dr.', given: 'Efua', family: 'Boakye', langs: ['en', 'de', 'tw'], topics: ['climate adaptation', 'water', 'young scientists'], pos: [['org:mer-coastal', 'Postdoctoral Researcher', -420]], notes: 'Alumna of the young scientists exchange Ghana–Germany; links the institute with her former group in Accra.' },
  { key: 'person:markus-thalheim', honorific: 'Mr', title: 'Prof. Dr.', given: 'Markus', family: 'Thalheim', langs: ['de', 'en'], topics: ['quantum technologies', 'photonics'], pos: [['org:mer-photonics', 'Director', -1800]] },
  { key: 'person:julia-voss', honorific: 'Ms', title: 'Dr.', given: 'Julia', family: 'Voss', langs: ['de', 'en', 'fr'], topics: ['quantum technologies', 'innovation', 'research security'], pos: [['org:mer-photonics', 'Head of Technology Transfer', -700]], mobile: '+49 157 3390 1184' },
  { key: 'person:wen-zhao', honorific: 'Mr', title: 'Dr.', given: 'Wen', family: 'Zhao', langs: ['zh', 'en', 'de'], topics: ['quantum technologies', 'photonics'], pos: [['org:mer-photonics', 'Research Scientist, Quantum Optics', -600]] },
  { key: 'person:gesine-albers', honorific: 'Ms', title: 'Prof. Dr.', given: 'Gesine', family: 'Albers', langs: ['de', 'en', 'pt'], topics: ['bioeconomy', 'agriculture'], pos: [['org:mer-landscape', 'Director', -1500]] },
  { key: 'person:thiago-moraes', honorific: 'Mr', title: 'Dr.', given: 'Thiago', family: 'Moraes', langs: ['pt', 'en', 'de', 'es'], topics: ['bioeconomy', 'biodiversity'], pos: [['org:mer-landscape', 'Research Scientist', -520]] },
  { key: 'person:clara-seidel', honorific: 'Ms', title: 'Prof. Dr.', given: 'Clara', family: 'Seidel', langs: ['de', 'en'], topics: ['health', 'digital health'], pos: [['org:mer-health', 'Director', -1400]] },
  { key: 'person:arjun-menon', honorific: 'Mr', title: 'Dr.', given: 'Arjun', family: 'Menon', langs: ['en', 'de', 'ml', 'hi'], topics: ['artificial intelligence', 'digital health', 'health'], pos: [['org:mer-health', 'Head of Digital Medicine Group', -800]] },
  { key: 'person:lukas-baumann', honorific: 'Mr', title: 'Dr.', given: 'Lukas', family: 'Baumann', langs: ['de', 'en'], topics: ['artificial intelligence', 'health'], pos: [['org:mer-health', 'Data Scientist', -450]] },
  { key: 'person:nora-lehmann', honorific: 'Ms', given: 'Nora', family: 'Lehmann', langs: ['de', 'en', 'th'], topics: ['matchmaking', 'health', 'digital health'], pos: [['org:mer-health', 'International Affairs Officer', -380]] },
  { key: 'person:ingrid-maas', honorific: 'Ms', title: 'Prof. Dr.', given: 'Ingrid', family: 'Maas', langs: ['de', 'en', 'ar'], topics: ['water', 'drylands'], pos: [['org:mer-water', 'Director', -1700]] },
  { key: 'person:rami-haddad', honorific: 'Mr', title: 'Dr.', given: 'Rami', family: 'Haddad', langs: ['ar', 'en', 'de'], topics: ['water', 'climate adaptation'], pos: [['org:mer-water', 'Project Coordinator, Water Alliance Jordan', -360]], mobile: '+49 163 7712 0456' },
  { key: 'person:achieng-otieno', honorific: 'Ms', given: 'Achieng', family: 'Otieno', langs: ['en', 'sw', 'de'], topics: ['drylands', 'water', 'young scientists'], pos: [['org:mer-water', 'Doctoral Researcher', -300]], gdpr: { basis: 'consent', source: 'Registration form, young scientists exchange', consentOn: -290, reviewOn: 440 } },

  // ── Weser Technical University ─────────────────────────────────────────────────────────────
  { key: 'person:dirk-hansen', honorific: 'Mr', title: 'Prof. Dr.', given: 'Dirk', family: 'Hansen', langs: ['de', 'en'], topics: ['water', 'remote sensing', 'climate adaptation'], pos: [['org:weser-tu', 'Professor of Hydrology and Remote Sensing', -3000]] },
  { key: 'person:nadine-krueger', honorific: 'Ms', given: 'Nadine', family: 'Krüger', langs: ['de', 'en', 'es'], topics: ['mobility', 'young scientists'], pos: [['org:weser-tu', 'Head of International Office', -1200]] },
  { key: 'person:quang-vu', honorific: 'Mr', title: 'Dr.', given: 'Minh Quang', family: 'Vũ', native: ['Vũ Minh Quang', 'Vu Minh Quang'], langs: ['vi', 'en', 'de'], topics: ['water', 'artificial intelligence', 'remote sensing'], pos: [['org:weser-tu', 'Postdoctoral Researcher', -500]] },

  // ── Companies ─────────────────────────────────────────────────────────────────────────────
  { key: 'person:stefan-brandt', honorific: 'Mr', given: 'Stefan', family: 'Brandt', langs: ['de', 'en'], topics: ['robotics', 'innovation'], pos: [['org:brandt', 'Managing Director', -4000]] },
  { key: 'person:yvonne-rausch', honorific: 'Ms', given: 'Yvonne', family: 'Rausch', langs: ['de', 'en', 'ms'], topics: ['artificial intelligence', 'innovation'], pos: [['org:brandt', 'Head of Business Development Asia', -600]], mobile: '+49 171 8830 2290' },
  { key: 'person:timo-kranz', honorific: 'Mr', title: 'Dr.', given: 'Timo', family: 'Kranz', langs: ['de', 'en'], topics: ['artificial intelligence', 'robotics'], pos: [['org:brandt', 'Head of Machine Vision', -900]] },
  { key: 'person:maren-schulte', honorific: 'Ms', title: 'Dr.', given: 'Maren', family: 'Schulte', langs: ['de', 'en', 'es'], topics: ['green hydrogen', 'energy'], pos: [['org:elbwerk', 'Chief Technology Officer', -1000]] },
  { key: 'person:henrik-ohlsen', honorific: 'Mr', given: 'Henrik', family: 'Ohlsen', langs: ['de', 'en', 'sv'], topics: ['green hydrogen', 'innovation'], pos: [['org:elbwerk', 'Project Manager International', -400]], mobile: '+49 152 0194 7735' },

  // ── Funding agency, vocational training agency, NGO ───────────────────────────────────────
  { key: 'person:petra-lorenz', honorific: 'Ms', title: 'Dr.', given: 'Petra', family: 'Lorenz', langs: ['de', 'en', 'fr'], topics: ['young scientists', 'mobility', 'evaluation'], pos: [['org:firm', 'Head of Programmes', -1400]] },
  { key: 'person:florian-schreiber', honorific: 'Mr', given: 'Florian', family: 'Schreiber', langs: ['de', 'en', 'fr'], topics: ['young scientists', 'mobility', 'africa strategy'], pos: [['org:firm', 'Programme Officer Africa', -800]] },
  { key: 'person:ana-kovac', honorific: 'Ms', given: 'Ana', family: 'Kovač', langs: ['hr', 'de', 'en', 'es', 'pt'], topics: ['young scientists', 'evaluation'], pos: [['org:firm', 'Programme Officer Latin America', -760]] },
  { key: 'person:ralf-dietrich', honorific: 'Mr', given: 'Ralf', family: 'Dietrich', langs: ['de', 'en', 'es'], topics: ['vocational training'], pos: [['org:aivp', 'Head of Partnerships', -1500]] },
  { key: 'person:sabine-moeller', honorific: 'Ms', given: 'Sabine', family: 'Möller', langs: ['de', 'en', 'fr', 'wo'], topics: ['vocational training', 'energy'], pos: [['org:aivp', 'Project Manager West Africa', -500]], mobile: '+221 77 640 1893' },
  { key: 'person:mia-schubert', honorific: 'Ms', given: 'Mia', family: 'Schubert', langs: ['de', 'en', 'es'], topics: ['young scientists', 'science communication'], pos: [['org:young-forum', 'Chair', -400]], privateEmail: 'mia.schubert@mail.example', gdpr: { basis: 'consent', source: 'Consent form, network meeting of the Young Researchers Forum', consentOn: -380, reviewOn: 350 } },
  { key: 'person:emre-kaya', honorific: 'Mr', given: 'Emre', family: 'Kaya', langs: ['de', 'tr', 'en'], topics: ['young scientists', 'migration'], pos: [['org:young-forum', 'Board Member', -400]], privatePhone: '+49 176 2281 5540', gdpr: { basis: 'consent', source: 'Consent form, network meeting of the Young Researchers Forum', consentOn: -380, reviewOn: -15 } },

  // ── German embassies abroad ────────────────────────────────────────────────────────────────
  { key: 'person:jonas-albrecht', honorific: 'Mr', title: 'Dr.', given: 'Jonas', family: 'Albrecht', langs: ['de', 'en', 'fr'], topics: ['science diplomacy', 'young scientists', 'innovation'], pos: [['org:emb-nairobi-sci', 'Head of Science and Innovation Section', -74]], mobile: '+254 711 390 245', privateEmail: 'jonas.albrecht@mail.example', since: -90 },
  { key: 'person:grace-wambui', honorific: 'Ms', given: 'Grace', family: 'Wambui', langs: ['en', 'sw', 'de'], topics: ['innovation', 'young scientists', 'digital health'], pos: [['org:emb-nairobi-sci', 'Science Officer', -1200]] },
  { key: 'person:thomas-reuter', honorific: 'Mr', given: 'Thomas', family: 'Reuter', langs: ['de', 'en', 'sw'], topics: ['science diplomacy'], pos: [['org:emb-nairobi', 'Deputy Head of Mission', -480]] },
  { key: 'person:lena-fischer', honorific: 'Ms', given: 'Lena', family: 'Fischer', langs: ['de', 'en', 'fr'], topics: ['science diplomacy', 'climate adaptation'], pos: [['org:emb-accra', 'Head of Science and Education', -600]], mobile: '+233 24 419 7730' },
  { key: 'person:kwame-addo', honorific: 'Mr', given: 'Kwame', family: 'Addo', langs: ['en', 'tw', 'de'], topics: ['young scientists', 'education'], pos: [['org:emb-accra', 'Science and Education Adviser', -1500]] },
  { key: 'person:felix-haas', honorific: 'Mr', title: 'Dr.', given: 'Felix', family: 'Haas', langs: ['de', 'en', 'vi', 'fr'], topics: ['science diplomacy', 'research security', 'foresight'], pos: [['org:emb-hanoi', 'Science Counsellor', -1450, -170], ['org:icsc', 'Senior Adviser, Science Diplomacy', -120]], mobile: '+33 6 48 21 90 37', edited: -120 },
  { key: 'person:thu-ha-nguyen', honorific: 'Ms', given: 'Thu Hà', family: 'Nguyễn', native: ['Nguyễn Thị Thu Hà', 'Nguyen Thi Thu Ha'], langs: ['vi', 'en', 'de'], topics: ['artificial intelligence', 'water', 'science diplomacy'], pos: [['org:emb-hanoi', 'Science Officer', -1100]], mobile: '+84 98 441 2706' },
  { key: 'person:sebastian-kuehn', honorific: 'Mr', title: 'Dr.', given: 'Sebastian', family: 'Kühn', langs: ['de', 'es', 'en'], topics: ['green hydrogen', 'science diplomacy'], pos: [['org:emb-santiago', 'Head of Science Section', -430]] },
  { key: 'person:valentina-rojas', honorific: 'Ms', given: 'Valentina', family: 'Rojas', langs: ['es', 'en', 'de'], topics: ['green hydrogen', 'innovation'], pos: [['org:emb-santiago', 'Science and Innovation Officer', -700]] },

  // ── Foreign embassies in Berlin ────────────────────────────────────────────────────────────
  { key: 'person:esi-quaye', honorific: 'Ms', given: 'Esi', family: 'Quaye', langs: ['en', 'de', 'ee'], topics: ['education', 'young scientists'], pos: [['org:gh-embassy-berlin', 'Minister Counsellor, Education and Science', -480]] },
  { key: 'person:duc-pham', honorific: 'Mr', given: 'Minh Đức', family: 'Phạm', native: ['Phạm Minh Đức', 'Pham Minh Duc'], langs: ['vi', 'de', 'en'], topics: ['artificial intelligence', 'education', 'science diplomacy'], pos: [['org:vn-embassy-berlin', 'First Secretary, Science and Technology', -620]] },

  // ── Ghana ─────────────────────────────────────────────────────────────────────────────────
  { key: 'person:kojo-amponsah', honorific: 'Mr', title: 'Dr.', given: 'Kojo', family: 'Amponsah', country: 'GH', langs: ['en', 'tw'], topics: ['research policy', 'innovation'], pos: [['org:gh-ministry', 'Director, Research and International Partnerships', -1900, -160], ['org:gh-densu', 'Chair of the Advisory Board', -700]], email: null, privateEmail: 'kojo.amponsah@mail.example', noWorkPhone: true, mobile: '+233 20 812 4456', gdpr: { source: 'Former official counterpart; stays in touch privately', reviewOn: -30 }, notes: 'Retired from the ministry; still chairs the advisory board of the Densu Institute and is happy to advise informally.', edited: -160 },
  { key: 'person:abena-darko', honorific: 'Ms', title: 'Dr.', given: 'Abena', family: 'Darko', langs: ['en', 'tw', 'fr'], topics: ['research policy', 'young scientists', 'innovation'], pos: [['org:gh-ministry', 'Director, Research and International Partnerships', -159]], since: -170, mobile: '+233 24 300 6615' },
  { key: 'person:yaw-ofori', honorific: 'Mr', given: 'Yaw', family: 'Ofori', langs: ['en', 'tw'], topics: ['innovation', 'africa strategy'], pos: [['org:gh-ministry', 'Senior Programme Officer', -700]] },
  { key: 'person:ama-sarpong', honorific: 'Ms', title: 'Prof.', given: 'Ama', family: 'Sarpong', langs: ['en', 'tw'], topics: ['climate adaptation', 'agriculture'], pos: [['org:gh-akwapim', 'Pro Vice-Chancellor, Research', -900]] },
  { key: 'person:kwesi-owusu', honorific: 'Mr', title: 'Dr.', given: 'Kwesi', family: 'Owusu', langs: ['en', 'tw', 'de'], topics: ['agriculture', 'water', 'young scientists'], pos: [['org:gh-akwapim', 'Senior Lecturer, Agricultural Engineering', -1300]] },
  { key: 'person:adwoa-mensah', honorific: 'Ms', given: 'Adwoa', family: 'Mensah', langs: ['en', 'tw', 'fr'], topics: ['mobility', 'young scientists'], pos: [['org:gh-akwapim', 'International Relations Officer', -600]] },
  { key: 'person:nana-acheampong', honorific: 'Ms', title: 'Prof.', given: 'Nana Yaa', family: 'Acheampong', langs: ['en', 'tw'], topics: ['climate adaptation', 'water', 'coastal research'], pos: [['org:gh-densu', 'Director', -2500]], mobile: '+233 20 551 3902', privatePhone: '+233 30 290 1147' },
  { key: 'person:samuel-tetteh', honorific: 'Mr', title: 'Dr.', given: 'Samuel', family: 'Tetteh', langs: ['en', 'ee'], topics: ['coastal research', 'climate adaptation'], pos: [['org:gh-densu', 'Head of Coastal Processes Unit', -1100]] },
  { key: 'person:akosua-frimpong', honorific: 'Ms', given: 'Akosua', family: 'Frimpong', langs: ['en', 'tw'], topics: ['climate adaptation', 'young scientists'], pos: [['org:gh-densu', 'Research Fellow, Climate Services', -350]], gdpr: { basis: 'consent', source: 'Application, young scientists exchange', consentOn: -60, reviewOn: 670 } },

  // ── Kenya, South Africa, Senegal, Rwanda ──────────────────────────────────────────────────
  { key: 'person:peter-kiprono', honorific: 'Mr', title: 'Prof.', given: 'Peter', family: 'Kiprono', langs: ['en', 'sw'], topics: ['drylands', 'innovation'], pos: [['org:ke-riftvalley', 'Deputy Vice-Chancellor, Research', -1000], ['org:ke-drylands', 'Board Member', -700]] },
  { key: 'person:faith-chebet', honorific: 'Ms', title: 'Dr.', given: 'Faith', family: 'Chebet', langs: ['en', 'sw'], topics: ['water', 'young scientists'], pos: [['org:ke-riftvalley', 'Lecturer, Water Engineering', -800]] },
  { key: 'person:joseph-mwangi', honorific: 'Mr', title: 'Dr.', given: 'Joseph', family: 'Mwangi', langs: ['en', 'sw', 'de'], topics: ['drylands', 'climate adaptation'], pos: [['org:ke-drylands', 'Director', -1600], ['org:ke-riftvalley', 'Adjunct Professor', -900]], mobile: '+254 722 604 118' },
  { key: 'person:halima-abdi', honorific: 'Ms', title: 'Dr.', given: 'Halima', family: 'Abdi', langs: ['en', 'sw', 'so'], topics: ['drylands', 'agriculture'], pos: [['org:ke-drylands', 'Senior Scientist, Pastoral Systems', -900]] },
  { key: 'person:brian-omondi', honorific: 'Mr', given: 'Brian', family: 'Omondi', langs: ['en', 'sw'], topics: ['drylands', 'remote sensing', 'young scientists'], pos: [['org:ke-drylands', 'Research Assistant', -260]], gdpr: { basis: 'consent', source: 'Workshop registration, Nakuru', consentOn: -150, reviewOn: 580 } },
  { key: 'person:thandiwe-nkosi', honorific: 'Ms', title: 'Prof.', given: 'Thandiwe', family: 'Nkosi', langs: ['en', 'zu', 'af'], topics: ['green hydrogen', 'energy'], pos: [['org:za-highveld', 'Chair of Hydrogen Systems', -1400]], mobile: '+27 82 447 1093' },
  { key: 'person:pieter-van-wyk', honorific: 'Mr', title: 'Dr.', given: 'Pieter', family: 'van Wyk', langs: ['af', 'en', 'de'], topics: ['green hydrogen', 'materials'], pos: [['org:za-highveld', 'Senior Lecturer, Electrochemistry', -1000]] },
  { key: 'person:lerato-molefe', honorific: 'Ms', given: 'Lerato', family: 'Molefe', langs: ['en', 'st'], topics: ['innovation'], pos: [['org:za-highveld', 'Research Office Manager', -700]] },
  { key: 'person:aminata-diallo', honorific: 'Ms', title: 'Dr.', given: 'Aminata', family: 'Diallo', langs: ['fr', 'wo', 'en'], topics: ['vocational training', 'energy'], pos: [['org:sn-sahel', 'Director', -1500]], notes: 'Prefers French in meetings; reads English well.' },
  { key: 'person:ousmane-sow', honorific: 'Mr', given: 'Ousmane', family: 'Sow', langs: ['fr', 'wo'], topics: ['vocational training', 'solar'], pos: [['org:sn-sahel', 'Head of Solar Training Programmes', -800]] },
  { key: 'person:claudine-uwase', honorific: 'Ms', title: 'Dr.', given: 'Claudine', family: 'Uwase', langs: ['rw', 'en', 'fr'], topics: ['digital health', 'health'], pos: [['org:rw-kivu', 'Executive Director', -1100]] },
  { key: 'person:eric-habimana', honorific: 'Mr', given: 'Eric', family: 'Habimana', langs: ['rw', 'en', 'fr'], topics: ['artificial intelligence', 'digital health'], pos: [['org:rw-kivu', 'Lead Data Scientist', -600]] },

  // ── Viet Nam ──────────────────────────────────────────────────────────────────────────────
  { key: 'person:bao-tran', honorific: 'Mr', title: 'Prof.', given: 'Quốc Bảo', family: 'Trần', native: ['Trần Quốc Bảo', 'Tran Quoc Bao'], langs: ['vi', 'en', 'de'], topics: ['artificial intelligence', 'robotics'], pos: [['org:vn-redriver', 'Vice-Rector', -1300]] },
  { key: 'person:lan-le', honorific: 'Ms', title: 'Dr.', given: 'Lan', family: 'Lê', native: ['Lê Thị Lan', 'Le Thi Lan'], langs: ['vi', 'en'], topics: ['artificial intelligence', 'health'], pos: [['org:vn-redriver', 'Head of AI Laboratory', -800]] },
  { key: 'person:hieu-do', honorific: 'Mr', given: 'Trung Hiếu', family: 'Đỗ', native: ['Đỗ Trung Hiếu', 'Do Trung Hieu'], langs: ['vi', 'en', 'ja'], topics: ['mobility', 'artificial intelligence'], pos: [['org:vn-redriver', 'Deputy Head, International Office', -500]] },
  { key: 'person:thanh-huynh', honorific: 'Mr', title: 'Dr.', given: 'Thành', family: 'Huỳnh', native: ['Huỳnh Văn Thành', 'Huynh Van Thanh'], langs: ['vi', 'en', 'fr'], topics: ['water', 'climate adaptation'], pos: [['org:vn-mekong', 'Director', -1700]] },
  { key: 'person:mai-vo', honorific: 'Ms', given: 'Ngọc Mai', family: 'Võ', langs: ['vi', 'en'], topics: ['remote sensing', 'water', 'artificial intelligence'], pos: [['org:vn-mekong', 'Researcher, Remote Sensing', -600]] },

  // ── Southeast Asia, India, China, Jordan ──────────────────────────────────────────────────
  { key: 'person:rachel-tan', honorific: 'Ms', title: 'Dr.', given: 'Rachel', family: 'Tan', langs: ['en', 'zh', 'ms'], topics: ['artificial intelligence', 'health', 'digital health'], pos: [['org:sg-straits', 'Director, AI for Health Programme', -900]], mobile: '+65 9137 2284' },
  { key: 'person:vikram-pillai', honorific: 'Mr', title: 'Dr.', given: 'Vikram', family: 'Pillai', langs: ['en', 'ta', 'hi'], topics: ['artificial intelligence', 'foresight'], pos: [['org:sg-straits', 'Principal Scientist', -700]] },
  { key: 'person:siriporn-chaiyasit', honorific: 'Ms', title: 'Dr.', given: 'Siriporn', family: 'Chaiyasit', langs: ['th', 'en'], topics: ['digital health', 'artificial intelligence'], pos: [['org:th-chaophraya', 'Deputy Director', -1000]] },
  { key: 'person:anan-wongsakul', honorific: 'Mr', given: 'Anan', family: 'Wongsakul', langs: ['th', 'en', 'de'], topics: ['health', 'innovation'], pos: [['org:th-chaophraya', 'Partnerships Manager', -500]] },
  { key: 'person:farah-ismail', honorific: 'Ms', title: 'Assoc. Prof. Dr.', given: 'Farah', family: 'Ismail', langs: ['ms', 'en', 'ar'], topics: ['artificial intelligence', 'materials'], pos: [['org:my-semenanjung', 'Dean, Faculty of Computing', -800]] },
  { key: 'person:daniel-lim', honorific: 'Mr', title: 'Dr.', given: 'Daniel', family: 'Lim', langs: ['en', 'ms', 'zh'], topics: ['robotics', 'artificial intelligence'], pos: [['org:my-semenanjung', 'Senior Lecturer, Robotics', -600]] },
  { key: 'person:budi-santoso', honorific: 'Mr', title: 'Dr.', given: 'Budi', family: 'Santoso', langs: ['id', 'en', 'jv'], topics: ['robotics', 'artificial intelligence', 'vocational training'], pos: [['org:id-nusantara', 'Head of Robotics Laboratory', -900]] },
  { key: 'person:dewi-lestari', honorific: 'Ms', given: 'Dewi', family: 'Lestari', langs: ['id', 'en', 'de'], topics: ['mobility'], pos: [['org:id-nusantara', 'International Office', -400]] },
  { key: 'person:meera-iyer', honorific: 'Ms', title: 'Prof.', given: 'Meera', family: 'Iyer', langs: ['en', 'hi', 'ta'], topics: ['artificial intelligence', 'health'], pos: [['org:in-deccan', 'Dean of Research', -1000]] },
  { key: 'person:rohan-desai', honorific: 'Mr', title: 'Dr.', given: 'Rohan', family: 'Desai', langs: ['en', 'hi', 'mr', 'de'], topics: ['materials', 'young scientists'], pos: [['org:in-deccan', 'Associate Professor, Materials Science', -1200]], notes: 'Former fellow in Jena; co-ordinates the Indian side of the mobility programme.' },
  { key: 'person:hao-liang', honorific: 'Mr', title: 'Prof.', given: 'Hao', family: 'Liang', langs: ['zh', 'en'], topics: ['quantum technologies', 'photonics'], pos: [['org:cn-yangtze', 'Director, Quantum Photonics Division', -1500]] },
  { key: 'person:xiaoyan-sun', honorific: 'Ms', title: 'Dr.', given: 'Xiaoyan', family: 'Sun', langs: ['zh', 'en', 'de'], topics: ['materials', 'mobility'], pos: [['org:cn-yangtze', 'International Cooperation Office', -700]] },
  { key: 'person:lina-khoury', honorific: 'Ms', title: 'Dr.', given: 'Lina', family: 'Khoury', langs: ['ar', 'en', 'fr'], topics: ['water', 'climate adaptation'], pos: [['org:jo-valley', 'Director', -1300]], mobile: '+962 79 551 3420', privatePhone: '+962 6 592 0834' },
  { key: 'person:omar-nasser', honorific: 'Mr', title: 'Eng.', given: 'Omar', family: 'Nasser', langs: ['ar', 'en'], topics: ['water', 'drylands'], pos: [['org:jo-valley', 'Head of Groundwater Monitoring', -900]] },

  // ── Europe and international ──────────────────────────────────────────────────────────────
  { key: 'person:malgorzata-wisniewska', honorific: 'Ms', title: 'Prof.', given: 'Małgorzata', family: 'Wiśniewska', native: ['Małgorzata Wiśniewska', 'Malgorzata Wisniewska'], langs: ['pl', 'en', 'de', 'ru'], topics: ['regional studies', 'migration'], pos: [['org:pl-lodz', 'Director', -1600]] },
  { key: 'person:lukasz-zielinski', honorific: 'Mr', title: 'Dr.', given: 'Łukasz', family: 'Zieliński', langs: ['pl', 'en', 'de'], topics: ['mobility', 'regional studies'], pos: [['org:pl-lodz', 'Research Fellow', -700]] },
  { key: 'person:eleni-papadaki', honorific: 'Ms', title: 'Dr.', given: 'Eleni', family: 'Papadaki', native: ['Ελένη Παπαδάκη', 'Eleni Papadaki'], langs: ['el', 'en', 'de'], topics: ['migration', 'regional studies'], pos: [['org:gr-attica', 'Research Director', -1200]] },
  { key: 'person:nikolaos-stavridis', honorific: 'Mr', title: 'Prof.', given: 'Nikolaos', family: 'Stavridis', native: ['Νικόλαος Σταυρίδης', 'Nikolaos Stavridis'], langs: ['el', 'en', 'fr'], topics: ['regional studies'], pos: [['org:gr-attica', 'Chair of the Board', -2000]] },
  { key: 'person:ayse-yildirim', honorific: 'Ms', title: 'Prof.', given: 'Ayşe', family: 'Yıldırım', native: ['Ayşe Yıldırım', 'Ayse Yildirim'], langs: ['tr', 'en', 'de'], topics: ['migration', 'regional studies'], pos: [['org:tr-izmir', 'Director', -1400]] },
  { key: 'person:cagri-ozturk', honorific: 'Mr', title: 'Dr.', given: 'Çağrı', family: 'Öztürk', native: ['Çağrı Öztürk', 'Cagri Ozturk'], langs: ['tr', 'en'], topics: ['migration', 'mobility'], pos: [['org:tr-izmir', 'Researcher', -600]] },
  { key: 'person:vera-gromova', honorific: 'Ms', title: 'Dr.', given: 'Vera', family: 'Gromova', native: ['Вера Громова', 'Vera Gromova'], langs: ['ru', 'en', 'de'], topics: ['regional studies'], pos: [['org:ru-moscow', 'Senior Researcher', -2400]], gdpr: { source: 'Joint publication; personal contact at the Łódź workshop', reviewOn: -45 } },
  { key: 'person:andrei-morozov', honorific: 'Mr', title: 'Prof.', given: 'Andrei', family: 'Morozov', native: ['Андрей Морозов', 'Andrei Morozov'], langs: ['ru', 'en', 'de', 'el'], topics: ['regional studies', 'migration'], pos: [['org:ru-moscow', 'Deputy Director', -2600, -700], ['org:gr-attica', 'Visiting Professor', -600]], edited: -600 },
  { key: 'person:claire-dubois', honorific: 'Ms', title: 'Dr.', given: 'Claire', family: 'Dubois', langs: ['fr', 'en', 'de'], topics: ['science diplomacy', 'foresight'], pos: [['org:icsc', 'Head of Science Diplomacy Programme', -1100]] },
  { key: 'person:marco-bianchi', honorific: 'Mr', given: 'Marco', family: 'Bianchi', langs: ['it', 'en', 'fr'], topics: ['research security', 'foresight'], pos: [['org:icsc', 'Policy Analyst, Research Security', -500]] },
  { key: 'person:jelena-markovic', honorific: 'Ms', title: 'Dr.', given: 'Jelena', family: 'Marković', native: ['Јелена Марковић', 'Jelena Marković'], langs: ['sr', 'en', 'de', 'ru'], topics: ['research security', 'science diplomacy'], pos: [['org:icsc', 'Senior Fellow', -300]] },

  // ── Americas ──────────────────────────────────────────────────────────────────────────────
  { key: 'person:camila-fuentes', honorific: 'Ms', title: 'Dr.', given: 'Camila', family: 'Fuentes', langs: ['es', 'en', 'de'], topics: ['green hydrogen', 'energy'], pos: [['org:cl-desierto', 'Director, Centre for Green Hydrogen', -900]], mobile: '+56 9 8821 4306' },
  { key: 'person:jorge-munoz', honorific: 'Mr', title: 'Prof.', given: 'Jorge', family: 'Muñoz', langs: ['es', 'en'], topics: ['mining', 'energy'], pos: [['org:cl-desierto', 'Vice-Rector for Research', -1200]] },
  { key: 'person:ignacio-pena', honorific: 'Mr', given: 'Ignacio', family: 'Peña', langs: ['es', 'en'], topics: ['innovation', 'green hydrogen'], pos: [['org:cl-desierto', 'Technology Transfer Officer', -500]] },
  { key: 'person:beatriz-almeida', honorific: 'Ms', title: 'Prof.', given: 'Beatriz', family: 'Almeida', langs: ['pt', 'en', 'es', 'de'], topics: ['young scientists', 'health'], pos: [['org:br-planalto', 'Pro-Rector for International Affairs', -1300]] },
  { key: 'person:rafael-costa', honorific: 'Mr', title: 'Dr.', given: 'Rafael', family: 'Costa', langs: ['pt', 'en'], topics: ['bioeconomy', 'biodiversity'], pos: [['org:br-planalto', 'Professor of Bioeconomy', -1500]] },
  { key: 'person:juliana-ribeiro', honorific: 'Ms', title: 'Dr.', given: 'Juliana', family: 'Ribeiro', langs: ['pt', 'en', 'de'], topics: ['bioeconomy', 'young scientists'], pos: [['org:br-planalto', 'Doctoral Researcher', -1400, -200], ['org:mer-landscape', 'Postdoctoral Researcher', -150]], gdpr: { basis: 'consent', source: 'Alumni network, young scientists exchange with Brazil', consentOn: -700, reviewOn: -10 }, edited: -150 },
  { key: 'person:alejandro-ramirez', honorific: 'Mr', title: 'Dr.', given: 'Alejandro', family: 'Ramírez', langs: ['es', 'en', 'de'], topics: ['vocational training', 'robotics'], pos: [['org:mx-bajio', 'Director of Dual Training', -700]] },
  { key: 'person:sofia-herrera', honorific: 'Ms', given: 'Sofía', family: 'Herrera', langs: ['es', 'en'], topics: ['vocational training', 'innovation'], pos: [['org:mx-bajio', 'Industry Liaison Officer', -400]] },
  { key: 'person:hannah-macleod', honorific: 'Ms', title: 'Dr.', given: 'Hannah', family: 'MacLeod', langs: ['en', 'fr', 'de'], topics: ['quantum technologies', 'innovation'], pos: [['org:ca-northshore', 'Director of Partnerships', -600]] },
  { key: 'person:olivier-gagnon', honorific: 'Mr', title: 'Prof.', given: 'Olivier', family: 'Gagnon', langs: ['fr', 'en'], topics: ['quantum technologies', 'young scientists'], pos: [['org:ca-northshore', 'Graduate Program Director', -1800]] },

  // ── Independent experts ───────────────────────────────────────────────────────────────────
  { key: 'person:ute-sommer', honorific: 'Ms', title: 'Dr.', given: 'Ute', family: 'Sommer', country: 'DE', langs: ['de', 'en', 'pt', 'es'], topics: ['evaluation', 'young scientists', 'mobility'], pos: [], email: 'ute.sommer@evaluation-sommer.example', mobile: '+49 177 6620 4418', privatePhone: '+49 30 8841 2276', gdpr: { basis: 'contract', source: 'Framework contract for evaluations', reviewOn: 200 }, notes: 'Independent evaluator; led the evaluation of the young scientists exchange with Brazil.' },
  { key: 'person:mariam-toure', honorific: 'Ms', given: 'Mariam', family: 'Touré', country: 'SN', langs: ['fr', 'wo', 'en'], topics: ['vocational training', 'solar'], pos: [], email: 'mariam.toure@mail.example', mobile: '+221 76 218 5047', gdpr: { basis: 'consent', source: 'Met at the Dakar vocational training forum; agreed to be contacted', consentOn: -210, reviewOn: -5 }, notes: 'Consultant for dual training in the solar sector; worked for the Institut Sahélien for six years.' },
] as const satisfies readonly PersonSeed[];

export type PersonKey = (typeof people)[number]['key'];
