import type { NoteKind } from '../../../shared/features/notes/schema';
import type { Classification } from '../../../shared/schemas/classification';
import type { CaseKey } from './cases';
import type { PersonKey } from './people';
import type { Advisor, Offset } from './support';

type NoteStatus = 'draft' | 'final';

/** An earlier saved version: restoring it in the app brings this text back. */
export interface EarlierVersion {
  readonly on: Offset;
  readonly title?: string;
  readonly status: NoteStatus;
  readonly body: string;
}

export interface NoteSeed {
  readonly key: `note:${string}`;
  readonly title: string;
  readonly kind: NoteKind;
  readonly status: NoteStatus;
  readonly countries: readonly string[];
  readonly regions: readonly string[];
  readonly topics: readonly string[];
  readonly cases: readonly CaseKey[];
  readonly contacts: readonly PersonKey[];
  /** The advisor who wrote the note and keeps it current. */
  readonly owner: Advisor;
  /** Internal unless said otherwise. */
  readonly classification?: Classification;
  /** Created on this day; the first saved version is from then. */
  readonly created: Offset;
  /** The current text was saved on this day; only with earlier versions (defaults to `created`). */
  readonly saved?: Offset;
  /** Versions before the current one, oldest first; the first one is the note as created. */
  readonly earlier?: readonly EarlierVersion[];
  /** The current text, in the markup of ./markup.ts; "{year}" is filled in. The title is shown above it, so it starts with its sections. */
  readonly body: string;
}

export const notes = [
  {
    key: 'note:africa-strategy',
    title: 'Africa strategy: innovation and young scientists',
    kind: 'regionalStrategy',
    status: 'final',
    countries: [],
    regions: ['202'],
    topics: ['africa strategy', 'innovation', 'young scientists'],
    cases: ['case:africa-paper', 'case:africa-award', 'case:ghana-exchange'],
    contacts: ['person:matthias-kern', 'person:selin-aydin', 'person:katrin-vogt', 'person:jonas-albrecht'],
    owner: 'A. Berger',
    created: -400,
    saved: -180,
    earlier: [
      {
        on: -400,
        title: 'Africa strategy: first notes',
        status: 'draft',
        body: `
          ## First points
          Collected points for the bureau's contribution to the ministry's Africa strategy. To be discussed with Division 213.
          - Innovation: the award is popular, but winners lack follow-up funding.
          - Young scientists: fellowships work; the return phase is weak.
          - Infrastructures: climate and health data services are requested by every embassy.
          *Open:* which countries to prioritise, and with which budget.
        `,
      },
    ],
    body: `
      ## Purpose
      The ministry's Africa strategy aims to create sustainable development opportunities on the continent through research and innovation. This note summarises where the bureau contributes and which **priorities** guide our advice for the next two years.
      ## Priorities
      1. **Innovation promotion**: support research-based start-ups and innovation hubs, above all through the Africa Innovation Award and follow-up funding for its winners.
      2. **Young scientists**: fellowships, returnee grants and joint doctoral programmes with African universities.
      3. **Research infrastructures**: shared laboratories and data services in climate, water and health.
      ## Instruments
      | Instrument | Target group | Annual budget | Status |
      |---|---|---|---|
      | Africa Innovation Award | Start-ups and researchers under 40 | € 1.2 m | running, third round |
      | Young scientists exchange | Doctoral and postdoctoral researchers | € 3.5 m | running |
      | Returnee bridging grants | Alumni returning to Africa | € 0.8 m | proposed |
      | Joint research calls | Institutes and universities | € 6.0 m | annual |
      ## Focus countries
      ### East Africa
      - **Kenya** and **Rwanda**: innovation ecosystems, digital health
      ### West Africa
      - **Ghana** and **Senegal**: climate adaptation, vocational training in the energy sector
      - **Nigeria**: energy research (new)
      ### Southern Africa
      - **South Africa**: green hydrogen, research infrastructures
      ## Principles
      > Partnership on equal terms: a joint agenda, shared funding, and research that stays in the region.
      Projects should have realistic prospects of being continued by the partners themselves. Institutes that contribute their own funds show *sustained commitment* (the opt-in principle).
      ## Further reading
      The full strategy is published on the ministry's website: [Africa strategy of the ministry](https://www.bmfi.example/international/africa-strategy).
    `,
  },
  {
    key: 'note:india-roadmap',
    title: 'German–Indian research roadmap {year-4}–{year+6}',
    kind: 'countryStrategy',
    status: 'final',
    countries: ['IN'],
    regions: [],
    topics: ['bilateral roadmap', 'young scientists', 'artificial intelligence', 'materials'],
    cases: ['case:india-roadmap'],
    contacts: ['person:annette-wolf', 'person:jan-ebert', 'person:meera-iyer', 'person:rohan-desai', 'person:petra-lorenz'],
    owner: 'A. Berger',
    created: -600,
    body: `
      ## Background
      In {year-4} both governments agreed for the first time on a joint research roadmap covering ten years. It aims to deepen cooperation, increase academic excellence and improve the mobility of researchers in both directions.
      ## Thematic areas
      - Innovative production technologies and advanced materials
      - Environment and sustainability, including water and clean energy
      - Health research and digital health
      - *New since {year-1}:* artificial intelligence
      ## Mobility programmes
      | Programme | Since | Fellows per year | Duration |
      |---|---|---|---|
      | Doctoral exchange | {year-4} | 40 | 6–12 months |
      | Postdoctoral fellowships | {year-3} | 25 | 12–24 months |
      | Industry placements | {year-2} | 15 | 3–6 months |
      | Returnee bridging grant | proposed | 10 | 12 months |
      ## Milestones
      1. {year-4}: roadmap signed at the intergovernmental consultations
      2. {year-3}: first joint call on production technologies
      3. {year-1}: artificial intelligence added as a thematic area
      4. {year}: mid-term review
      5. {year+6}: final evaluation
      ## Open questions for the mid-term review
      - Is the return phase of the fellows sufficiently funded?
      - Should AI get its own joint call or be part of every call?
      - How do the joint calls reflect **research security**?
    `,
  },
  {
    key: 'note:ai-foresight',
    title: 'AI cooperation 2035: a foresight note',
    kind: 'foresight',
    status: 'draft',
    countries: ['SG', 'IN', 'VN'],
    regions: [],
    topics: ['artificial intelligence', 'foresight', 'research security'],
    cases: ['case:singapore-foresight', 'case:vietnam-ai'],
    contacts: ['person:rachel-tan', 'person:vikram-pillai', 'person:claire-dubois', 'person:annette-wolf'],
    owner: 'S. Wagner',
    created: -80,
    body: `
      ## Why this note
      International cooperation on artificial intelligence is shifting from open exchange to managed partnerships. This note draws on the foresight workshop in Singapore and asks what the ministry's instruments should look like in ten years.
      ## Four scenarios
      | Scenario | Drivers | What it means for cooperation |
      |---|---|---|
      | Open commons | open models, shared compute | broad calls, fast exchange of people |
      | Regulated blocs | diverging AI rules | cooperation within rule-compatible partners |
      | Technology nationalism | export controls, talent competition | narrow, security-screened projects |
      | Mission partnerships | climate and health missions | joint missions with shared data infrastructures |
      ## Signals to watch
      - Access to compute for partners in the Global South
      - Mutual recognition of AI regulation
      - Mobility restrictions for researchers in sensitive fields
      ## Recommendations (draft)
      1. Build **mission partnerships** in health and climate services with trusted partners.
      2. Fund shared compute and data infrastructure rather than single projects.
      3. Make research security checks *proportionate*: light for open science, thorough for dual-use work.
      The workshop report is available from the [Straits Institute](https://www.straits-ai.example/foresight-2035).
    `,
  },
  {
    key: 'note:ghana-strategy',
    title: 'Country strategy Ghana',
    kind: 'countryStrategy',
    status: 'final',
    countries: ['GH'],
    regions: [],
    topics: ['climate adaptation', 'young scientists', 'innovation'],
    cases: ['case:ghana-climate', 'case:ghana-exchange'],
    contacts: ['person:abena-darko', 'person:lena-fischer', 'person:nana-acheampong', 'person:esi-quaye'],
    owner: 'D. Nowak',
    created: -150,
    body: `
      ## Summary
      Ghana is one of our most reliable partners in West Africa: stable institutions, a growing research base and a ministry that has made research and innovation a priority. Our focus is **climate adaptation** along the coast and **young scientists**.
      ## Research landscape
      - Universities in Accra, Kumasi, Cape Coast and Koforidua with strong agricultural and engineering faculties
      - Public research institutes for climate, water and coastal processes
      - A new directorate for research and international partnerships since {year}
      ## Priorities
      1. Coastal climate adaptation: erosion, salinisation, adaptation planning with districts
      2. Young scientists: exchange programme and returnee grants
      3. Innovation: start-up support in Accra's digital hubs
      ## Key partners
      | Partner | Role | Contact person |
      |---|---|---|
      | Ministry of Research, Innovation and Digitalisation | policy counterpart | Dr. Abena Darko |
      | Densu Institute for Climate and Water Research | research partner | Prof. Nana Yaa Acheampong |
      | German Embassy Accra | science section | Ms Lena Fischer |
      | Embassy of Ghana in Berlin | education and science | Ms Esi Quaye |
      ## Risks
      - Limited co-funding on the Ghanaian side; matching contributions in kind should be accepted.
      - Brain drain after doctoral training abroad: the returnee component is essential.
    `,
  },
  {
    key: 'note:vietnam-strategy',
    title: 'Country strategy Viet Nam',
    kind: 'countryStrategy',
    status: 'draft',
    countries: ['VN'],
    regions: [],
    topics: ['artificial intelligence', 'water', 'climate adaptation', 'vocational training'],
    cases: ['case:vietnam-ai', 'case:mekong-salinity'],
    contacts: ['person:tobias-lenz', 'person:thu-ha-nguyen', 'person:bao-tran', 'person:thanh-huynh', 'person:duc-pham'],
    owner: 'L. Hoffmann',
    created: -120,
    saved: -9,
    earlier: [
      {
        on: -120,
        title: 'Country strategy Viet Nam (outline)',
        status: 'draft',
        body: `
          ## Chapters
          1. Summary
          2. Research landscape
          3. Priorities
          4. Partners and instruments
          *To be filled in after the handover from Dr. Haas.*
        `,
      },
      {
        on: -60,
        status: 'draft',
        body: `
          ## Summary
          Viet Nam invests heavily in artificial intelligence and in climate adaptation of the Mekong Delta. Our priorities are **water and climate** and **applied AI**.
          ## Priorities
          1. Water and climate adaptation in the Mekong Delta
          2. Applied artificial intelligence with industry
          ## Partners
          - Red River University of Technology, Hanoi
          - Mekong Delta Institute for Water and Environment, Cần Thơ
        `,
      },
    ],
    body: `
      ## Summary
      Viet Nam invests heavily in artificial intelligence and in the climate adaptation of the Mekong Delta. Our priorities are **water and climate**, **applied AI** and, newly, **vocational training** for the growing electronics industry.
      ## Research landscape
      - Strong technical universities in Hanoi and Ho Chi Minh City
      - National research cooperation fund co-finances joint calls
      - Rapidly growing private R&D in electronics and software
      ## Priorities
      1. Water and climate adaptation in the Mekong Delta (salinity, subsidence, flood risk)
      2. Applied artificial intelligence with industry partners
      3. Vocational training for electronics and mechatronics technicians
      ## Partners and instruments
      | Partner | Topic | Instrument |
      |---|---|---|
      | Red River University of Technology | applied AI, robotics | bilateral call, innovation voucher |
      | Mekong Delta Institute for Water and Environment | salinity monitoring | bilateral call |
      | German Embassy Hanoi | science section | network events |
      ## Research security
      Cooperation in applied AI requires a *proportionate* check of partners and end uses; see the note on due diligence.
      ## Next steps
      - Consult the embassy (Mr Lenz, Ms Nguyễn Thị Thu Hà) on the draft
      - Align with the regional strategy for Southeast Asia
    `,
  },
  {
    key: 'note:chile-strategy',
    title: 'Country strategy Chile',
    kind: 'countryStrategy',
    status: 'final',
    countries: ['CL'],
    regions: [],
    topics: ['green hydrogen', 'energy', 'mining'],
    cases: ['case:chile-h2'],
    contacts: ['person:sebastian-kuehn', 'person:valentina-rojas', 'person:camila-fuentes', 'person:jorge-munoz'],
    owner: 'L. Hoffmann',
    created: -300,
    body: `
      ## Summary
      Chile combines world-class solar resources with a national hydrogen strategy and a long tradition of German–Chilean research cooperation. Our focus: **green hydrogen**, **sustainable mining** and **astronomy data**.
      ## Priorities
      1. Green hydrogen: electrolysis under desert conditions, derivatives, port logistics
      2. Sustainable mining and critical raw materials
      3. Data science for large research infrastructures
      ## Instruments
      - Bilateral call with the Chilean funding agency every two years
      - Green hydrogen partnership programme (ministry)
      - Young scientists exchange with the Southern Cone
      ## Key partners
      - Universidad Técnica del Desierto, Antofagasta: Centre for Green Hydrogen
      - German Embassy Santiago: science section
      ## Risks
      - Concentration on a few regions in the north; include universities in the south.
      - Water use of hydrogen production is politically sensitive.
    `,
  },
  {
    key: 'note:sea-strategy',
    title: 'Regional strategy Southeast Asia',
    kind: 'regionalStrategy',
    status: 'final',
    countries: [],
    regions: ['035'],
    topics: ['artificial intelligence', 'health', 'water', 'climate adaptation'],
    cases: ['case:sea-matchmaking', 'case:robotics-voucher', 'case:vietnam-ai'],
    contacts: ['person:rachel-tan', 'person:siriporn-chaiyasit', 'person:farah-ismail', 'person:budi-santoso', 'person:hanna-roth'],
    owner: 'M. Keller',
    created: -200,
    body: `
      ## Summary
      Southeast Asia is a region of fast-growing research systems with very different starting points. We combine **excellence partnerships** with Singapore and Malaysia and **capacity partnerships** with Viet Nam, Indonesia and the Philippines.
      ## Thematic priorities
      - Artificial intelligence in health and industry
      - Water, coasts and climate adaptation
      - Vocational training linked to industrial partnerships
      ## Countries at a glance
      | Country | Strength | Our main instrument |
      |---|---|---|
      | Singapore | AI, health research | foresight dialogue, joint workshops |
      | Thailand | digital health | matchmaking |
      | Malaysia | engineering, materials | bilateral call |
      | Indonesia | robotics, vocational training | innovation voucher |
      | Viet Nam | applied AI, water | bilateral call |
      ## Regional formats
      1. An annual network workshop on AI and health, alternating between Singapore and Bangkok
      2. A joint call with ASEAN partners every two years
      3. Alumni meetings of the exchange programmes
      ## Further reading
      See the [regional dialogue page](https://www.bmfi.example/international/southeast-asia) of the ministry.
    `,
  },
  {
    key: 'note:hydrogen-analysis',
    title: 'Green hydrogen partnerships: a thematic analysis',
    kind: 'thematicAnalysis',
    status: 'final',
    countries: ['CL', 'ZA', 'NA', 'MA'],
    regions: [],
    topics: ['green hydrogen', 'energy', 'innovation'],
    cases: ['case:chile-h2', 'case:za-electrolyser'],
    contacts: ['person:camila-fuentes', 'person:thandiwe-nkosi', 'person:maren-schulte'],
    owner: 'L. Hoffmann',
    created: -140,
    saved: -35,
    earlier: [
      {
        on: -140,
        status: 'draft',
        body: `
          ## Question
          Where should research cooperation on green hydrogen concentrate: on production countries, on technologies, or on both?
          ## First observations
          - Chile and South Africa have the strongest research partners.
          - Companies want test sites more than joint publications.
        `,
      },
    ],
    body: `
      ## Question
      Where should research cooperation on green hydrogen concentrate: on production countries, on technologies, or on both?
      ## Findings
      1. **Chile** and **South Africa** have the strongest research partners and national strategies with research components.
      2. **Namibia** and **Morocco** are attractive production sites but have small research systems; cooperation should focus on training.
      3. Companies want *test sites under real conditions* more than joint publications.
      ## Comparison
      | Country | Research base | Test sites | Industry interest |
      |---|---|---|---|
      | Chile | strong | desert test field in Antofagasta | high |
      | South Africa | strong | 100 kW platform in Pretoria | high |
      | Namibia | emerging | planned | medium |
      | Morocco | medium | solar test centre | medium |
      ## Recommendations
      - Fund testbeds jointly with industry (innovation vouchers for feasibility, bilateral calls for research).
      - Link training of technicians to every large project.
      - Address water use openly in every partnership.
    `,
  },
  {
    key: 'note:brazil-evaluation',
    title: 'Evaluation of the young scientists exchange with Brazil',
    kind: 'evaluation',
    status: 'final',
    countries: ['BR'],
    regions: [],
    topics: ['evaluation', 'young scientists', 'mobility'],
    cases: ['case:brazil-evaluation', 'case:ghana-exchange'],
    contacts: ['person:ute-sommer', 'person:beatriz-almeida', 'person:juliana-ribeiro', 'person:carla-neumann', 'person:petra-lorenz'],
    owner: 'A. Berger',
    created: -125,
    body: `
      ## Scope
      Five years of the exchange, 186 fellows, evaluated by an independent evaluator with an alumni survey (response rate 64 %), 38 interviews and a document analysis.
      ## Main results
      - Fellows publish more internationally and more often with German co-authors.
      - Institutional ties outlast the fellowship in about half of the cases.
      - The application process is perceived as *long and complicated*.
      ## Recommendations
      | No. | Recommendation | Adopted |
      |---|---|---|
      | 1 | Shorter application cycle (two calls a year) | yes |
      | 2 | Alumni network with small follow-up grants | yes |
      | 3 | Joint supervision agreements | yes |
      | 4 | Online application in Portuguese | yes |
      | 5 | Industry placements | no |
      | 6 | Family allowances | no |
      ## Lessons for other countries
      The alumni network and the returnee component are transferable, for instance to the new round with **Ghana**.
    `,
  },
  {
    key: 'note:iawg-minutes',
    title: 'Minutes: International Affairs Working Group',
    kind: 'minutes',
    status: 'final',
    countries: ['CN'],
    regions: ['035'],
    topics: ['matchmaking', 'china days', 'research security'],
    cases: ['case:sea-matchmaking', 'case:china-days'],
    contacts: ['person:ben-akinola', 'person:frauke-jansen', 'person:lea-hartmann', 'person:konstantin-weber', 'person:nora-lehmann'],
    owner: 'S. Wagner',
    created: -62,
    body: `
      ## Participants
      Dr. Benedikt Akinola (chair), Prof. Dr. Frauke Jansen, Ms Lea Hartmann, Mr Konstantin Weber, Ms Nora Lehmann; the bureau as guest.
      ## Agenda
      1. Priority regions for the next two years
      2. China Days: format and research security
      3. Matchmaking for AI and health in Southeast Asia
      4. Science fairs
      ## Decisions
      - Priority regions remain Sub-Saharan Africa, Southeast Asia and Latin America.
      - The China Days get a **closed session** on research security for institute directors.
      - The international office commissions a map of AI and health projects in Southeast Asia.
      ## Action items
      | Action | Who | By |
      |---|---|---|
      | Survey of member institutes on Southeast Asia | Ms Lehmann | in four weeks |
      | Draft programme of the China Days | Ms Hartmann | in six weeks |
      | Science fair stand: partners | Mr Weber | next meeting |
    `,
  },
  {
    key: 'note:amman-minutes',
    title: 'Minutes: steering committee of the Jordan water alliance',
    kind: 'minutes',
    status: 'draft',
    countries: ['JO'],
    regions: [],
    topics: ['water', 'drylands'],
    cases: ['case:jordan-water'],
    contacts: ['person:rami-haddad', 'person:lina-khoury', 'person:omar-nasser', 'person:ingrid-maas'],
    owner: 'L. Hoffmann',
    created: -30,
    body: `
      ## Online meeting
      Participants: Dr. Rami Haddad, Dr. Lina Khoury, Eng. Omar Nasser; the bureau for the ministry.
      ## Items
      1. Progress of the two doctoral projects
      2. Monitoring plan for the groundwater network
      3. Date and agenda of the meeting in Amman
      ## Results
      - Both doctoral researchers have started; field campaigns begin in spring.
      - The monitoring plan needs a **data-sharing annex** before approval.
      - Next meeting in Amman; the ministry may send an observer.
      *Draft, to be approved at the next meeting.*
    `,
  },
  {
    key: 'note:research-security',
    title: 'Research security: due diligence for international partnerships',
    kind: 'thematicAnalysis',
    status: 'final',
    countries: [],
    regions: [],
    topics: ['research security', 'science diplomacy'],
    cases: ['case:shanghai-security', 'case:china-days', 'case:vietnam-ai'],
    contacts: ['person:jelena-markovic', 'person:marco-bianchi', 'person:julia-voss'],
    owner: 'S. Wagner',
    created: -40,
    body: `
      ## Principle
      As open as possible, as secure as necessary. Most cooperation needs no more than a short check; dual-use work needs a thorough one.
      ## Four questions
      1. **Who** is the partner: ownership, funding, links to military or security bodies?
      2. **What** is the work: export-controlled technologies, dual-use potential?
      3. **Where** does the data go: storage, access, transfer?
      4. **Who** takes part: screening duties for visiting researchers?
      ## Levels of checking
      | Level | When | Who decides |
      |---|---|---|
      | Light | open basic research, no sensitive data | project lead |
      | Standard | applied research, industry involved | institute management |
      | Thorough | dual-use, export-controlled, sensitive partner | board with export-control officer |
      ## Sources
      - ICSC principles on research security: [icsc.int.example](https://www.icsc.int.example/research-security-principles)
      - The ministry's guidance on cooperation with Russian institutions (institutional cooperation suspended)
    `,
  },
] as const satisfies readonly NoteSeed[];
