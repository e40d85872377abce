/**
 * The dashboard's one call (`dashboard.get`) at 1× and 10× a realistic workspace, beside a floor:
 * one plain pass over the same collections (what any computation of these sections must at least
 * read), measured alternately with it. "Cold" gives every collection a new identity, so every
 * memoised section and the people's rows are rebuilt (a restore, the first call after opening);
 * "after an edit" replaces one person's record (one chunk of the contacts), as saving them does.
 */
import type { Store } from '../../electron/backend/store/store';
import { createDashboardService } from '../../electron/backend/services/dashboard/dashboard';
import type { CooperationRecord } from '../../shared/features/cooperations/schema';
import type { PriorityRecord } from '../../shared/features/priorities/schema';
import type { ProgrammeRecord } from '../../shared/features/programmes/schema';
import type { TripRecord } from '../../shared/features/trips/schema';
import { Collection } from '../../shared/schemas/collection';
import { chunkedNames, type Database } from '../../shared/schemas/database';
import { generateDomainDatabase, type DomainSize } from './generate-domain';
import { median, ms, percentile, table, time } from './stats';

const DESTINATIONS = ['GH', 'KE', 'NG', 'VN', 'IN', 'BR', 'CL', 'JP', 'ZA', 'ID'];
const meta = (id: string, stamp: string) => ({ id, createdAt: stamp, updatedAt: stamp, revision: 1 });

/** The generated workspace plus what the dashboard reads that the generator leaves empty: trips and GDPR review dates. */
export function dashboardDatabase(size: DomainSize): Database {
  const db = generateDomainDatabase(size);
  const stamp = '2026-06-01T09:00:00.000Z';
  const trips: TripRecord[] = Array.from({ length: Math.max(10, Math.round(size.cases / 20)) }, (_, i) => {
    const start = new Date(Date.UTC(2025, 0, 1 + i * 3)).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(2025, 0, 4 + i * 3)).toISOString().slice(0, 10);
    return {
      id: `trip-${i}`,
      createdAt: stamp,
      updatedAt: stamp,
      revision: 1,
      title: `Delegation ${i}`,
      destinations: [{ country: DESTINATIONS[i % DESTINATIONS.length]!, city: '' }],
      startDate: start,
      endDate: end,
    } as unknown as TripRecord;
  });
  const contacts = db.contacts.map((c, i) => (i % 5 === 0 ? { ...c, gdpr: { ...c.gdpr, reviewOn: `2026-0${1 + (i % 9)}-15` } } : c));
  // The portfolio at the sample's proportions: 150 cooperations, 40 programmes, 20 priorities per 500 cases.
  const factor = size.cases / 500;
  const orgs = db.organisations.toArray();
  const statuses = ['idea', 'preparation', 'applied', 'funded', 'running', 'ended', 'declined'] as const;
  const cooperations = Array.from({ length: Math.round(150 * factor) }, (_, i) => ({
    ...meta(`coop-${i}`, stamp),
    title: `Cooperation ${i}`,
    status: statuses[i % statuses.length]!,
    start: `202${3 + (i % 4)}-0${1 + (i % 9)}-01`,
    end: null,
    institutes: [orgs[(i * 7) % orgs.length]!.id],
    partners: [orgs[(i * 13 + 1) % orgs.length]!.id, orgs[(i * 17 + 2) % orgs.length]!.id],
  })) as unknown as CooperationRecord[];
  const programmes = Array.from({ length: Math.round(40 * factor) }, (_, i) => ({
    ...meta(`prog-${i}`, stamp),
    name: `Programme ${i}`,
    funder: 'Funder',
    countries: [DESTINATIONS[i % DESTINATIONS.length]!],
    regions: [],
    topics: [],
    deadline: i % 4 === 0 ? null : new Date(Date.UTC(2026, 3, 1 + i * 2)).toISOString().slice(0, 10),
  })) as unknown as ProgrammeRecord[];
  const priorities = Array.from({ length: Math.round(20 * factor) }, (_, i) => ({
    ...meta(`prio-${i}`, stamp),
    title: `Priority ${i}`,
    country: i % 5 === 4 ? null : DESTINATIONS[i % DESTINATIONS.length]!,
    region: i % 5 === 4 ? ['011', '014', '005', '035'][i % 4]! : null,
    level: 1 + (i % 3),
    start: '2026-01-01',
    end: null,
    goals: [],
    topics: [],
    noteIds: [],
  })) as unknown as PriorityRecord[];
  return {
    ...db,
    trips: Collection.from(trips),
    contacts: Collection.from(contacts),
    cooperations: Collection.from(cooperations),
    programmes: Collection.from(programmes),
    priorities: Collection.from(priorities),
  };
}

/** The same records under new collection identities: nothing memoised applies. */
export function renewed(db: Database): Database {
  const out = { ...db } as Record<string, unknown>;
  for (const name of chunkedNames) out[name] = Collection.from([...(db[name] as Collection<unknown>)]);
  return out as Database;
}

/** The contacts after saving one person (a note changed): one chunk copied, the others shared, as the store's update does. */
function editedOne(contacts: Database['contacts'], i: number): Database['contacts'] {
  const chunks = [...contacts.chunks];
  const at = i % chunks.length;
  const chunk = [...chunks[at]!];
  chunk[0] = { ...chunk[0]!, notes: `edited ${i}` };
  chunks[at] = chunk;
  return new Collection(chunks);
}

/** One plain pass over the collections the dashboard reads, touching one field of each record. */
function floorPass(db: Database): number {
  let n = 0;
  for (const t of db.tasks) if (!t.done) n++;
  for (const c of db.cases) n += c.countries.length;
  for (const t of db.trips) n += t.destinations.length;
  for (const c of db.contacts) if (c.gdpr.reviewOn) n++;
  for (const p of db.positions) if (p.to === null) n++;
  for (const o of db.organisations) if (o.country) n++;
  for (const a of db.activities) n += a.participantIds.length;
  for (const c of db.cooperations) n += c.partners.length;
  for (const p of db.programmes) if (p.deadline) n++;
  for (const p of db.priorities) if (p.country) n++;
  return n;
}

async function benchSize(size: DomainSize, runs: number): Promise<Record<string, string>[]> {
  const base = dashboardDatabase(size);
  const holder = { db: base };
  const ctx = { store: holder as unknown as Store, now: () => new Date('2026-06-15T10:00:00'), newId: () => 'x' };
  const service = createDashboardService(ctx);
  service.get(); // warm the code paths
  const floor: number[] = [];
  const cold: number[] = [];
  const edited: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push((await time(() => floorPass(base), 1, 0))[0]!);
    holder.db = renewed(base);
    cold.push((await time(() => service.get(), 1, 0))[0]!);
    holder.db = { ...holder.db, contacts: editedOne(holder.db.contacts, i) };
    edited.push((await time(() => service.get(), 1, 0))[0]!);
  }
  const warm = await time(() => service.get(), runs, 1);
  const d = service.get();
  const label = `${size.cases.toLocaleString('en')} cases, ${size.contacts.toLocaleString('en')} people, ${size.tasks.toLocaleString('en')} tasks`;
  return [
    { workspace: label, measure: 'dashboard.get, cold (every section rebuilt), median / p95', value: `${ms(median(cold))} / ${ms(percentile(cold, 95))}` },
    { workspace: label, measure: 'dashboard.get after one person edited, median / p95', value: `${ms(median(edited))} / ${ms(percentile(edited, 95))}` },
    { workspace: label, measure: 'dashboard.get unchanged (memoised), median', value: ms(median(warm)) },
    { workspace: label, measure: 'floor: one plain pass over the same collections, median / p95', value: `${ms(median(floor))} / ${ms(percentile(floor, 95))}` },
    { workspace: label, measure: 'what it found', value: `${d.myWork.total} open tasks (${d.myWork.overdue} overdue), ${d.gdprReviewDue.total} reviews due, ${d.activityByCountry.length} countries, ${d.programmeDeadlines.total} deadlines, ${d.priorityGaps.total} of ${d.priorityGaps.active} priorities with gaps` },
  ];
}

export async function benchDashboard(runs: number): Promise<string> {
  const one: DomainSize = { cases: 500, contacts: 5_000, organisations: 500, notes: 1_000, activities: 2_000, tasks: 1_000 };
  const ten: DomainSize = { cases: 5_000, contacts: 50_000, organisations: 5_000, notes: 10_000, activities: 20_000, tasks: 10_000 };
  return table([...(await benchSize(one, runs)), ...(await benchSize(ten, runs))]);
}
