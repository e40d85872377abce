/**
 * Importing 50,000 people from a CSV through the real backend (upload in slices, analysis job,
 * preview, apply job with its backup and one store update) against a floor measured in the same
 * run on the same bytes: decoding plus Papa Parse alone. Memory is the peak RSS sampled while each
 * runs (the import yields, so the sampler sees it) and the process's maxRSS after each; the file is
 * read in the reading thread the app runs when it is built (dist/workers), else in the source one.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import Papa from 'papaparse';
import { downloadPlatform, openBackend, type Backend } from '../../electron/backend';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { IMPORT_CHUNK_BYTES, toPieces } from '../../shared/features/imports/schema';
import { peopleCsv } from '../fixtures/imports';
import { mb, median, ms, ratio, table } from './stats';

function call<N extends OperationName>(backend: Backend, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  return backend.dispatch(name, input).then((e) => {
    if (!e.ok) throw AppError.fromBody(e.error);
    return e.data as OutputOf<N>;
  });
}

/** Peak RSS while `fn` runs, sampled every 10 ms, and its duration. */
async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  try {
    const result = await fn();
    const elapsed = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: elapsed, peakRss: peak };
  } finally {
    clearInterval(timer);
  }
}

async function job(backend: Backend, jobId: string) {
  for (;;) {
    const s = await call(backend, 'imports.status', { jobId });
    if (s.state === 'done') return s.result;
    if (s.state !== 'running') throw new Error(`job ended ${s.state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The reading thread as the app runs it (the bundle `npm run build` writes), when built; else the source one, started through tsx. */
const builtWorkerPath = join(import.meta.dirname, '../../', process.env.ATTACHE_OUT_DIR ?? 'dist', 'workers/import-read.cjs');
const builtWorker = existsSync(builtWorkerPath) ? builtWorkerPath : null;

export async function benchImport(dir: string, people = 50_000, runs = 3): Promise<string> {
  const bytes = peopleCsv(people);
  const rows: Array<Record<string, string>> = [];
  const floors: number[] = [];
  const totals: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Floor: the same bytes decoded and parsed by Papa Parse alone.
    const floor = await measured(async () => Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data.length);
    floors.push(floor.ms);
    const floorMaxRss = process.resourceUsage().maxRSS * 1024;

    const dataDir = join(dir, `import-${run}`);
    await mkdir(dataDir, { recursive: true });
    const backend = await openBackend({ dataDir, platform: downloadPlatform, ...(builtWorker ? { importReader: { script: builtWorker } } : {}) });
    try {
      await call(backend, 'workspace.initialize', { sample: false });
      const phases: Record<string, number> = {};
      const all = await measured(async () => {
        let t = performance.now();
        const { uploadId } = await call(backend, 'imports.begin', { fileName: 'people.csv', size: bytes.length });
        for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
          await call(backend, 'imports.upload', { uploadId, offset, data: toPieces(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES), (b) => Buffer.from(b).toString('base64')) });
        }
        phases.upload = performance.now() - t;
        t = performance.now();
        const parsed = await job(backend, (await call(backend, 'imports.analyse', { uploadId })).jobId);
        if (parsed.kind !== 'importParsed') throw new Error('not parsed');
        phases.analyse = performance.now() - t;
        t = performance.now();
        const preview = await call(backend, 'imports.preview', { uploadId, target: 'people', mapping: parsed.proposal.people });
        if (preview.valid !== people) throw new Error(`only ${preview.valid} valid rows`);
        phases.preview = performance.now() - t;
        t = performance.now();
        const applied = await job(backend, (await call(backend, 'imports.apply', { uploadId, target: 'people', mapping: parsed.proposal.people, duplicates: { all: 'skip', rows: [] }, language: 'en' })).jobId);
        if (applied.kind !== 'importApplied' || applied.created !== people) throw new Error('not applied');
        phases.apply = performance.now() - t;
        return applied;
      });
      totals.push(all.ms);
      rows.push({
        run: String(run + 1),
        'Papa Parse alone (floor)': ms(floor.ms),
        'floor peak RSS': mb(Math.max(floor.peakRss, 0)),
        upload: ms(phases.upload!),
        analyse: ms(phases.analyse!),
        preview: ms(phases.preview!),
        'apply (backup + plan + 1 write)': ms(phases.apply!),
        'import total': ms(all.ms),
        'vs floor': ratio(all.ms, floor.ms),
        'import peak RSS': mb(all.peakRss),
        'maxRSS before / after': `${mb(floorMaxRss)} / ${mb(process.resourceUsage().maxRSS * 1024)}`,
      });
    } finally {
      await backend.close();
    }
  }
  return `${people.toLocaleString('en')} people, ${mb(bytes.length)} of CSV, read in ${builtWorker ? 'the built worker (dist/workers/import-read.cjs)' : 'the source worker (through tsx: a slow start; npm run build first to time the bundle)'}; medians: import ${ms(median(totals))}, floor ${ms(median(floors))} (${ratio(median(totals), median(floors))})\n${table(rows)}`;
}
