/**
 * Opening an archive of 10× a realistic workspace (50,000 people) through the real backend — the
 * slices sent as the window sends them (`archive.upload`), `archive.inspect`, `archive.open` over a
 * workspace (a backup first, a fresh snapshot written) — plain and encrypted, each beside floors
 * measured alternately in the same loop: for inspect, inflating the data entry and hashing it (what
 * checking the checksum cannot avoid); for open, JSON.parse + the database's zod parse of the same
 * JSON bytes (what validating once costs), and that plus writing the JSON once durably. Time (median
 * and p95) and memory (the process's peak RSS and the heap's peak rise, sampled every 10 ms).
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { unzipSync } from 'fflate';
import { downloadPlatform, openBackend, type Backend } from '../../electron/backend';
import { writeArchive } from '../../electron/backend/services/archive/format';
import { serializeChunks } from '../../electron/backend/store/json-adapter';
import { base64Parts, UPLOAD_SLICE_BYTES } from '../../shared/features/archive/schema';
import { DatabaseFile } from '../../shared/schemas/database';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import { generateDomainDatabase, type DomainSize } from './generate-domain';
import { mb, median, ms, percentile, ratio, table } from './stats';

const PASS = 'bench passphrase';
const KDF = { N: 2 ** 14, r: 8, p: 1 };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Measured {
  ms: number;
  rss: number;
  /** The process's RSS rise over what it held after a full collection (buffers live outside the heap). */
  rssRise: number;
  heap: number;
}

async function measure(fn: () => Promise<unknown>): Promise<Measured> {
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
  await fn();
  const took = performance.now() - t0;
  sample();
  clearInterval(timer);
  return { ms: took, rss, rssRise: rss - base.rss, heap: heap - base.heapUsed };
}

async function call<N extends OperationName>(b: Backend, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const envelope = await b.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.data as OutputOf<N>;
}

async function upload(b: Backend, bytes: Uint8Array): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const slice = bytes.subarray(offset, Math.min(offset + UPLOAD_SLICE_BYTES, bytes.byteLength));
    const r = await call(b, 'archive.upload', { ...(uploadId ? { uploadId } : {}), total: bytes.byteLength, offset, parts: base64Parts(slice) });
    uploadId = r.uploadId;
    offset = r.received;
  } while (offset < bytes.byteLength);
  return uploadId!;
}

async function writeDurably(path: string, bytes: Uint8Array) {
  const h = await open(path, 'w');
  await h.writeFile(bytes);
  await h.sync();
  await h.close();
}

export async function benchArchive(dir: string, size: DomainSize, runs = 3): Promise<string> {
  const db = generateDomainDatabase(size);
  const json = Buffer.concat(serializeChunks(db));
  const archives = {
    plain: await writeArchive(db, new Date(), null, KDF),
    encrypted: await writeArchive(db, new Date(), PASS, KDF),
  };
  const rows: Array<Record<string, string>> = [];
  for (const mode of ['plain', 'encrypted'] as const) {
    const bytes = archives[mode];
    const backend = await openBackend({ dataDir: join(dir, `archive-${mode}`), platform: downloadPlatform, kdf: KDF });
    await call(backend, 'workspace.initialize', { sample: false, ...(mode === 'encrypted' ? { passphrase: PASS } : {}) });
    const r = { upload: [] as Measured[], inspect: [] as Measured[], open: [] as Measured[], inspectFloor: [] as Measured[], openFloor: [] as Measured[], writeFloor: [] as Measured[] };
    for (let i = 0; i < runs; i++) {
      r.inspectFloor.push(
        await measure(async () => {
          const entries = unzipSync(bytes, { filter: (f) => f.name !== 'manifest.json' });
          const data = Object.values(entries)[0]!;
          return createHash('sha256').update(data).digest('hex');
        }),
      );
      r.openFloor.push(await measure(async () => DatabaseFile.parse(JSON.parse(json.toString('utf8')))));
      r.writeFloor.push(
        await measure(async () => {
          DatabaseFile.parse(JSON.parse(json.toString('utf8')));
          await writeDurably(join(dir, 'floor.json'), json);
        }),
      );
      let uploadId = '';
      r.upload.push(await measure(async () => (uploadId = await upload(backend, bytes))));
      r.inspect.push(await measure(() => call(backend, 'archive.inspect', { uploadId })));
      r.open.push(await measure(() => call(backend, 'archive.open', { uploadId, mode: 'replace', ...(mode === 'encrypted' ? { passphrase: PASS } : {}) })));
    }
    await backend.close();
    const med = (xs: Measured[]) => median(xs.map((m) => m.ms));
    const p95 = (xs: Measured[]) => percentile(xs.map((m) => m.ms), 95);
    const peak = (xs: Measured[]) => mb(Math.max(...xs.map((m) => m.rss)));
    const rise = (xs: Measured[]) => mb(Math.max(...xs.map((m) => m.heap)));
    const rssRise = (xs: Measured[]) => mb(Math.max(...xs.map((m) => m.rssRise)));
    rows.push({
      archive: `${mode}, ${mb(bytes.byteLength)} (JSON ${mb(json.byteLength)})`,
      'upload median': ms(med(r.upload)),
      'inspect median (p95)': `${ms(med(r.inspect))} (${ms(p95(r.inspect))})`,
      'floor unzip+sha256': ms(med(r.inspectFloor)),
      'inspect/floor': ratio(med(r.inspect), med(r.inspectFloor)),
      'open median (p95)': `${ms(med(r.open))} (${ms(p95(r.open))})`,
      'floor parse+zod': ms(med(r.openFloor)),
      'open/floor': ratio(med(r.open), med(r.openFloor)),
      'floor parse+zod+write': ms(med(r.writeFloor)),
      'open/floor+write': ratio(med(r.open), med(r.writeFloor)),
      'open peak RSS': peak(r.open),
      'open heap rise': rise(r.open),
      'floor heap rise': rise(r.openFloor),
      'inspect RSS rise': rssRise(r.inspect),
      'floor unzip RSS rise': rssRise(r.inspectFloor),
    });
  }
  return `${table(rows)}\n(${runs} runs each, alternating with the floors; open = over a workspace of the same size after the first run, backup included; encrypted: scrypt N=2^14)`;
}
