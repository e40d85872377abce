/**
 * Where the import's file is read: a small file on the main thread (read.ts directly: faster than
 * starting a thread), a large one in a worker thread (read-worker.ts), so the backend keeps
 * answering the window while megabytes are parsed. The worker's progress streams into the job's;
 * a cancel terminates it at once; whatever it sends is checked against the shared schemas before
 * the main thread keeps it; a crash, a message that does not fit or a thread that ends without its
 * table is one clear error (imports.errors.reader), never an unhandled rejection.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import { ReaderMessage, readRowsOf, type ReadTableHead } from '../../../../shared/features/imports/schema';
import type { JobControl } from '../workspace/jobs';
import { readTable, type Table } from './read';
import type { ReaderInput } from './read-worker';

/** From these sizes a file is read in a worker: text (CSV, vCard) and zipped XLSX (about ten times as much XML). */
export const WORKER_FROM_TEXT_BYTES = 1024 * 1024;
export const WORKER_FROM_XLSX_BYTES = 128 * 1024;

/** What a shell or a test may set about the reading thread. */
export interface ReaderOptions {
  /** Called when a reading thread starts and when it has ended (tests see the thread this way). */
  onWorker?: (event: { state: 'started' | 'exited'; threadId: number }) => void;
  /** Tests only: the thread waits after its first progress report until gate[0] is non-zero. */
  gate?: Int32Array;
  /** The thread's heap limit in MB (default: Node's); tests make it small to see a crash handled. */
  maxHeapMb?: number;
  /** The worker script to start instead of this layout's own (the bench, run from source, times the built bundle). */
  script?: string;
}

/** Parsing takes this share of the job's progress; handing the rows over the rest. */
const PARSE_SHARE = 0.8;

export const readerError = (detail: string) =>
  new AppError('INTERNAL', `The file could not be read to the end: ${detail.slice(0, 300)}`, { messageKey: { key: 'imports.errors.reader' } });

const cancelled = () => new AppError('CANCELLED', 'The job was cancelled.', { messageKey: { key: 'imports.cancelled' } });

/** The zip signature: an XLSX. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export const readsInWorker = (bytes: Uint8Array) => bytes.length >= (isZip(bytes) ? WORKER_FROM_XLSX_BYTES : WORKER_FROM_TEXT_BYTES);

/**
 * The worker's script. Run from source (this file is .ts: Vitest, tsx), a small ES module that
 * registers tsx first; in the built app the bundle beside the shell's own (dist/web/main.mjs and
 * dist/electron/main.cjs both sit one folder below dist/workers/). In a packaged app the script is
 * unpacked next to app.asar (electron-builder.yml asarUnpack), where Node's loader can read it.
 */
function workerScript(): string {
  const here = import.meta.url;
  if (/\.ts$/.test(new URL(here).pathname)) return fileURLToPath(new URL('./read-worker-source.mjs', here));
  const bundled = fileURLToPath(new URL('../workers/import-read.cjs', here));
  const unpacked = bundled.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== bundled && existsSync(unpacked) ? unpacked : bundled;
}

/**
 * Reads the file in a worker thread; resolves with the checked table. `bytes` must own its whole
 * buffer (the staging's copy): it is transferred to the thread, not copied, and unusable here after.
 */
export function readInWorker(bytes: Uint8Array, fileName: string, control: JobControl, opts: ReaderOptions = {}): Promise<Table> {
  control.checkpoint();
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
  const input: ReaderInput = { bytes: owned, fileName, gate: opts.gate ?? null };
  const worker = new Worker(opts.script ?? workerScript(), {
    workerData: input,
    transferList: [owned.buffer as ArrayBuffer],
    ...(opts.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb, maxYoungGenerationSizeMb: Math.max(1, Math.floor(opts.maxHeapMb / 4)) } } : {}),
    // Not the starting process's flags: under tsx they would run the loader's hooks over every module of the bundle.
    execArgv: [],
    stdout: false,
    stderr: false,
  });
  // A parse nobody can collect any more (the app closing) must not keep the process alive.
  worker.unref();
  const threadId = worker.threadId;
  opts.onWorker?.({ state: 'started', threadId });
  worker.once('exit', () => opts.onWorker?.({ state: 'exited', threadId }));

  return new Promise<Table>((resolve, reject) => {
    let settled = false;
    let head: ReadTableHead | null = null;
    let rowCount = 0;
    let rows: string[][] = [];
    let batch: ReturnType<typeof readRowsOf> | null = null;

    /** Ends the read once: the thread is terminated first, so nothing of it outlives the job. */
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      control.signal.removeEventListener('abort', onAbort);
      worker.removeAllListeners('message');
      worker.terminate().then(outcome, outcome);
    };
    const fail = (e: AppError) => finish(() => reject(e));
    const onAbort = () => finish(() => reject(cancelled()));
    control.signal.addEventListener('abort', onAbort);

    worker.on('message', (raw: unknown) => {
      const parsed = ReaderMessage.safeParse(raw);
      if (!parsed.success) return fail(readerError('the reading thread sent a message that does not fit'));
      const m = parsed.data;
      switch (m.type) {
        case 'started':
          return;
        case 'progress':
          return control.progress(m.fraction * PARSE_SHARE);
        case 'head':
          if (head) return fail(readerError('the reading thread sent the table twice'));
          head = m.head;
          rowCount = m.rowCount;
          batch = readRowsOf(head.headers.length);
          return control.progress(PARSE_SHARE);
        case 'rows': {
          if (!head || !batch) return fail(readerError('rows came before the header'));
          const checked = batch.safeParse(m.rows);
          if (!checked.success || rows.length + m.rows.length > rowCount) return fail(readerError('the rows do not fit the header'));
          // Checked: the rows as they came are kept (zod's copy is let go).
          for (const row of m.rows as string[][]) rows.push(row);
          control.progress(PARSE_SHARE + (1 - PARSE_SHARE) * (rows.length / rowCount));
          worker.postMessage('next');
          return;
        }
        case 'end': {
          if (!head || rows.length !== rowCount) return fail(readerError('the table arrived incomplete'));
          const table: Table = { ...head, rows };
          rows = [];
          return finish(() => resolve(table));
        }
        case 'failed':
          // The file's own fault (ragged, empty, not a workbook…): the same error as on the main thread.
          return fail(new AppError(m.error.code, m.error.message, m.error.messageKey ? { messageKey: m.error.messageKey } : {}));
      }
    });
    worker.on('messageerror', () => fail(readerError('a message from the reading thread could not be read')));
    worker.on('error', (e: Error) => fail(readerError((e as { code?: string }).code ?? e.message)));
    worker.on('exit', (code) => fail(readerError(`the reading thread ended (${code}) before the table was complete`)));
  });
}

/** Reads a staged file (a copy the reader owns): in a worker when it is large, else here. */
export function readStaged(bytes: Uint8Array, fileName: string, control: JobControl, opts: ReaderOptions = {}): Promise<Table> {
  return readsInWorker(bytes) ? readInWorker(bytes, fileName, control, opts) : readTable(bytes, fileName, control);
}
