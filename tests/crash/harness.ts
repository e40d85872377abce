/**
 * kill -9 at random points: the writer (writer.ts, bundled once with esbuild so each start is
 * quick) runs on one workspace; after a random number of acknowledged writes — plus a random
 * fraction of a write, so kills land inside journal appends, compactions and backups — it gets
 * SIGKILL. After each kill the workspace is opened as the next start would, and checked: it opens,
 * every acknowledged write is there, no temp file is left, every backup listed is restorable.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Store } from '../../electron/backend/store/store';

/** This folder, under vitest and under tsx (`npm run crash`) alike. */
const here = dirname(fileURLToPath(import.meta.url));

export interface CrashReport {
  kills: number;
  unreadable: number;
  lostWrites: number;
  tempFilesLeft: number;
  badBackups: number;
  failedStarts: number;
  acknowledged: number;
  problems: string[];
}

/** Bundled under node_modules/.cache, so its external dependencies (pdfkit) resolve from the repository. */
export async function bundleWriter(entry = 'writer'): Promise<string> {
  const out = join(here, '..', '..', 'node_modules', '.cache', 'attache-crash', `${entry}-${process.pid}.mjs`);
  // As the web host is built (scripts/build.mjs): ESM, with require for the CommonJS dependencies.
  await build({
    entryPoints: [join(here, `${entry}.ts`)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
    external: ['pdfkit'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __attacheRequire } from 'node:module'; const require = __attacheRequire(import.meta.url);" },
  });
  return out;
}

interface Ack {
  revision: number;
}

/** Runs the writer until `acks` writes are acknowledged, then kills it after a random few milliseconds of the next ones. */
function runAndKill(writer: string, dataDir: string, seed: number, acks: number, delayMs: number, passphrase: string | undefined, onLine: (line: string) => void): Promise<{ code: number | null; stderr: string; ready: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, String(seed), ...(passphrase ? [passphrase] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    let seen = 0;
    let ready = false;
    let killing = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line === 'ready') ready = true;
        else {
          onLine(line);
          seen++;
        }
        if (seen >= acks && !killing) {
          killing = true;
          // The random delay places the kill somewhere inside the next writes, not between them.
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr, ready }));
  });
}

export async function crashRun(opts: { kills: number; seed?: number; passphrase?: string; log?: (s: string) => void }): Promise<CrashReport> {
  const root = await mkdtemp(join(tmpdir(), 'attache-crash-'));
  const dataDir = join(root, 'workspace');
  const writer = await bundleWriter();
  let seed = opts.seed ?? 20261205;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const acked = new Map<string, Ack | 'deleted'>();
  const report: CrashReport = { kills: 0, unreadable: 0, lostWrites: 0, tempFilesLeft: 0, badBackups: 0, failedStarts: 0, acknowledged: 0, problems: [] };
  try {
    for (let k = 0; k < opts.kills; k++) {
      let deleting: string | null = null;
      const run = await runAndKill(writer, dataDir, Math.floor(rand() * 1e9), 1 + Math.floor(rand() * 25), Math.floor(rand() * 12), opts.passphrase, (line) => {
        const [kind, id, revision] = line.split('\t');
        if (kind === 'deleting') {
          deleting = id!;
          return;
        }
        deleting = null;
        report.acknowledged++;
        if (kind === 'put') acked.set(id!, { revision: Number(revision) });
        else if (kind === 'del') acked.set(id!, 'deleted');
      });
      if (run.code !== null && run.code !== 0) {
        // The writer died on its own: the previous kill left a workspace it could not start on.
        report.failedStarts++;
        report.problems.push(`start ${k}: ${run.stderr.split('\n').find((l) => l.startsWith('writer failed')) ?? run.stderr.slice(0, 200)}`);
      }
      report.kills++;

      // The next start, as the app does it: temp files go, the journal is replayed.
      const store = await Store.open({ dataDir, kdf: { N: 2 ** 14, r: 8, p: 1 } });
      if (store.state === 'locked' && opts.passphrase) await store.unlock(opts.passphrase);
      if (store.state !== 'ready') {
        report.unreadable++;
        report.problems.push(`kill ${k}: workspace ${store.state} ${store.problem?.kind ?? ''} ${store.problem?.detail ?? ''}`);
        break;
      }
      const byId = new Map(store.db.cases.map((c) => [c.id, c]));
      for (const [id, ack] of acked) {
        const found = byId.get(id);
        if (!found && id === deleting) {
          acked.set(id, 'deleted'); // the delete in flight when the kill came landed: fine
          continue;
        }
        if (ack === 'deleted') {
          if (found) {
            report.lostWrites++;
            report.problems.push(`kill ${k}: deleted case ${id} is back`);
          }
        } else if (!found || found.revision < ack.revision) {
          report.lostWrites++;
          report.problems.push(`kill ${k}: case ${id} revision ${ack.revision} acknowledged, found ${found?.revision ?? 'nothing'}`);
        } else if (found.revision > ack.revision) {
          acked.set(id, { revision: found.revision }); // written but killed before it was acknowledged: kept is fine
        }
      }
      for (const dir of [dataDir, join(dataDir, 'backups')]) {
        report.tempFilesLeft += (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.tmp')).length;
      }
      if (k % 10 === 9 || k === opts.kills - 1) {
        const backups = await store.listBackups(true);
        const bad = backups.filter((b) => !b.valid);
        report.badBackups += bad.length;
        for (const b of bad) report.problems.push(`kill ${k}: backup ${b.file} listed but not restorable`);
      }
      await store.close();
      opts.log?.(`kill ${k + 1}/${opts.kills}: ${report.acknowledged} writes acknowledged, ${report.lostWrites} lost`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(writer, { force: true });
  }
  return report;
}
