import type { ActivityKind } from '../../../shared/features/cases/activities';
import type { CasePriority, CaseStatus } from '../../../shared/features/cases/schema';
import type { Classification } from '../../../shared/schemas/classification';
import type { OrgKey } from './organisations';
import type { PersonKey } from './people';
import type { Advisor, Offset } from './support';

export interface TaskSeed {
  readonly title: string;
  readonly due: Offset | null;
  readonly who: Advisor;
  /** The day it was ticked off; open when absent. */
  readonly done?: Offset;
}

export interface ActivitySeed {
  readonly kind: ActivityKind;
  readonly on: Offset;
  readonly title: string;
  readonly text: string;
  readonly with: readonly PersonKey[];
}

export interface CaseSeed {
  readonly key: `case:${string}`;
  readonly title: string;
  readonly client: OrgKey;
  readonly clientContacts: readonly PersonKey[];
  readonly partners: readonly OrgKey[];
  readonly funding: readonly string[];
  readonly countries: readonly string[];
  readonly topics: readonly string[];
  readonly priority: CasePriority;
  readonly owner: Advisor;
  readonly opened: Offset;
  readonly due: Offset | null;
  /** Status changes after the case was opened (in intake), oldest first; the last one is the current status. */
  readonly history: readonly (readonly [CaseStatus, Offset])[];
  readonly summary: string;
  /** Internal unless said otherwise. */
  readonly classification?: Classification;
  readonly tasks: readonly TaskSeed[];
  readonly timeline: readonly ActivitySeed[];
}

/**
 * 25 advisory cases in the spirit of an international bureau and a research association's
 * international office. "{year}" and "{year+1}" are filled with years relative to today.
 */
export const cases = [
  {
    key: 'case:ghana-climate',
    title: 'Climate adaptation partners in Ghana',
    client: 'org:mer-coastal',
    clientContacts: ['person:frauke-jansen', 'person:niklas-petersen'],
    partners: ['org:gh-densu', 'org:gh-akwapim', 'org:emb-accra'],
    funding: ['bilateral call {year+1}', 'ERA-NET co-fund'],
    countries: ['GH'],
    topics: ['climate adaptation', 'coastal research', 'water'],
    priority: 'high',
    owner: 'A. Berger',
    opened: -40,
    due: 21,
    history: [['analysis', -33], ['advising', -18]],
    summary:
      'The Meridian Institute for Coastal and Climate Research seeks two Ghanaian partners for a joint proposal on coastal erosion and adaptation planning in the Densu and Volta estuaries. We compiled a long list of universities and research centres in Accra, Cape Coast and Koforidua and held a first call with the Densu Institute. Next: a matchmaking video conference and a joint concept note before the bilateral call opens.',
    tasks: [
      { title: 'Send the long list of Ghanaian partners to the institute', due: -30, who: 'A. Berger', done: -31 },
      { title: 'Introductory call with the Densu Institute', due: -20, who: 'A. Berger', done: -21 },
      { title: 'Ask the embassy in Accra for a view on Akwapim University', due: -5, who: 'A. Berger' },
      { title: 'Organise the matchmaking video conference', due: 7, who: 'A. Berger' },
      { title: 'Review the draft concept note', due: 19, who: 'L. Hoffmann' },
    ],
    timeline: [
      { kind: 'email', on: -40, title: 'Request: partners in Ghana', text: 'The institute asks for two partners in Ghana for coastal adaptation research; deadline of the bilateral call in spring.', with: ['person:frauke-jansen'] },
      { kind: 'meeting', on: -35, title: 'Kick-off with the coastal risk group', text: 'Scope agreed: erosion monitoring, adaptation planning with districts, two doctoral positions. Dr. Boakye knows the Accra groups from her own doctorate.', with: ['person:frauke-jansen', 'person:niklas-petersen', 'person:efua-boakye'] },
      { kind: 'call', on: -21, title: 'Introductory call with the Densu Institute', text: 'Strong interest. The institute already runs tide gauges in the Densu estuary and would bring its district contacts. Asked for a draft work plan.', with: ['person:nana-acheampong', 'person:samuel-tetteh', 'person:niklas-petersen'] },
      { kind: 'email', on: -12, title: 'Embassy Accra: the climate research landscape', text: 'Ms Fischer sent the embassy’s overview of climate research groups and the ministry’s new research priorities.', with: ['person:lena-fischer'] },
      { kind: 'call', on: -4, title: 'Follow-up with Akwapim University', text: 'The university could contribute the agricultural side (salinisation of coastal farmland). Decision on the second partner after the video conference.', with: ['person:ama-sarpong', 'person:adwoa-mensah'] },
    ],
  },
  {
    key: 'case:vietnam-ai',
    title: 'Funding line for a joint AI project with Viet Nam',
    client: 'org:brandt',
    clientContacts: ['person:yvonne-rausch', 'person:timo-kranz'],
    partners: ['org:vn-redriver', 'org:emb-hanoi'],
    funding: ['bilateral call {year+1}', 'ERA-NET co-fund', 'innovation voucher'],
    countries: ['VN'],
    topics: ['artificial intelligence', 'robotics', 'innovation'],
    priority: 'normal',
    owner: 'L. Hoffmann',
    opened: -16,
    due: 30,
    history: [['analysis', -10]],
    summary:
      'Brandt Robotics asks which funding line fits a joint applied-AI project on machine-vision quality inspection with the Red River University of Technology in Hanoi. Options under review: the bilateral call, the ERA-NET co-fund on AI and an innovation voucher for a feasibility study. The Vietnamese side needs matching funds from its national research cooperation fund.',
    tasks: [
      { title: 'Compare eligibility rules of the three funding lines', due: -3, who: 'L. Hoffmann', done: -4 },
      { title: 'Research security check of the partner university', due: -1, who: 'S. Wagner' },
      { title: 'Clarify matching funds with the Vietnamese side', due: 6, who: 'L. Hoffmann' },
      { title: 'Written recommendation to the company', due: 25, who: 'L. Hoffmann' },
    ],
    timeline: [
      { kind: 'call', on: -16, title: 'Request: funding for a joint AI project', text: 'Company of 180 staff, first research project abroad. Wants a partner for training data and field tests in Vietnamese electronics plants.', with: ['person:yvonne-rausch'] },
      { kind: 'meeting', on: -9, title: 'Video call with Hanoi', text: 'The AI laboratory has a suitable data set and two doctoral students. Joint proposal possible from next spring.', with: ['person:yvonne-rausch', 'person:timo-kranz', 'person:bao-tran', 'person:lan-le'] },
      { kind: 'email', on: -6, title: 'Embassy Hanoi on Vietnamese co-funding', text: 'Mr Lenz confirms that the Vietnamese fund will co-finance projects in the joint call; applications in Vietnamese and English.', with: ['person:tobias-lenz', 'person:thu-ha-nguyen'] },
    ],
  },
  {
    key: 'case:africa-paper',
    title: 'Position paper for the committee on the Africa strategy',
    client: 'org:ministry-div-africa',
    clientContacts: ['person:matthias-kern', 'person:selin-aydin'],
    partners: ['org:firm', 'org:assoc', 'org:emb-nairobi-sci'],
    funding: ['young scientists exchange'],
    countries: ['KE', 'GH', 'NG', 'ZA', 'SN', 'RW'],
    topics: ['africa strategy', 'young scientists', 'innovation'],
    priority: 'urgent',
    owner: 'A. Berger',
    opened: -62,
    due: 5,
    history: [['analysis', -55], ['advising', -35], ['implementation', -14]],
    summary:
      'Draft a six-page position paper on innovation promotion and support for young scientists under the Africa strategy, with three options for the committee. The paper draws on the evaluation of the exchange programmes, the embassies’ reports and consultations with the research association. The final draft is due to the head of division before the committee meeting.',
    tasks: [
      { title: 'Collect embassy reports from Nairobi, Accra and Dakar', due: -40, who: 'A. Berger', done: -38 },
      { title: 'Consult the research association’s Africa Working Group', due: -25, who: 'A. Berger', done: -24 },
      { title: 'Draft the options chapter', due: -2, who: 'A. Berger' },
      { title: 'Layout and proofreading', due: 3, who: 'D. Nowak' },
      { title: 'Submit the final draft to Division 213', due: 5, who: 'A. Berger' },
    ],
    timeline: [
      { kind: 'meeting', on: -62, title: 'Commission from Division 213', text: 'Six pages, three options, one recommendation. The committee wants to see what the strategy achieved for young scientists.', with: ['person:matthias-kern', 'person:selin-aydin'] },
      { kind: 'call', on: -44, title: 'Embassy Nairobi: innovation ecosystem and young scientists', text: 'Hubs in Nairobi and Kigali are crowded with donors; the gap is follow-up funding for returnees.', with: ['person:katrin-vogt', 'person:grace-wambui'] },
      { kind: 'meeting', on: -24, title: 'Consultation with the Africa Working Group', text: 'Institutes ask for longer funding periods and joint appointments with African universities.', with: ['person:frauke-jansen', 'person:ben-akinola', 'person:florian-schreiber'] },
      { kind: 'email', on: -10, title: 'Comments on the draft from the desk', text: 'Option B (returnee fellowships) preferred; option C needs costing.', with: ['person:selin-aydin'] },
      { kind: 'call', on: -3, title: 'Options discussed with the head of division', text: 'Costing for option C agreed; Dr. Kern will present the paper himself.', with: ['person:matthias-kern'] },
    ],
  },
  {
    key: 'case:mexico-vet',
    title: 'Vocational training cooperation with Mexico',
    client: 'org:aivp',
    clientContacts: ['person:ralf-dietrich'],
    partners: ['org:mx-bajio'],
    funding: ['VET partnership programme'],
    countries: ['MX'],
    topics: ['vocational training', 'robotics'],
    priority: 'normal',
    owner: 'M. Keller',
    opened: -3,
    due: 45,
    history: [],
    summary:
      'First request from the Agency for International Vocational Partnerships: how to set up a dual-training pilot for mechatronics technicians with industry in Querétaro. The Instituto Tecnológico del Bajío has offered to host the pilot. We will map the chambers, companies and funding options before a first call.',
    tasks: [
      { title: 'Map German companies with plants in the Bajío region', due: 10, who: 'M. Keller' },
      { title: 'First call with the Instituto Tecnológico del Bajío', due: 14, who: 'M. Keller' },
    ],
    timeline: [
      { kind: 'email', on: -3, title: 'Request from AIVP', text: 'Pilot for 40 trainees per year; companies would provide in-plant training.', with: ['person:ralf-dietrich'] },
      { kind: 'call', on: -1, title: 'Short call with the head of partnerships', text: 'Timeline: pilot start in September next year; we deliver an options note in six weeks.', with: ['person:ralf-dietrich'] },
    ],
  },
  {
    key: 'case:chile-h2',
    title: 'Green hydrogen research roadmap with Chile',
    client: 'org:ministry-dg2',
    clientContacts: ['person:carla-neumann'],
    partners: ['org:cl-desierto', 'org:emb-santiago', 'org:elbwerk'],
    funding: ['bilateral call {year+1}', 'green hydrogen partnership programme'],
    countries: ['CL'],
    topics: ['green hydrogen', 'energy'],
    priority: 'high',
    owner: 'L. Hoffmann',
    opened: -85,
    due: 14,
    history: [['analysis', -70], ['advising', -40]],
    summary:
      'Prepare a joint research roadmap on green hydrogen with Chile for the ministry: priority topics (electrolysis under desert conditions, hydrogen derivatives, port logistics), counterpart institutes in Antofagasta and Santiago, and instruments. The embassy’s science section arranges consultations with the Chilean side. The roadmap is to be presented at the bilateral commission in spring.',
    tasks: [
      { title: 'Interview Chilean hydrogen researchers', due: -50, who: 'L. Hoffmann', done: -48 },
      { title: 'Draft the chapter on priority topics', due: -8, who: 'L. Hoffmann', done: -9 },
      { title: 'Consultation with the embassy in Santiago', due: 4, who: 'L. Hoffmann' },
      { title: 'Align instruments with the ministry', due: 12, who: 'L. Hoffmann' },
    ],
    timeline: [
      { kind: 'meeting', on: -85, title: 'Kick-off with the policy officer', text: 'The roadmap should be short (ten pages) and name no more than five priority topics.', with: ['person:carla-neumann'] },
      { kind: 'call', on: -60, title: 'Antofagasta: Centre for Green Hydrogen', text: 'Test site for electrolysers in the desert available from next year; interested in degradation studies with German partners.', with: ['person:camila-fuentes', 'person:jorge-munoz'] },
      { kind: 'visit', on: -47, title: 'Site visit in Antofagasta', text: 'Visited the solar test field and the planned electrolysis hall. Technology transfer office will send its IP policy.', with: ['person:camila-fuentes', 'person:ignacio-pena', 'person:sebastian-kuehn'] },
      { kind: 'call', on: -20, title: 'Industry view from Hamburg', text: 'Elbwerk would join a test campaign in Chile if the South African testbed goes well.', with: ['person:maren-schulte'] },
      { kind: 'email', on: -7, title: 'Embassy: dates for the consultation', text: 'Two dates proposed for a hybrid consultation with Chilean institutes.', with: ['person:valentina-rojas'] },
    ],
  },
  {
    key: 'case:lodz-network',
    title: 'Kooperation Łódź – Москва – Αθήνα – İzmir',
    client: 'org:assoc-intl',
    clientContacts: ['person:konstantin-weber'],
    partners: ['org:pl-lodz', 'org:ru-moscow', 'org:gr-attica', 'org:tr-izmir'],
    funding: ['multilateral mobility call'],
    countries: ['PL', 'RU', 'GR', 'TR'],
    topics: ['regional studies', 'mobility', 'migration', 'research security'],
    priority: 'low',
    owner: 'M. Keller',
    opened: -150,
    due: null,
    history: [['analysis', -130], ['onHold', -95]],
    summary:
      'A multilateral mobility network on regional transformation and migration with partners in Łódź, Moscow, Athens and İzmir, proposed by the association’s Europe officer. The Moscow institute cannot be funded under the current guidance on cooperation with Russian institutions; individual researchers may join as guests of other partners. On hold until the new multilateral call is published.',
    tasks: [
      { title: 'Check eligibility of individual Russian researchers', due: -110, who: 'M. Keller', done: -112 },
      { title: 'Inform the partners about the pause', due: -90, who: 'M. Keller', done: -94 },
      { title: 'Watch for publication of the multilateral call', due: 60, who: 'M. Keller' },
    ],
    timeline: [
      { kind: 'meeting', on: -150, title: 'Proposal presented by the Europe officer', text: 'Four partners, short-term mobility for doctoral researchers, summer schools in rotation.', with: ['person:konstantin-weber'] },
      { kind: 'call', on: -128, title: 'Network call with Łódź, Athens and İzmir', text: 'All three partners committed; Athens offers to host the first summer school.', with: ['person:malgorzata-wisniewska', 'person:eleni-papadaki', 'person:ayse-yildirim', 'person:konstantin-weber'] },
      { kind: 'email', on: -115, title: 'Guest status in Athens', text: 'Prof. Morozov, now visiting professor in Athens, could take part through the Attica Institute.', with: ['person:andrei-morozov', 'person:eleni-papadaki'] },
      { kind: 'note', on: -95, title: 'Case paused', text: 'Paused until the multilateral call is published; partners informed.', with: ['person:konstantin-weber'] },
    ],
  },
  {
    key: 'case:china-days',
    title: 'China Days {year+1}: programme and research security',
    client: 'org:assoc-intl',
    clientContacts: ['person:ben-akinola', 'person:lea-hartmann'],
    partners: ['org:cn-yangtze', 'org:icsc'],
    funding: ['association strategy fund'],
    countries: ['CN'],
    topics: ['china days', 'research security', 'materials'],
    priority: 'normal',
    owner: 'S. Wagner',
    opened: -25,
    due: 60,
    history: [['analysis', -18]],
    summary:
      'Programme, speakers and format for next year’s China Days of the research association. The focus is materials research and the practical side of research security: due diligence, export control and dual-use questions. We advise on the risk assessment for each proposed Chinese speaker and on a closed-door session for member institutes.',
    tasks: [
      { title: 'Draft the programme outline', due: -5, who: 'S. Wagner', done: -6 },
      { title: 'Risk assessment of proposed speakers', due: 10, who: 'S. Wagner' },
      { title: 'Book venue and interpreters', due: 30, who: 'D. Nowak' },
    ],
    timeline: [
      { kind: 'meeting', on: -25, title: 'Planning meeting for the China Days', text: 'Two days, about 150 participants; a closed session on research security for institute directors.', with: ['person:ben-akinola', 'person:lea-hartmann'] },
      { kind: 'call', on: -15, title: 'Research security guidance', text: 'ICSC shares its due-diligence checklist and can send a speaker.', with: ['person:marco-bianchi', 'person:lea-hartmann'] },
      { kind: 'email', on: -8, title: 'Speaker suggestions from Shanghai', text: 'Three speakers proposed; one works in a laboratory on the export-control list and needs a closer look.', with: ['person:xiaoyan-sun'] },
    ],
  },
  {
    key: 'case:sea-matchmaking',
    title: 'Matchmaking: AI and health in Southeast Asia',
    client: 'org:assoc-intl',
    clientContacts: ['person:ben-akinola', 'person:nora-lehmann'],
    partners: ['org:mer-health', 'org:sg-straits', 'org:th-chaophraya', 'org:my-semenanjung'],
    funding: ['network workshop grant'],
    countries: ['SG', 'TH', 'MY', 'ID', 'VN'],
    topics: ['artificial intelligence', 'health', 'matchmaking'],
    priority: 'normal',
    owner: 'S. Wagner',
    opened: -38,
    due: 25,
    history: [['analysis', -30], ['advising', -12]],
    summary:
      'Which member institutes work on AI in health with partners in Southeast Asia? We compiled a map of 23 joint projects across nine institutes and found three clusters: medical imaging, epidemic intelligence and health data governance. Proposal: a network workshop in Singapore with the strongest partners.',
    tasks: [
      { title: 'Survey of member institutes', due: -20, who: 'S. Wagner', done: -19 },
      { title: 'Map of activities by country and topic', due: -8, who: 'S. Wagner', done: -10 },
      { title: 'Sound out the Straits Institute as co-host', due: -2, who: 'S. Wagner' },
      { title: 'Workshop concept for Singapore', due: 12, who: 'S. Wagner' },
    ],
    timeline: [
      { kind: 'meeting', on: -38, title: 'Request from the international office', text: 'The board wants to know where the association is strong in Southeast Asia before the regional strategy is revised.', with: ['person:ben-akinola', 'person:nora-lehmann'] },
      { kind: 'call', on: -22, title: 'Digital medicine group: partners in Bangkok and Singapore', text: 'Joint imaging projects with Bangkok since 2019; data governance is the bottleneck.', with: ['person:arjun-menon', 'person:lukas-baumann', 'person:nora-lehmann'] },
      { kind: 'call', on: -11, title: 'Straits Institute: interest in a joint workshop', text: 'Dr. Tan is interested in co-hosting; prefers a date after the Singapore AI week.', with: ['person:rachel-tan', 'person:vikram-pillai'] },
      { kind: 'email', on: -6, title: 'Chao Phraya Institute: data governance cluster', text: 'Offers a session on cross-border health data sharing.', with: ['person:siriporn-chaiyasit', 'person:anan-wongsakul'] },
    ],
  },
  {
    key: 'case:brazil-evaluation',
    title: 'Evaluation of the young scientists exchange with Brazil',
    client: 'org:ministry-dg2',
    clientContacts: ['person:carla-neumann'],
    partners: ['org:firm', 'org:br-planalto'],
    funding: ['young scientists exchange'],
    countries: ['BR'],
    topics: ['evaluation', 'young scientists', 'mobility'],
    priority: 'normal',
    owner: 'A. Berger',
    opened: -330,
    due: -120,
    history: [['analysis', -320], ['advising', -280], ['implementation', -250], ['closed', -110]],
    summary:
      'Evaluation of five years of the young scientists exchange with Brazil, carried out with an independent evaluator. Final report delivered; the ministry adopted four of six recommendations for the next call, including shorter application cycles and an alumni network.',
    tasks: [
      { title: 'Commission the independent evaluator', due: -300, who: 'A. Berger', done: -305 },
      { title: 'Alumni survey', due: -220, who: 'A. Berger', done: -225 },
      { title: 'Final report to the ministry', due: -125, who: 'A. Berger', done: -122 },
    ],
    timeline: [
      { kind: 'meeting', on: -330, title: 'Kick-off of the evaluation', text: 'Questions agreed: career effects, institutional ties, administrative burden.', with: ['person:carla-neumann', 'person:ute-sommer', 'person:petra-lorenz'] },
      { kind: 'visit', on: -240, title: 'Interviews in Brasília', text: 'Twelve interviews with alumni and supervisors; the alumni ask for a network and small follow-up grants.', with: ['person:beatriz-almeida', 'person:ute-sommer', 'person:juliana-ribeiro'] },
      { kind: 'meeting', on: -123, title: 'Presentation of the final report', text: 'Six recommendations presented; discussion on costs of the alumni network.', with: ['person:carla-neumann', 'person:ute-sommer', 'person:ana-kovac'] },
      { kind: 'email', on: -110, title: 'Recommendations adopted', text: 'The ministry adopts four recommendations for the next call. Case closed.', with: ['person:carla-neumann'] },
    ],
  },
  {
    key: 'case:jordan-water',
    title: 'Water research alliance with Jordan',
    client: 'org:mer-water',
    clientContacts: ['person:ingrid-maas', 'person:rami-haddad'],
    partners: ['org:jo-valley'],
    funding: ['bilateral call {year-1}'],
    countries: ['JO'],
    topics: ['water', 'climate adaptation', 'drylands'],
    priority: 'high',
    owner: 'L. Hoffmann',
    opened: -190,
    due: 10,
    history: [['analysis', -175], ['advising', -140], ['implementation', -80]],
    summary:
      'Implementation of the joint laboratory agreement between the Meridian Institute for Water and Drylands Research and the Jordan Valley Institute. The agreement is signed and the first two doctoral researchers have started. Next step: the steering committee in Amman, which must approve the monitoring plan for the groundwater network.',
    tasks: [
      { title: 'Review the joint lab agreement', due: -100, who: 'L. Hoffmann', done: -98 },
      { title: 'Circulate minutes of the online steering committee', due: -30, who: 'L. Hoffmann', done: -28 },
      { title: 'Book travel to Amman', due: -6, who: 'D. Nowak' },
      { title: 'Prepare the steering committee agenda', due: 3, who: 'L. Hoffmann' },
    ],
    timeline: [
      { kind: 'meeting', on: -190, title: 'Request: support for the joint lab', text: 'Institute needs help with the agreement, the governance and the visa questions for doctoral researchers.', with: ['person:ingrid-maas', 'person:rami-haddad'] },
      { kind: 'visit', on: -85, title: 'Signing of the joint lab agreement in Amman', text: 'Agreement signed by both directors; press release by the Jordanian side.', with: ['person:ingrid-maas', 'person:lina-khoury', 'person:omar-nasser'] },
      { kind: 'meeting', on: -31, title: 'Steering committee (online)', text: 'Monitoring plan discussed; approval postponed to the meeting in Amman.', with: ['person:rami-haddad', 'person:lina-khoury', 'person:omar-nasser'] },
      { kind: 'call', on: -9, title: 'Agenda for the Amman meeting', text: 'Agenda agreed; the ministry may send an observer.', with: ['person:rami-haddad'] },
    ],
  },
  {
    key: 'case:canada-quantum',
    title: 'Quantum technologies: partners in Canada',
    client: 'org:mer-photonics',
    clientContacts: ['person:markus-thalheim', 'person:julia-voss'],
    partners: ['org:ca-northshore'],
    funding: ['joint doctoral programme'],
    countries: ['CA'],
    topics: ['quantum technologies', 'young scientists'],
    priority: 'normal',
    owner: 'S. Wagner',
    opened: -2,
    due: null,
    history: [],
    summary:
      'Initial request from the photonics institute for an overview of Canadian quantum research centres open to joint doctoral programmes. The Northshore Institute has signalled interest; we will check provincial and federal co-funding options.',
    tasks: [
      { title: 'Call with the Northshore Institute', due: 9, who: 'S. Wagner' },
      { title: 'Overview of Canadian quantum centres', due: 12, who: 'S. Wagner' },
    ],
    timeline: [
      { kind: 'email', on: -2, title: 'Request from the photonics institute', text: 'Looking for a partner for a joint doctoral programme in quantum photonics, 6–8 candidates per year.', with: ['person:julia-voss'] },
      { kind: 'call', on: -1, title: 'Northshore Institute: first contact', text: 'Dr. MacLeod is interested; their graduate programme already has a German partner in Munich.', with: ['person:hannah-macleod'] },
    ],
  },
  {
    key: 'case:india-roadmap',
    title: 'Mid-term review of the German–Indian research roadmap',
    client: 'org:ministry-div-asia',
    clientContacts: ['person:annette-wolf', 'person:jan-ebert'],
    partners: ['org:in-deccan', 'org:firm'],
    funding: ['bilateral roadmap', 'young scientists exchange'],
    countries: ['IN'],
    topics: ['bilateral roadmap', 'foresight', 'young scientists'],
    priority: 'high',
    owner: 'A. Berger',
    opened: -28,
    due: 18,
    history: [['analysis', -20]],
    summary:
      'Mid-term review of the ten-year German–Indian research roadmap: what has been achieved, which thematic areas need new instruments, and how the mobility programmes perform. The review feeds into the next intergovernmental consultations.',
    tasks: [
      { title: 'Collect output indicators from the funding programmes', due: -10, who: 'A. Berger', done: -12 },
      { title: 'Interviews with Indian partner institutions', due: 8, who: 'A. Berger' },
      { title: 'Draft the chapter on mobility programmes', due: 15, who: 'D. Nowak' },
    ],
    timeline: [
      { kind: 'meeting', on: -28, title: 'Commission from Division 214', text: 'Review to be ready for the consultations; focus on mobility and on AI as a new priority.', with: ['person:annette-wolf', 'person:jan-ebert'] },
      { kind: 'call', on: -14, title: 'Deccan Institute on the mobility programme', text: 'Fellowships work well; the return phase lacks funding. The institute would co-fund a bridging grant.', with: ['person:meera-iyer', 'person:rohan-desai'] },
      { kind: 'email', on: -5, title: 'Figures for the fellowships', text: 'FIRM sent the fellowship figures for the last five years.', with: ['person:petra-lorenz'] },
    ],
  },
  {
    key: 'case:africa-award',
    title: 'Africa Innovation Award {year+1}: call and jury',
    client: 'org:ministry-div-africa',
    clientContacts: ['person:selin-aydin', 'person:katrin-vogt'],
    partners: ['org:emb-nairobi-sci', 'org:emb-accra', 'org:young-forum'],
    funding: ['Africa Innovation Award'],
    countries: ['KE', 'GH', 'RW', 'SN', 'ZA', 'NG'],
    topics: ['africa strategy', 'innovation', 'young scientists'],
    priority: 'high',
    owner: 'D. Nowak',
    opened: -150,
    due: 12,
    history: [['analysis', -140], ['advising', -100], ['implementation', -60]],
    summary:
      'We design and run the German–African innovation award financed by the ministry: call text, eligibility, jury and ceremony. The call closed with 212 applications from 19 countries; the jury shortlist is due before the award ceremony in Nairobi.',
    tasks: [
      { title: 'Publish the call text in English and French', due: -90, who: 'D. Nowak', done: -92 },
      { title: 'Eligibility check of applications', due: -14, who: 'D. Nowak', done: -15 },
      { title: 'Confirm the ceremony venue with the embassy in Nairobi', due: -3, who: 'D. Nowak' },
      { title: 'Jury briefing pack', due: 2, who: 'D. Nowak' },
    ],
    timeline: [
      { kind: 'meeting', on: -150, title: 'Award concept with Division 213', text: 'Three categories: research-based start-ups, innovation in public services, young scientists.', with: ['person:selin-aydin', 'person:matthias-kern'] },
      { kind: 'email', on: -91, title: 'Call published', text: 'Call online in English and French; embassies asked to share it.', with: ['person:selin-aydin'] },
      { kind: 'call', on: -30, title: 'Embassy Nairobi: ceremony options', text: 'Two venues shortlisted; the ambassador would host a reception.', with: ['person:jonas-albrecht', 'person:grace-wambui'] },
      { kind: 'meeting', on: -12, title: 'Briefing of the jury chair', text: 'Dr. Uwase chairs the jury; conflicts of interest to be declared before the shortlist.', with: ['person:claudine-uwase', 'person:katrin-vogt'] },
    ],
  },
  {
    key: 'case:kenya-drylands',
    title: 'Drylands research network in Kenya',
    client: 'org:mer-water',
    clientContacts: ['person:ingrid-maas', 'person:achieng-otieno'],
    partners: ['org:ke-drylands', 'org:ke-riftvalley'],
    funding: ['bilateral call {year+1}', 'young scientists exchange'],
    countries: ['KE'],
    topics: ['drylands', 'climate adaptation', 'water'],
    priority: 'normal',
    owner: 'D. Nowak',
    opened: -70,
    due: 40,
    history: [['analysis', -60], ['advising', -30]],
    summary:
      'The water and drylands institute wants a research network on pastoral water management with Kenyan partners. We brought together the East African Institute for Drylands Research and Rift Valley University; a joint workshop in Nakuru defined three work packages. We now advise on the consortium agreement and a young scientists component.',
    tasks: [
      { title: 'Workshop in Nakuru: logistics', due: -40, who: 'D. Nowak', done: -42 },
      { title: 'Draft a consortium agreement template', due: 10, who: 'D. Nowak' },
      { title: 'Identify doctoral candidates for the exchange', due: 30, who: 'D. Nowak' },
    ],
    timeline: [
      { kind: 'call', on: -70, title: 'Request from the water and drylands institute', text: 'Network idea building on Ms Otieno’s doctoral project in Baringo county.', with: ['person:ingrid-maas'] },
      { kind: 'visit', on: -41, title: 'Workshop in Nakuru', text: 'Three work packages: water points and mobility, remote sensing of pasture, governance. Rift Valley University hosts the network office.', with: ['person:joseph-mwangi', 'person:peter-kiprono', 'person:faith-chebet', 'person:halima-abdi', 'person:brian-omondi', 'person:achieng-otieno'] },
      { kind: 'email', on: -20, title: 'Work package descriptions', text: 'Drafts of the three work packages circulated for comments.', with: ['person:joseph-mwangi', 'person:achieng-otieno'] },
    ],
  },
  {
    key: 'case:shanghai-security',
    title: 'Research security review: quantum photonics partnership in Shanghai',
    client: 'org:mer-photonics',
    clientContacts: ['person:julia-voss', 'person:wen-zhao'],
    partners: ['org:cn-yangtze', 'org:icsc'],
    funding: [],
    countries: ['CN'],
    topics: ['research security', 'quantum technologies', 'photonics'],
    priority: 'urgent',
    owner: 'S. Wagner',
    opened: -21,
    due: 4,
    history: [['analysis', -19]],
    summary:
      'The photonics institute has been offered a joint laboratory with the Yangtze Delta Academy. We review the partner’s funding and ownership structure, the export-control status of the planned work and the data flows, and recommend conditions. The institute’s board decides next week.',
    // A due-diligence review with red flags on end use: for those who need to know.
    classification: 'confidential',
    tasks: [
      { title: 'Ownership and funding profile of the partner', due: -10, who: 'S. Wagner', done: -11 },
      { title: 'Export-control pre-check with the institute’s officer', due: -4, who: 'S. Wagner' },
      { title: 'Recommendation to the board', due: 4, who: 'S. Wagner' },
    ],
    timeline: [
      { kind: 'call', on: -21, title: 'Request from the technology transfer office', text: 'Offer of a joint lab with generous Chinese funding; the board wants an independent view.', with: ['person:julia-voss'] },
      { kind: 'meeting', on: -13, title: 'Due diligence workshop', text: 'Went through the ICSC checklist: ownership, end use, data, people. Two red flags on end use.', with: ['person:julia-voss', 'person:wen-zhao', 'person:jelena-markovic'] },
      { kind: 'email', on: -7, title: 'Questions to Shanghai', text: 'Asked for the academy’s funding sources and the planned applications of the single-photon sources.', with: ['person:hao-liang', 'person:xiaoyan-sun'] },
    ],
  },
  {
    key: 'case:ghana-exchange',
    title: 'Young scientists exchange Ghana–Germany',
    client: 'org:firm',
    clientContacts: ['person:petra-lorenz', 'person:florian-schreiber'],
    partners: ['org:gh-ministry', 'org:gh-akwapim', 'org:young-forum'],
    funding: ['young scientists exchange'],
    countries: ['GH'],
    topics: ['young scientists', 'mobility'],
    priority: 'normal',
    owner: 'D. Nowak',
    opened: -6,
    due: 50,
    history: [],
    summary:
      'The Foundation for International Research Mobility plans a new round of the young scientists exchange with Ghana and asks for advice on target groups, partner universities and a bridging component for returnees. Ghana’s new director for research has signalled strong interest.',
    tasks: [
      { title: 'Collect lessons from the Brazil evaluation', due: 7, who: 'D. Nowak' },
      { title: 'Meeting with the Ghanaian embassy in Berlin', due: 14, who: 'D. Nowak' },
    ],
    timeline: [
      { kind: 'email', on: -6, title: 'Request from FIRM', text: 'New round planned for 30 fellows; the foundation asks for a concept within two months.', with: ['person:florian-schreiber'] },
      { kind: 'meeting', on: -2, title: 'Ghanaian embassy: education section', text: 'The embassy supports a bridging grant and will involve the ministry in Accra.', with: ['person:esi-quaye', 'person:florian-schreiber'] },
    ],
  },
  {
    key: 'case:za-electrolyser',
    title: 'Electrolyser testbed with South Africa',
    client: 'org:elbwerk',
    clientContacts: ['person:maren-schulte', 'person:henrik-ohlsen'],
    partners: ['org:za-highveld'],
    funding: ['innovation voucher', 'bilateral call {year+1}'],
    countries: ['ZA'],
    topics: ['green hydrogen', 'energy', 'innovation'],
    priority: 'high',
    owner: 'L. Hoffmann',
    opened: -100,
    due: 35,
    history: [['analysis', -90], ['advising', -50]],
    summary:
      'Elbwerk wants to test its electrolyser stack under South African grid and water conditions together with the hydrogen chair at Highveld University. We advise on the innovation voucher for the feasibility phase and on a larger bilateral project; open questions concern IP arrangements and the temporary import of test equipment.',
    tasks: [
      { title: 'Check the innovation voucher application', due: -45, who: 'L. Hoffmann', done: -47 },
      { title: 'IP arrangements: model agreement', due: 8, who: 'L. Hoffmann' },
      { title: 'Ask about temporary import of test equipment', due: 20, who: 'D. Nowak' },
    ],
    timeline: [
      { kind: 'meeting', on: -100, title: 'First meeting in Hamburg', text: 'The company wants field data from a sunny, water-scarce site before entering the South African market.', with: ['person:maren-schulte', 'person:henrik-ohlsen'] },
      { kind: 'call', on: -66, title: 'Hydrogen chair at Highveld University', text: 'The chair runs a 100 kW test platform and would host the stack for twelve months.', with: ['person:thandiwe-nkosi', 'person:pieter-van-wyk'] },
      { kind: 'email', on: -24, title: 'Innovation voucher approved', text: 'Feasibility phase funded; start in January.', with: ['person:henrik-ohlsen'] },
      { kind: 'call', on: -8, title: 'IP questions', text: 'The university’s research office will send its standard terms for background and foreground IP.', with: ['person:maren-schulte', 'person:lerato-molefe'] },
    ],
  },
  {
    key: 'case:rwanda-health',
    title: 'Digital health pilot with Rwanda',
    client: 'org:mer-health',
    clientContacts: ['person:clara-seidel', 'person:arjun-menon'],
    partners: ['org:rw-kivu'],
    funding: ['bilateral call {year}'],
    countries: ['RW'],
    topics: ['digital health', 'artificial intelligence', 'health'],
    priority: 'normal',
    owner: 'D. Nowak',
    opened: -160,
    due: null,
    history: [['analysis', -150], ['advising', -120], ['onHold', -65]],
    summary:
      'Pilot of an AI-supported triage tool in district hospitals with the Kivu Centre for Digital Health Innovation. The proposal was not selected in this year’s call; the partners will revise it for the next round. On hold until the call text is published.',
    tasks: [
      { title: 'Debrief on the reviewers’ comments', due: -50, who: 'D. Nowak', done: -55 },
      { title: 'Check the dates of the next call', due: 45, who: 'D. Nowak' },
    ],
    timeline: [
      { kind: 'meeting', on: -160, title: 'Idea presented by the digital medicine group', text: 'Triage support in district hospitals; the Kivu Centre brings the hospitals and the health ministry’s data.', with: ['person:arjun-menon', 'person:clara-seidel'] },
      { kind: 'call', on: -122, title: 'Kigali: scope of the pilot', text: 'Three district hospitals, 18 months, local data storage.', with: ['person:claudine-uwase', 'person:eric-habimana', 'person:arjun-menon'] },
      { kind: 'email', on: -65, title: 'Call result: not selected', text: 'Reviewers liked the idea but asked for a clearer evaluation design. Resubmission planned.', with: ['person:clara-seidel', 'person:claudine-uwase'] },
    ],
  },
  {
    key: 'case:brazil-bioeconomy',
    title: 'Bioeconomy alliance with Brazil',
    client: 'org:mer-landscape',
    clientContacts: ['person:gesine-albers', 'person:thiago-moraes'],
    partners: ['org:br-planalto'],
    funding: ['ERA-NET co-fund', 'bilateral call {year+1}'],
    countries: ['BR'],
    topics: ['bioeconomy', 'biodiversity', 'agriculture'],
    priority: 'low',
    owner: 'M. Keller',
    opened: -45,
    due: 75,
    history: [['analysis', -30]],
    summary:
      'The landscape and bioeconomy centre explores a bioeconomy alliance with Brazilian partners, building on former exchange fellows. We analyse the Brazilian bioeconomy programmes and the ERA-NET co-fund option.',
    tasks: [
      { title: 'Alumni contacts from the exchange', due: -12, who: 'M. Keller', done: -13 },
      { title: 'Overview of Brazilian bioeconomy programmes', due: 14, who: 'M. Keller' },
    ],
    timeline: [
      { kind: 'meeting', on: -45, title: 'Idea from the director', text: 'An alliance of three to five institutes on both sides; Dr. Ribeiro, now a postdoc at the centre, links the groups.', with: ['person:gesine-albers', 'person:thiago-moraes', 'person:juliana-ribeiro'] },
      { kind: 'call', on: -18, title: 'Brasília: Professor of Bioeconomy', text: 'Interested; the university is part of a national bioeconomy network.', with: ['person:rafael-costa', 'person:thiago-moraes'] },
    ],
  },
  {
    key: 'case:mekong-salinity',
    title: 'Salinity monitoring in the Mekong Delta',
    client: 'org:weser-tu',
    clientContacts: ['person:dirk-hansen', 'person:quang-vu'],
    partners: ['org:vn-mekong', 'org:emb-hanoi'],
    funding: ['bilateral call {year-1}'],
    countries: ['VN'],
    topics: ['water', 'climate adaptation', 'remote sensing', 'artificial intelligence'],
    priority: 'normal',
    owner: 'L. Hoffmann',
    opened: -240,
    due: 60,
    history: [['analysis', -225], ['advising', -200], ['implementation', -120]],
    summary:
      'Joint project on salinity intrusion monitoring in the Mekong Delta with satellite data and machine learning, funded under last year’s bilateral call. We support the implementation: visas for the Vietnamese researchers, the data-sharing agreement and the mid-term workshop in Cần Thơ.',
    tasks: [
      { title: 'Data-sharing agreement signed', due: -60, who: 'L. Hoffmann', done: -58 },
      { title: 'Visa support letters for two researchers', due: -25, who: 'L. Hoffmann', done: -26 },
      { title: 'Interim report to the funding agency', due: -7, who: 'L. Hoffmann' },
      { title: 'Programme of the mid-term workshop in Cần Thơ', due: 20, who: 'L. Hoffmann' },
    ],
    timeline: [
      { kind: 'meeting', on: -240, title: 'Project idea', text: 'Dr. Vũ proposes to combine Sentinel data with the institute’s salinity stations.', with: ['person:dirk-hansen', 'person:quang-vu'] },
      { kind: 'call', on: -130, title: 'Funding decision and next steps', text: 'Project approved; start in two months.', with: ['person:dirk-hansen', 'person:thanh-huynh'] },
      { kind: 'email', on: -59, title: 'Data-sharing agreement', text: 'Signed version received from Cần Thơ.', with: ['person:thanh-huynh', 'person:mai-vo'] },
      { kind: 'call', on: -27, title: 'Embassy Hanoi: visa appointments', text: 'Appointments for both researchers confirmed.', with: ['person:tobias-lenz', 'person:thu-ha-nguyen'] },
      { kind: 'meeting', on: -10, title: 'Progress meeting', text: 'First salinity maps validated against station data; workshop date fixed.', with: ['person:quang-vu', 'person:mai-vo', 'person:dirk-hansen'] },
    ],
  },
  {
    key: 'case:singapore-foresight',
    title: 'AI foresight workshop with Singapore',
    client: 'org:ministry-div-asia',
    clientContacts: ['person:annette-wolf', 'person:hanna-roth'],
    partners: ['org:sg-straits', 'org:icsc'],
    funding: ['foresight dialogue'],
    countries: ['SG'],
    topics: ['artificial intelligence', 'foresight'],
    priority: 'normal',
    owner: 'S. Wagner',
    opened: -260,
    due: -90,
    history: [['analysis', -240], ['implementation', -180], ['closed', -85]],
    summary:
      'A two-day foresight workshop on AI cooperation in 2035 with the Straits Institute for Applied AI, co-organised with the International Council for Science Cooperation. The results fed into the foresight note on AI cooperation; the workshop report is published.',
    tasks: [
      { title: 'Scenario framework', due: -200, who: 'S. Wagner', done: -202 },
      { title: 'Workshop report', due: -95, who: 'S. Wagner', done: -88 },
    ],
    timeline: [
      { kind: 'meeting', on: -255, title: 'Workshop concept with Division 214', text: 'Four scenarios, 30 participants, half from the region.', with: ['person:annette-wolf', 'person:tobias-lenz'] },
      { kind: 'visit', on: -120, title: 'Foresight workshop in Singapore', text: 'Two days, 34 participants. Strongest shared interest: trustworthy AI in health and climate services.', with: ['person:rachel-tan', 'person:vikram-pillai', 'person:claire-dubois', 'person:hanna-roth'] },
      { kind: 'email', on: -86, title: 'Workshop report sent', text: 'Report sent to the division; case closed.', with: ['person:annette-wolf', 'person:hanna-roth'] },
    ],
  },
  {
    key: 'case:senegal-solar',
    title: 'Solar technician training in Senegal',
    client: 'org:aivp',
    clientContacts: ['person:sabine-moeller'],
    partners: ['org:sn-sahel'],
    funding: ['VET partnership programme'],
    countries: ['SN'],
    topics: ['vocational training', 'energy', 'solar'],
    priority: 'normal',
    owner: 'M. Keller',
    opened: -120,
    due: 30,
    history: [['analysis', -105], ['advising', -70]],
    summary:
      'The vocational partnerships agency wants to support a dual training programme for solar technicians at the Institut Sahélien in Thiès with German solar companies. We advise on the curriculum partnership, the involvement of a chamber and the certification.',
    tasks: [
      { title: 'Curriculum comparison', due: -35, who: 'M. Keller', done: -36 },
      { title: 'Follow-up with the consultant on certification', due: -9, who: 'M. Keller' },
      { title: 'Identify German solar companies with West African business', due: 15, who: 'M. Keller' },
    ],
    timeline: [
      { kind: 'meeting', on: -120, title: 'Request from AIVP', text: 'Programme for 60 trainees a year; companies to provide placements.', with: ['person:ralf-dietrich', 'person:sabine-moeller'] },
      { kind: 'visit', on: -75, title: 'Visit to the Institut Sahélien in Thiès', text: 'Workshops well equipped; placements with companies are the gap. Ms Touré knows the sector well.', with: ['person:aminata-diallo', 'person:ousmane-sow', 'person:sabine-moeller', 'person:mariam-toure'] },
      { kind: 'call', on: -15, title: 'Curriculum questions', text: 'Modules on battery storage to be added; certification by the national vocational authority.', with: ['person:ousmane-sow', 'person:mariam-toure'] },
    ],
  },
  {
    key: 'case:nairobi-kigali-trip',
    title: 'Delegation trip to Nairobi and Kigali',
    client: 'org:ministry-dg2',
    clientContacts: ['person:henrike-stahl', 'person:matthias-kern'],
    partners: ['org:emb-nairobi', 'org:ke-drylands', 'org:rw-kivu'],
    funding: [],
    countries: ['KE', 'RW'],
    topics: ['africa strategy', 'innovation', 'digital health'],
    priority: 'high',
    owner: 'A. Berger',
    opened: -200,
    due: -100,
    history: [['analysis', -190], ['implementation', -150], ['closed', -95]],
    summary:
      'Preparation and follow-up of the Director-General’s delegation trip to Nairobi and Kigali: programme, briefing book, talking points and debrief. Follow-ups were handed to the desk and to the Africa award case.',
    tasks: [
      { title: 'Briefing book (full and partner version)', due: -112, who: 'A. Berger', done: -113 },
      { title: 'Debrief and follow-up list', due: -98, who: 'A. Berger', done: -96 },
    ],
    timeline: [
      { kind: 'meeting', on: -200, title: 'Trip planning with the Director-General’s office', text: 'Four days, two capitals; focus on innovation and young scientists.', with: ['person:henrike-stahl', 'person:matthias-kern'] },
      { kind: 'call', on: -140, title: 'Embassy Nairobi: programme', text: 'Programme agreed with the embassy; meeting with the drylands institute added.', with: ['person:katrin-vogt', 'person:thomas-reuter'] },
      { kind: 'visit', on: -106, title: 'Meetings in Nairobi', text: 'Drylands institute, innovation hub, university leadership. Follow-up: network in Kenya.', with: ['person:katrin-vogt', 'person:joseph-mwangi', 'person:grace-wambui', 'person:henrike-stahl'] },
      { kind: 'visit', on: -104, title: 'Meetings in Kigali', text: 'Kivu Centre: digital health pilot presented; interest in the award jury.', with: ['person:claudine-uwase', 'person:eric-habimana', 'person:henrike-stahl'] },
      { kind: 'meeting', on: -96, title: 'Debrief', text: 'Eight follow-ups; two handed to the desk, one to the award case.', with: ['person:henrike-stahl', 'person:matthias-kern', 'person:selin-aydin'] },
    ],
  },
  {
    key: 'case:robotics-voucher',
    title: 'Innovation voucher: robotics partners in Indonesia and Malaysia',
    client: 'org:brandt',
    clientContacts: ['person:stefan-brandt', 'person:yvonne-rausch'],
    partners: ['org:id-nusantara', 'org:my-semenanjung'],
    funding: ['innovation voucher'],
    countries: ['ID', 'MY'],
    topics: ['robotics', 'artificial intelligence', 'vocational training'],
    priority: 'low',
    owner: 'M. Keller',
    opened: -5,
    due: 40,
    history: [],
    summary:
      'Brandt Robotics wants to test its inspection robots with a university partner in Indonesia or Malaysia and asks whether an innovation voucher can cover the first feasibility study. Both universities also train technicians, which could open a vocational training component.',
    tasks: [
      { title: 'Check voucher eligibility for a feasibility study abroad', due: 8, who: 'M. Keller' },
      { title: 'Introductions to Surabaya and Kuala Lumpur', due: 20, who: 'M. Keller' },
    ],
    timeline: [
      { kind: 'email', on: -5, title: 'Request from Brandt Robotics', text: 'Second request from the company after the Viet Nam project; budget for a six-month feasibility study.', with: ['person:stefan-brandt', 'person:yvonne-rausch'] },
    ],
  },
  {
    key: 'case:icsc-briefing',
    title: 'Briefing for the ICSC committee on science diplomacy',
    client: 'org:ministry-dg2',
    clientContacts: ['person:henrike-stahl'],
    partners: ['org:icsc'],
    funding: [],
    countries: [],
    topics: ['science diplomacy', 'research security', 'foresight'],
    priority: 'normal',
    owner: 'A. Berger',
    opened: -150,
    due: -60,
    history: [['advising', -140], ['closed', -58]],
    summary:
      'Briefing for the German delegation to the ICSC committee on science diplomacy: positions on the draft research security principles and on the foresight programme. The committee adopted the principles with two German amendments.',
    tasks: [
      { title: 'Position on the research security principles', due: -90, who: 'A. Berger', done: -92 },
      { title: 'Delegation briefing', due: -65, who: 'A. Berger', done: -66 },
    ],
    timeline: [
      { kind: 'meeting', on: -150, title: 'Commission from the Director-General', text: 'Short briefing with positions and fallback lines.', with: ['person:henrike-stahl'] },
      { kind: 'call', on: -100, title: 'ICSC secretariat: draft principles', text: 'The secretariat expects broad support; open point is the reporting duty.', with: ['person:claire-dubois', 'person:marco-bianchi'] },
      { kind: 'meeting', on: -60, title: 'Debrief after the committee session', text: 'Principles adopted with both German amendments.', with: ['person:henrike-stahl', 'person:claire-dubois'] },
    ],
  },
] as const satisfies readonly CaseSeed[];

export type CaseKey = (typeof cases)[number]['key'];

/** Timeline entries that belong to no case: jour fixes, handovers, receptions, network meetings. */
export const looseActivities: readonly ActivitySeed[] = [
  { kind: 'call', on: -340, title: 'Moscow: status of individual contacts', text: 'Dr. Gromova continues to publish with the Łódź group; no institutional cooperation.', with: ['person:vera-gromova'] },
  { kind: 'meeting', on: -300, title: 'ICSC annual meeting, Paris', text: 'Research security principles and the foresight programme on the agenda for next year.', with: ['person:claire-dubois', 'person:marco-bianchi', 'person:henrike-stahl'] },
  { kind: 'meeting', on: -210, title: 'Science fair: planning the association’s stand', text: 'Stand shared by six institutes; the international office coordinates.', with: ['person:konstantin-weber', 'person:sophie-brandes'] },
  { kind: 'visit', on: -180, title: 'Visit of the Vietnamese embassy', text: 'Science and technology section presented the new national AI programme.', with: ['person:duc-pham'] },
  { kind: 'call', on: -170, title: 'Handover in Hanoi', text: 'Dr. Haas hands the science portfolio to Mr Lenz: open files, key contacts, the Mekong project.', with: ['person:felix-haas', 'person:tobias-lenz'] },
  { kind: 'note', on: -160, title: 'Handover at the Ghanaian research directorate', text: 'Dr. Amponsah retires; Dr. Darko takes over as director. Our files and the exchange programme were discussed with both.', with: ['person:kojo-amponsah', 'person:abena-darko'] },
  { kind: 'email', on: -140, title: 'Congratulations to the new research director', text: 'Sent congratulations and an invitation to visit Berlin.', with: ['person:abena-darko'] },
  { kind: 'call', on: -118, title: 'Introduction to the new head of the international office', text: 'Dr. Akinola takes over; regular jour fixe every second Thursday.', with: ['person:ben-akinola', 'person:sophie-brandes'] },
  { kind: 'meeting', on: -76, title: 'Farewell reception in Nairobi', text: 'Dr. Vogt leaves for Berlin; Dr. Albrecht introduced to the science community.', with: ['person:katrin-vogt', 'person:thomas-reuter', 'person:grace-wambui', 'person:jonas-albrecht'] },
  { kind: 'meeting', on: -65, title: 'International Affairs Working Group', text: 'Priority regions, the China Days and the matchmaking for Southeast Asia.', with: ['person:ben-akinola', 'person:frauke-jansen', 'person:lea-hartmann', 'person:konstantin-weber', 'person:nora-lehmann'] },
  { kind: 'meeting', on: -52, title: 'Conference of embassy science counsellors, Berlin', text: 'Reports from Nairobi, Accra, Hanoi and Santiago; research security briefing.', with: ['person:jonas-albrecht', 'person:lena-fischer', 'person:tobias-lenz', 'person:sebastian-kuehn'] },
  { kind: 'email', on: -25, title: 'Invitation: alumni evening', text: 'Invited alumni of the exchange programmes to the evening at the association.', with: ['person:efua-boakye', 'person:juliana-ribeiro', 'person:akosua-frimpong'] },
  { kind: 'call', on: -3, title: 'Jour fixe with the Africa desk', text: 'Position paper, award jury, the new exchange round with Ghana.', with: ['person:selin-aydin', 'person:katrin-vogt'] },
];
