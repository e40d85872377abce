/**
 * The import's reading thread: a large file is decoded and parsed here (read.ts, the same code
 * the main thread uses for a small one), so the backend's main thread goes on answering the window
 * while Papa Parse or ExcelJS work through megabytes. The table goes back in batches, each sent
 * only when the main thread asks for the next (it checks each batch before keeping it, and serves
 * other calls in between). Nothing here touches the disk or the store: a cancel terminates this
 * thread and nothing of it is left. Built as dist/workers/import-read.cjs; run from source through
 * read-worker-source.mjs.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { isAppError } from '../../../../shared/errors';
import { IMPORT_BATCH_CELLS, type ReaderMessage } from '../../../../shared/features/imports/schema';
import { readTable } from './read';

/** What the main thread hands over: the file's bytes (transferred, not copied) and its name. */
export interface ReaderInput {
  bytes: Uint8Array;
  fileName: string;
  /** Tests only: after the first progress report the thread waits until gate[0] is non-zero. */
  gate: Int32Array | null;
}

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread only.');
const post = (message: ReaderMessage) => port.postMessage(message);

let askedForNext: (() => void) | null = null;
port.on('message', (m: unknown) => {
  if (m === 'next') askedForNext?.();
});
const nextWanted = () => new Promise<void>((resolve) => (askedForNext = resolve));

async function main() {
  const { bytes, fileName, gate } = workerData as ReaderInput;
  post({ type: 'started', threadId });
  let held = gate === null;
  try {
    const table = await readTable(bytes, fileName, {
      progress: (fraction) => {
        post({ type: 'progress', fraction: Math.min(1, Math.max(0, fraction)) });
        if (!held && gate) {
          held = true;
          Atomics.wait(gate, 0, 0);
        }
      },
      // A cancel terminates the thread; there is nothing to check between slices.
      checkpoint: () => undefined,
    });
    const { rows, ...head } = table;
    post({ type: 'head', head: { format: head.format, encoding: head.encoding, delimiter: head.delimiter, headers: head.headers, notes: head.notes }, rowCount: rows.length });
    const perBatch = Math.max(1, Math.floor(IMPORT_BATCH_CELLS / head.headers.length));
    for (let at = 0; at < rows.length; at += perBatch) {
      const wanted = nextWanted();
      post({ type: 'rows', rows: rows.slice(at, at + perBatch) });
      // The batch is the main thread's now: let go of this copy while the rest is sent.
      rows.fill([], at, Math.min(rows.length, at + perBatch));
      await wanted;
    }
    post({ type: 'end' });
  } catch (e) {
    if (!isAppError(e)) throw e; // not the file's fault: the main thread reports the thread's failure
    post({ type: 'failed', error: { code: e.code, message: e.message.slice(0, 4000), ...(e.messageKey ? { messageKey: e.messageKey } : {}) } });
  }
}

void main().catch((e: unknown) => {
  // Thrown out of the thread: the main thread's 'error' handler turns it into the reader's error.
  setImmediate(() => {
    throw e;
  });
});
