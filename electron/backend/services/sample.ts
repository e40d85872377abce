import { produce } from 'immer';
import { Database, emptyDatabase } from '../../../shared/schemas/database';
import type { CaseRecord } from '../../../shared/schemas/case';
import { type ServiceContext, localDate } from './context';

/** Fictional advisory cases in the spirit of an international bureau's work; no real people. */
const sampleCases: Array<Omit<CaseRecord, 'id' | 'createdAt' | 'updatedAt' | 'revision' | 'openedOn' | 'dueOn' | 'reference' | 'clientId' | 'clientContactIds' | 'partnerOrganisationIds' | 'fundingInstruments' | 'statusHistory'> & { opened: number; due: number | null }> = [
  { title: 'Climate adaptation partners in Ghana', client: 'Institute for Coastal Climate Research', countries: ['GH'], topics: ['climate adaptation', 'coastal research'], status: 'advising', priority: 'high', owner: 'A. Berger', opened: -40, due: 21, summary: 'The institute seeks two Ghanaian partners for a joint proposal on coastal erosion and adaptation planning. We compiled a long list of universities and research centres in Accra and Cape Coast and are preparing introductions.' },
  { title: 'Funding line for a joint AI project with Vietnam', client: 'Mittelstand Robotics GmbH', countries: ['VN'], topics: ['artificial intelligence', 'funding'], status: 'analysis', priority: 'normal', owner: 'L. Hoffmann', opened: -12, due: 30, summary: 'A company asks which bilateral funding line fits a joint applied-AI project with a university in Hanoi. Options: bilateral call, multilateral ERA-NET, innovation voucher.' },
  { title: 'Position paper for the committee on Africa strategy', client: 'Ministry, Directorate for International Cooperation', countries: ['KE', 'NG', 'ZA', 'SN'], topics: ['Africa strategy', 'young scientists', 'innovation'], status: 'implementation', priority: 'urgent', owner: 'A. Berger', opened: -60, due: 5, summary: 'Draft a six-page position paper on innovation promotion and support for young scientists under the Africa strategy, with three options for the committee.' },
  { title: 'Vocational training cooperation with Mexico', client: 'Federal Institute for Vocational Training (fictional)', countries: ['MX'], topics: ['vocational training', 'VET'], status: 'intake', priority: 'normal', owner: 'M. Keller', opened: -2, due: 45, summary: 'First request: how to set up a dual-training pilot with chambers of commerce in Querétaro.' },
  { title: 'Green hydrogen research roadmap with Chile', client: 'Energy Systems Research Centre', countries: ['CL'], topics: ['green hydrogen', 'energy'], status: 'advising', priority: 'high', owner: 'L. Hoffmann', opened: -80, due: 14, summary: 'Support the centre in aligning its research roadmap with the Chilean national hydrogen strategy; identify counterpart institutes in Antofagasta and Santiago.' },
  { title: 'Kooperation Łódź – Москва – Αθήνα – İzmir', client: 'Network of Eastern European Studies', countries: ['PL', 'GR', 'TR'], topics: ['regional studies', 'mobility'], status: 'onHold', priority: 'low', owner: 'M. Keller', opened: -150, due: null, summary: 'A multilateral mobility network with partners in Łódź, Athens and İzmir. On hold until the new funding call is published.' },
  { title: 'China Days 2027 programme', client: 'Research Association, International Office', countries: ['CN'], topics: ['China', 'events'], status: 'analysis', priority: 'normal', owner: 'S. Wagner', opened: -20, due: 60, summary: 'Programme, speakers and format for the annual China Days; risk assessment for research security.' },
  { title: 'Matchmaking: AI and health in Southeast Asia', client: 'Research Association, International Office', countries: ['SG', 'TH', 'MY', 'ID'], topics: ['artificial intelligence', 'health', 'matchmaking'], status: 'advising', priority: 'normal', owner: 'S. Wagner', opened: -35, due: 25, summary: 'Which member institutes work on AI in health with partners in Southeast Asia? Compile a map of activities and propose a network workshop.' },
  { title: 'Evaluation of the young scientists exchange with Brazil', client: 'Ministry, Directorate for International Cooperation', countries: ['BR'], topics: ['evaluation', 'young scientists'], status: 'closed', priority: 'normal', owner: 'A. Berger', opened: -300, due: -100, summary: 'Final evaluation delivered; recommendations adopted for the next call.' },
  { title: 'Water research alliance with Jordan', client: 'Institute for Water Resources', countries: ['JO'], topics: ['water', 'climate adaptation'], status: 'implementation', priority: 'high', owner: 'L. Hoffmann', opened: -110, due: 10, summary: 'Implementation of the joint lab agreement; next step is the steering committee in Amman.' },
  { title: 'Quantum technologies: partners in Canada', client: 'Quantum Photonics Institute', countries: ['CA'], topics: ['quantum technologies'], status: 'intake', priority: 'normal', owner: 'S. Wagner', opened: -1, due: null, summary: 'Initial request for an overview of Canadian quantum research centres open to joint doctoral programmes.' },
  { title: 'Bilateral roadmap review with India', client: 'Ministry, Directorate for International Cooperation', countries: ['IN'], topics: ['bilateral roadmap', 'foresight'], status: 'analysis', priority: 'high', owner: 'A. Berger', opened: -25, due: 18, summary: 'Mid-term review of the ten-year bilateral roadmap: what was achieved, which thematic areas need new instruments.' },
];

/** A believable workspace for a first look; dates are relative to today so deadlines feel current. */
export function buildSampleDatabase(ctx: ServiceContext): Database {
  const today = ctx.now();
  const day = (offset: number) => localDate(new Date(today.getTime() + offset * 86_400_000));
  const stamp = today.toISOString();
  const counters = new Map<number, number>();
  const cases: CaseRecord[] = sampleCases.map(({ opened, due, ...c }) => {
    const openedOn = day(opened);
    const y = Number(openedOn.slice(0, 4));
    const n = (counters.get(y) ?? 0) + 1;
    counters.set(y, n);
    return {
      ...c,
      id: ctx.newId(),
      reference: `AC-${y}-${String(n).padStart(3, '0')}`,
      openedOn,
      dueOn: due === null ? null : day(due),
      clientId: null,
      clientContactIds: [],
      partnerOrganisationIds: [],
      fundingInstruments: [],
      statusHistory: [{ status: c.status, on: openedOn }],
      createdAt: stamp,
      updatedAt: stamp,
      revision: 1,
    };
  });
  const db = produce(emptyDatabase(), (d) => {
    d.cases = cases;
  });
  return Database.parse(db);
}
