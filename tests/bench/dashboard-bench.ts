/**
 * The dashboard's one call (`dashboard.get`) at 1× and 10× a realistic workspace, beside a floor:
 * one plain pass over the same collections (what any computation of these sections must at least
 * read), measured alternately with it. "Cold" gives every collection a new identity, so every
 * memoised section and the people's rows are rebuilt (a restore, the first call after opening);
 * "after an edit" replaces only the contacts, as saving one person does.
 */
import type { Store } from '../../electron/backend/store/store';
import { createDashboardService } from '../../electron/backend/services/dashboard/dashboard';
import type { TripRecord } from '../../shared/features/trips/schema';
import { Collection } from '../../shared/schemas/collection';
import { chunkedNames, type Database } from '../../shared/schemas/database';
import { generateDomainDatabase, type DomainSize } from './generate-domain';
import { median, ms, percentile, table, time } from './stats';

const DESTINATIONS = ['GH', 'KE', 'NG', 'VN', 'IN', 'BR', 'CL', 'JP', 'ZA', 'ID'];

/** The generated workspace plus what the dashboard reads that the generator leaves empty: trips and GDPR review dates. */
function dashboardDatabase(size: DomainSize): Database {
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
  return { ...db, trips: Collection.from(trips), contacts: Collection.from(contacts) };
}

/** The same records under new collection identities: nothing memoised applies. */
function renewed(db: Database): Database {
  const out = { ...db } as Record<string, unknown>;
  for (const name of chunkedNames) out[name] = Collection.from([...(db[name] as Collection<unknown>)]);
  return out as Database;
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
    holder.db = { ...holder.db, contacts: Collection.from([...holder.db.contacts]) };
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
    { workspace: label, measure: 'what it found', value: `${d.myWork.total} open tasks (${d.myWork.overdue} overdue), ${d.gdprReviewDue.total} reviews due, ${d.activityByCountry.length} countries` },
  ];
}

export async function benchDashboard(runs: number): Promise<string> {
  const one: DomainSize = { cases: 500, contacts: 5_000, organisations: 500, notes: 1_000, activities: 2_000, tasks: 1_000 };
  const ten: DomainSize = { cases: 5_000, contacts: 50_000, organisations: 5_000, notes: 10_000, activities: 20_000, tasks: 10_000 };
  return table([...(await benchSize(one, runs)), ...(await benchSize(ten, runs))]);
}
