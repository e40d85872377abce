import { emptyDatabaseFile, toDatabase, type Database } from '../../shared/schemas/database';
import type { CaseRecord } from '../../shared/features/cases/schema';
import { caseStatuses, casePriorities } from '../../shared/features/cases/schema';

/** A small deterministic PRNG, so every run measures the same data. */
export function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    some: <T>(list: readonly T[], n: number): T[] => {
      const out = new Set<T>();
      while (out.size < Math.min(n, list.length)) out.add(list[Math.floor(next() * list.length)]!);
      return [...out];
    },
  };
}

const countries = ['GH', 'KE', 'NG', 'ZA', 'SN', 'VN', 'TH', 'ID', 'IN', 'CN', 'BR', 'MX', 'CL', 'CA', 'PL', 'GR', 'TR', 'JO', 'EG', 'MA', 'UA', 'KZ', 'JP', 'KR', 'AU', 'US', 'FR', 'IT', 'ES', 'SE'];
const topics = ['climate adaptation', 'artificial intelligence', 'vocational training', 'green hydrogen', 'water', 'health', 'quantum technologies', 'mobility', 'foresight', 'bioeconomy', 'energy', 'young scientists', 'innovation', 'research security', 'digitalisation'];
const subjects = ['Partners in', 'Funding line for', 'Position paper on', 'Roadmap review with', 'Matchmaking for', 'Delegation visit to', 'Evaluation of programme in', 'Joint lab with', 'Science diplomacy dialogue with', 'Innovation prize jury for'];
const clients = ['Institute for Coastal Climate Research', 'Energy Systems Research Centre', 'Ministry, Directorate for International Cooperation', 'Research Association, International Office', 'Mittelstand Robotics GmbH', 'Institute for Water Resources', 'Quantum Photonics Institute', 'University of Applied Sciences Rhein-Main (fictional)'];
const words = 'cooperation partner institute funding call proposal mobility researchers joint programme strategy bilateral multilateral agreement workshop delegation embassy ministry evaluation foresight roadmap implementation capacity building innovation transfer laboratory network alliance priority region early-career exchange steering committee milestones budget co-funding'.split(' ');
const owners = ['A. Berger', 'L. Hoffmann', 'M. Keller', 'S. Wagner', 'J. Schmidt', 'K. Özdemir', 'P. Nowak'];

export function sentence(r: ReturnType<typeof rng>, min = 8, max = 22): string {
  const n = r.int(min, max);
  const w = Array.from({ length: n }, () => r.pick(words));
  w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
  return `${w.join(' ')}.`;
}

export function paragraph(r: ReturnType<typeof rng>, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r)).join(' ');
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (year: number, dayOfYear: number) => {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

export function generateCases(count: number, seed = 1): CaseRecord[] {
  const r = rng(seed);
  const perYear = new Map<number, number>();
  return Array.from({ length: count }, (_, i) => {
    const year = r.int(2018, 2026);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const opened = r.int(0, 300);
    const cs = r.some(countries, r.int(1, 3));
    const stamp = `${isoDay(year, opened)}T09:00:00.000Z`;
    return {
      id: `case-${seed}-${i}`,
      createdAt: stamp,
      updatedAt: stamp,
      revision: 1,
      title: `${r.pick(subjects)} ${cs.join(', ')}: ${r.pick(topics)}`,
      reference: `AC-${year}-${String(n).padStart(4, '0')}`,
      clientId: null,
      client: r.pick(clients),
      clientContactIds: [],
      partnerOrganisationIds: [],
      fundingInstruments: [],
      programmeId: null,
      // Every tenth case is confidential; taken from the index, not the rng, so the rest stays as it was.
      classification: i % 10 === 0 ? ('confidential' as const) : ('internal' as const),
      countries: cs,
      topics: r.some(topics, r.int(1, 4)),
      status: r.pick(caseStatuses),
      priority: r.pick(casePriorities),
      owner: r.pick(owners),
      openedOn: isoDay(year, opened),
      dueOn: r.next() < 0.8 ? isoDay(year, opened + r.int(10, 200)) : null,
      summary: Array.from({ length: r.int(1, 3) }, () => paragraph(r, r.int(3, 7))).join('\n\n'),
      statusHistory: [{ status: 'intake' as const, on: isoDay(year, opened) }],
      shortlist: [],
    };
  });
}

export function generateDatabase(spec: { cases: number }, seed = 1): Database {
  return toDatabase({ ...emptyDatabaseFile(), cases: generateCases(spec.cases, seed) });
}
