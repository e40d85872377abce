/**
 * A large import file is read in a worker thread: the thread is seen (its id, its start and end),
 * the backend answers other calls while it parses, a cancel ends the job as cancelled with the
 * thread gone and every file of the workspace as it was, a malformed large file gives the same
 * message as a small one, and a thread that crashes is one clear error. The gate (a test hook of
 * the reader) holds the thread after its first progress report, so "while it parses" is a state
 * the test waits for, not a race against the clock.
 */
import { threadId as thisThread } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../electron/backend/services/imports/read';
import { WORKER_FROM_TEXT_BYTES, WORKER_FROM_XLSX_BYTES } from '../../electron/backend/services/imports/reader';
import type { AppError } from '../../shared/errors';
import { IMPORT_CHUNK_BYTES, toPieces, type ImportJobStatus } from '../../shared/features/imports/schema';
import { csv, peopleCsv, utf8 } from '../fixtures/imports';
import { openTestBackend, rejection, type TestBackend } from './helpers/workspace';
import { filesOf } from './helpers/files';

const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const clock = () => new Date('2026-11-21T10:00:00Z');
const tick = () => new Promise((resolve) => setImmediate(resolve));

interface ThreadEvent {
  state: 'started' | 'exited';
  threadId: number;
}

/** A backend whose reading threads are recorded and, with `hold`, wait at their first progress report. */
async function backendWithThreads(opts: { hold?: boolean; maxHeapMb?: number } = {}) {
  const events: ThreadEvent[] = [];
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const tb = await openTestBackend({
    now: clock,
    importReader: { onWorker: (e) => events.push(e), ...(opts.hold ? { gate } : {}), ...(opts.maxHeapMb ? { maxHeapMb: opts.maxHeapMb } : {}) },
  });
  const release = () => {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
  };
  return { tb, events, release };
}

async function stage(tb: TestBackend, fileName: string, bytes: Uint8Array): Promise<string> {
  const { uploadId } = await tb.call('imports.begin', { fileName, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    await tb.call('imports.upload', { uploadId, offset, data: toPieces(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES), base64) });
  }
  return uploadId;
}

async function waitForJob(tb: TestBackend, jobId: string): Promise<ImportJobStatus> {
  for (;;) {
    const status = await tb.call('imports.status', { jobId });
    if (status.state !== 'running') return status;
    await tick();
  }
}

/** Polls until the job reports progress, i.e. the thread has parsed its first slice (and, held, waits there). */
async function waitForProgress(tb: TestBackend, jobId: string): Promise<ImportJobStatus> {
  for (;;) {
    const status = await tb.call('imports.status', { jobId });
    if (status.state !== 'running' || status.progress > 0) return status;
    await tick();
  }
}


const PEOPLE = 20_000;
const large = peopleCsv(PEOPLE);

describe('import: a large file is read in a worker thread', () => {
  it('reads a large CSV and a large workbook in another thread, a small file without one', async () => {
    expect(large.length).toBeGreaterThan(WORKER_FROM_TEXT_BYTES);
    const { tb, events } = await backendWithThreads();

    const { jobId } = await tb.call('imports.analyse', { uploadId: await stage(tb, 'people.csv', large) });
    const done = await waitForJob(tb, jobId);
    expect(done).toMatchObject({ state: 'done', result: { kind: 'importParsed', format: 'csv', rowCount: PEOPLE } });
    if (done.state !== 'done' || done.result.kind !== 'importParsed') throw new Error('not read');
    expect(done.result.columns[0]).toMatchObject({ header: 'First Name', samples: ['Given0', 'Given1', 'Given2'] });
    expect(events.map((e) => e.state)).toEqual(['started', 'exited']);
    expect(events[0]!.threadId).not.toBe(thisThread);
    // What the thread read is what the planner uses: the preview sees every row.
    const preview = await tb.call('imports.preview', { uploadId: done.result.uploadId, target: 'people', mapping: done.result.proposal.people });
    expect(preview).toMatchObject({ rowCount: PEOPLE, valid: PEOPLE, invalid: 0 });

    // A workbook is zipped XML: from a smaller size on.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['First Name', 'Last Name', 'Notes']);
    for (let i = 0; i < 6000; i++) sheet.addRow([`G${i}`, `F${i}`, `Note ${i} ${'x'.repeat(i % 40)}`]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(xlsx.length).toBeGreaterThan(WORKER_FROM_XLSX_BYTES);
    const read = await waitForJob(tb, (await tb.call('imports.analyse', { uploadId: await stage(tb, 'people.xlsx', xlsx) })).jobId);
    expect(read).toMatchObject({ state: 'done', result: { format: 'xlsx', rowCount: 6000 } });
    expect(events.map((e) => e.state)).toEqual(['started', 'exited', 'started', 'exited']);

    // A small file is read on the backend's own thread: no thread starts.
    const small = await waitForJob(tb, (await tb.call('imports.analyse', { uploadId: await stage(tb, 'few.csv', utf8(csv([['First Name'], ['Ada']]))) })).jobId);
    expect(small).toMatchObject({ state: 'done', result: { rowCount: 1 } });
    expect(events).toHaveLength(4);
  }, 120_000); // three files read and one previewed: on a loaded machine more than the default 30 s

  it('answers other calls, reads and writes, while the thread is parsing', async () => {
    const { tb, events, release } = await backendWithThreads({ hold: true });
    const { jobId } = await tb.call('imports.analyse', { uploadId: await stage(tb, 'people.csv', large) });
    // The thread has parsed its first megabyte and is held there, mid-file.
    const parsing = await waitForProgress(tb, jobId);
    expect(parsing.state).toBe('running');
    expect(events).toEqual([{ state: 'started', threadId: expect.any(Number) }]);

    // Other operations are served now; the import is still parsing when they have answered.
    const created = await tb.call('organisations.create', { name: 'Kenya Water Institute', country: 'KE' });
    const listed = await tb.call('organisations.list', {});
    expect(listed.rows.map((r) => r.id)).toContain(created.id);
    const still = await tb.call('imports.status', { jobId });
    expect(still.state).toBe('running');
    expect(still.progress).toBeGreaterThan(0);
    expect(still.progress).toBeLessThan(1);

    release();
    expect(await waitForJob(tb, jobId)).toMatchObject({ state: 'done', progress: 1, result: { rowCount: PEOPLE } });
  });

  it('a cancel while the thread parses ends the job as cancelled, ends the thread and changes no byte of the workspace', async () => {
    const { tb, events, release } = await backendWithThreads({ hold: true });
    const uploadId = await stage(tb, 'people.csv', large);
    const db = tb.store.db;
    const files = await filesOf(tb.dataDir);

    const analysis = await tb.call('imports.analyse', { uploadId });
    expect((await waitForProgress(tb, analysis.jobId)).state).toBe('running');
    await tb.call('jobs.cancel', analysis);
    const ended = await waitForJob(tb, analysis.jobId);
    expect(ended.state).toBe('cancelled');
    // The thread was ended before the job said so (it never got past its first slice).
    expect(events.map((e) => e.state)).toEqual(['started', 'exited']);
    expect(tb.store.db).toBe(db);
    expect(await filesOf(tb.dataDir)).toEqual(files);
    // Nothing half-read was kept: the preview still needs a reading…
    expect((await rejection(tb.call('imports.preview', { uploadId, target: 'people', mapping: [] }))).messageKey?.key).toBe('imports.errors.notRead');
    // …and the staged file is whole for another try.
    release();
    expect(await waitForJob(tb, (await tb.call('imports.analyse', { uploadId })).jobId)).toMatchObject({ state: 'done', result: { rowCount: PEOPLE } });
  });

  it('a malformed large file gives the same message as a small one, and nothing changes', async () => {
    const { tb, events } = await backendWithThreads();
    const db = tb.store.db;
    const files = await filesOf(tb.dataDir);
    const text = new TextDecoder().decode(large);
    const lines = text.split('\r\n');
    lines.splice(12_345, 0, 'only,three,fields');
    const ragged = utf8(lines.join('\r\n'));
    const brokenXlsx = new Uint8Array(WORKER_FROM_XLSX_BYTES * 2);
    brokenXlsx.set([0x50, 0x4b, 0x03, 0x04]);
    for (let i = 4; i < brokenXlsx.length; i++) brokenXlsx[i] = (i * 7919) % 251;
    const cases: Array<[string, Uint8Array, string]> = [
      ['ragged.csv', ragged, 'imports.errors.ragged'],
      ['broken.xlsx', brokenXlsx, 'imports.errors.fileType'],
    ];
    for (const [name, bytes, key] of cases) {
      // What reading the same bytes on this thread says is what the job says.
      const here = await readTable(bytes, name, { progress: () => undefined, checkpoint: () => undefined }).then(
        () => null,
        (e: AppError) => e.toBody(),
      );
      expect(here?.messageKey?.key, name).toBe(key);
      const status = await waitForJob(tb, (await tb.call('imports.analyse', { uploadId: await stage(tb, name, bytes) })).jobId);
      expect(status, name).toMatchObject({ state: 'failed', error: here });
    }
    expect(events.filter((e) => e.state === 'started')).toHaveLength(2);
    expect(events.filter((e) => e.state === 'exited')).toHaveLength(2);
    expect(tb.store.db).toBe(db);
    expect(await filesOf(tb.dataDir)).toEqual(files);
  });

  it('a thread that runs out of memory is one clear error, and the backend goes on', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      // A heap far too small for the file: the thread dies (ERR_WORKER_OUT_OF_MEMORY), the backend does not.
      const { tb, events } = await backendWithThreads({ maxHeapMb: 4 });
      const db = tb.store.db;
      const status = await waitForJob(tb, (await tb.call('imports.analyse', { uploadId: await stage(tb, 'people.csv', large) })).jobId);
      expect(status).toMatchObject({ state: 'failed', error: { code: 'INTERNAL', messageKey: { key: 'imports.errors.reader' } } });
      expect(status.state === 'failed' && status.error.message).toContain('ERR_WORKER_OUT_OF_MEMORY');
      expect(events.map((e) => e.state)).toEqual(['started', 'exited']);
      expect(tb.store.db).toBe(db);
      expect((await tb.call('organisations.create', { name: 'Still answering' })).name).toBe('Still answering');
      await tick();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
