/**
 * Exporting the 50,000-person list (issue 12): CSV (Papa Parse) and XLSX (ExcelJS, streaming) through
 * the same code the export job runs (rows from the list operation, cells, writer), each beside a
 * floor measured in the same loop: the same rows fetched and JSON.stringify'd to UTF-8 bytes, the
 * least any export of them costs. Time and peak memory (the heap's rise over what it held after a
 * full collection, and the process's RSS, sampled every 10 ms while the export yields).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { downloadPlatform } from '../../electron/backend';
import { createContext } from '../../electron/backend/records/context';
import { createServices } from '../../electron/backend/services';
import { exportList } from '../../electron/backend/services/exports/exports';
import { fetchAllRows } from '../../electron/backend/services/exports/rows';
import { Store } from '../../electron/backend/store/store';
import type { ListExportRequest } from '../../shared/features/exports/contract';
import { writeWorkspace } from './domain-bench';
import { mb, median, ms, ratio, table } from './stats';

interface Measured {
  ms: number;
  rss: number;
  heap: number;
  bytes: number;
}

// A full collection before each measurement, so the baseline holds no garbage of the run before.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Runs `fn` once, sampling memory while it runs; returns its time, the process's peak RSS, the heap's peak rise, and the output size. */
async function measure(fn: () => Promise<Uint8Array>): Promise<Measured> {
  gc();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  const t0 = performance.now();
  const out = await fn();
  const took = performance.now() - t0;
  sample();
  clearInterval(timer);
  return { ms: took, rss, heap: heap - base.heapUsed, bytes: out.byteLength };
}

export async function benchExport(dir: string, runs = 3): Promise<string> {
  const size = { cases: 500, contacts: 50_000, organisations: 5_000, notes: 100, activities: 20_000, tasks: 100 };
  const dataDir = await writeWorkspace(dir, 'export-large', size);
  const store = await Store.open({ dataDir: join(dataDir) });
  const ctx = createContext(store);
  const services = createServices(ctx, downloadPlatform);
  const lists = { cases: services.cases, organisations: services.organisations, contacts: services.contacts, notes: services.notes, trips: services.trips };
  const request = (format: 'csv' | 'xlsx'): ListExportRequest => ({
    list: 'contacts',
    query: { text: '', countries: [], regions: [], topics: [], organisationKinds: [], languages: [], owners: [], groups: [], sort: 'name', direction: 'asc' },
    columns: ['name', 'role', 'organisation', 'country', 'email', 'phone', 'expertise', 'lastContact'],
    format,
    language: 'de',
  });
  // Warm the list's caches (rows, sort), as a screen that shows the list has.
  const rows = await fetchAllRows(lists, request('csv'));

  const results: Record<string, { export: Measured[]; floor: Measured[] }> = { csv: { export: [], floor: [] }, xlsx: { export: [], floor: [] } };
  for (let i = 0; i < runs; i++) {
    for (const format of ['csv', 'xlsx'] as const) {
      results[format]!.floor.push(await measure(async () => Buffer.from(JSON.stringify(await fetchAllRows(lists, request(format))), 'utf8')));
      results[format]!.export.push(await measure(async () => (await exportList(ctx, lists, request(format), () => {})).bytes));
    }
  }
  await store.close();
  const row = (format: 'csv' | 'xlsx') => {
    const { export: e, floor: f } = results[format]!;
    const t = median(e.map((m) => m.ms));
    const tf = median(f.map((m) => m.ms));
    return {
      format: format.toUpperCase(),
      rows: rows.length.toLocaleString('en'),
      'export median': ms(t),
      'floor (JSON.stringify) median': ms(tf),
      'export/floor': ratio(t, tf),
      'process peak RSS': mb(Math.max(...e.map((m) => m.rss))),
      'peak heap rise': mb(Math.max(...e.map((m) => m.heap))),
      'floor peak heap rise': mb(Math.max(...f.map((m) => m.heap))),
      file: mb(e[0]!.bytes),
      'floor bytes': mb(f[0]!.bytes),
    };
  };
  return `${table([row('csv'), row('xlsx')])}\n(${runs} runs each, alternating with the floor; rows fetched through contacts.list windows of 1,000 in both; 8 columns; German: semicolons, dd.mm.yyyy)`;
}
