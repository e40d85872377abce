// Why this file exists: every export runs as a job the user can cancel (jobs.cancel). A cancelled list
// export (CSV, XLSX, PDF report), subject-access export or archive export stops at its next checkpoint,
// reports CANCELLED, leaves no file where the save dialog pointed, and changes nothing in the workspace.
// The Electron platform is the real one (its save dialog answers with a path in a temp folder), so
// "no file behind" is a folder that stays empty; the same export without Cancel writes its file there.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { electronPlatform } from '../../electron/main/platform';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { tempDir, TEST_KDF } from './helpers/workspace';
import { filesOf } from './helpers/files';

const opened: Backend[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) await b.close();
});

async function setup() {
  const dataDir = await tempDir();
  const documents = await tempDir('attache-documents-');
  let n = 0;
  const platform = electronPlatform({
    app: { getPath: () => documents } as never,
    // The user picks a file name in the save dialog each time.
    dialog: { showSaveDialog: async () => ({ canceled: false, filePath: join(documents, `export-${++n}`) }) } as never,
    shell: { openPath: async () => '' } as never,
    window: () => null,
  });
  const backend = await openBackend({ dataDir, platform, kdf: TEST_KDF, now: () => new Date('2026-11-21T10:00:00Z') });
  opened.push(backend);
  const call = async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
    const envelope = await backend.dispatch(name, input);
    if (!envelope.ok) throw AppError.fromBody(envelope.error);
    return envelope.data as OutputOf<N>;
  };
  await call('workspace.initialize', { sample: true });
  return { backend, call, dataDir, documents };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Polls the job until it ends, as the window does. */
async function settle(s: Setup, jobId: string) {
  for (let i = 0; i < 3000; i++) {
    const status = await s.call('jobs.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the job did not end');
}


const exportsToTry: Array<[string, (s: Setup) => Promise<{ jobId: string }>]> = [
  ['CSV', (s) => s.call('exports.list', { list: 'contacts', query: {}, columns: ['name', 'organisation', 'email'], format: 'csv', language: 'en' })],
  ['XLSX', (s) => s.call('exports.list', { list: 'organisations', query: {}, columns: ['name', 'country', 'people'], format: 'xlsx', language: 'de' })],
  ['PDF report', (s) => s.call('exports.list', { list: 'contacts', query: {}, columns: ['name', 'organisation'], format: 'pdf', language: 'en', classification: 'confidential' })],
  [
    'subject access',
    async (s) => {
      const person = s.backend.store.db.contacts.at(0)!;
      return s.call('exports.subjectAccess', { contactId: person.id, language: 'en' });
    },
  ],
  ['country dossier', (s) => s.call('exports.countryDossier', { code: 'KE', language: 'en' })],
  ['portfolio report', (s) => s.call('exports.portfolioReport', { language: 'de', classification: 'public' })],
  ['archive', (s) => s.call('archive.export', {})],
];

describe('cancelling an export', () => {
  it.each(exportsToTry)('%s: stops at a checkpoint, reports CANCELLED, leaves no file and changes nothing; without Cancel the file is saved', async (_what, start) => {
    const s = await setup();
    await s.backend.store.flush();
    const before = await filesOf(s.dataDir);
    const db = s.backend.store.db;

    const { jobId } = await start(s);
    await s.call('jobs.cancel', { jobId });
    const status = await settle(s, jobId);
    expect(status.state).toBe('failed');
    expect(status.state === 'failed' && status.error.code).toBe('CANCELLED');
    expect(await readdir(s.documents)).toEqual([]);
    await s.backend.store.flush();
    expect(await filesOf(s.dataDir)).toEqual(before);
    expect(s.backend.store.db).toBe(db);

    // The same export left alone is saved where the dialog pointed: the check above could fail.
    const again = await settle(s, (await start(s)).jobId);
    expect(again.state).toBe('done');
    expect(await readdir(s.documents)).toHaveLength(1);
  });
});
