import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchDomain, writeWorkspace } from './domain-bench';
import { benchStore } from './store-bench';
import { benchBook } from './book-bench';
import { benchReports } from './reports-bench';
import { benchExport } from './export-bench';
import { benchContactList } from './ui-bench';
import { benchImport } from './import-bench';
import { benchArchive } from './archive-bench';
import { benchMatchmaking, benchMatchmakingService } from './matchmaking';
import { benchDashboard } from './dashboard-bench';
import { benchSearch } from './search-bench';
import { benchTeam } from './team-bench';
import { execFileSync } from 'node:child_process';

/**
 * `npm run bench`: generated workspaces of realistic and large size; prints figures, asserts nothing.
 * BENCH_ONLY=store (or domain, dashboard, search, team, ui, book, reports, import, export, archive, matchmaking) limits the sections; BENCH_RUNS sets the repetitions (medians are printed).
 */
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const wants = (section: string) => only.length === 0 || only.includes(section);

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'attache-bench-'));
  console.log(`Attaché benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
  try {
    if (wants('store')) {
      console.log('Store: open and one-edit save at 1×, 3×, 10× a realistic workspace, plain and encrypted, each beside its floor measured alternately');
      console.log(await benchStore(dir, (process.env.BENCH_STORE_FACTORS ?? '1,3,10').split(',').map(Number)));
      console.log('');
    }
    if (wants('domain') || wants('ui')) {
      const size = { cases: 5_000, contacts: 50_000, organisations: 5_000, notes: 10_000, activities: 20_000, tasks: 10_000 };
      const dataDir = await writeWorkspace(dir, 'domain-large', size);
      if (wants('domain')) {
        console.log('Advisory domain, large workspace: open, save, backend filters');
        console.log(await benchDomain(dataDir, size));
        console.log('');
      }
      if (wants('ui')) {
        // The renderer is measured as built; build it if sources changed.
        execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'ignore' });
        console.log('In Chromium via the web host: the 50,000-person list, warm beside its floor (a static page of 100 rows) measured alternately, and cold');
        console.log(await benchContactList(process.env.ATTACHE_OUT_DIR ?? 'dist', dataDir, Number(process.env.BENCH_RUNS ?? 7)));
        console.log('');
      }
    }
    if (wants('dashboard')) {
      console.log('Dashboard: dashboard.get at 1× and 10× a realistic workspace, beside one plain pass over the same collections, measured alternately');
      console.log(await benchDashboard(Number(process.env.BENCH_RUNS ?? 9)));
      console.log('');
    }
    if (wants('search')) {
      console.log('Search: the index of our own beside MiniSearch and FlexSearch, the update per save, open until the index is ready; at 1× and 10× a realistic workspace');
      console.log(await benchSearch(dir, Number(process.env.BENCH_RUNS ?? 9), (process.env.BENCH_SEARCH_FACTORS ?? '1,10').split(',').map(Number)));
      console.log('');
    }
    if (wants('team')) {
      console.log('Team sync with a CouchDB-protocol server on loopback (pouchdb-server): first sync and save → arrival, beside PouchDB alone measured alternately');
      console.log(await benchTeam(dir, (process.env.BENCH_TEAM_FACTORS ?? '1,10').split(',').map(Number), Number(process.env.BENCH_RUNS ?? 15)));
      console.log('');
    }
    if (wants('import')) {
      console.log('Import of 50,000 people from CSV through the backend, beside Papa Parse alone on the same bytes');
      console.log(await benchImport(dir, Number(process.env.BENCH_IMPORT_PEOPLE ?? 50_000), Number(process.env.BENCH_RUNS ?? 3)));
      console.log('');
    }
    if (wants('export')) {
      console.log('Exports: the 50,000-person list to CSV and XLSX, each beside JSON.stringify of the same rows');
      console.log(await benchExport(dir, Number(process.env.BENCH_RUNS ?? 3)));
      console.log('');
    }
    if (wants('archive')) {
      console.log('Opening an archive of 10× a realistic workspace (50,000 people): upload, inspect, open over a workspace, beside floors measured alternately');
      console.log(await benchArchive(dir, { cases: 5_000, contacts: 50_000, organisations: 5_000, notes: 10_000, activities: 20_000, tasks: 10_000 }, Number(process.env.BENCH_RUNS ?? 3)));
      console.log('');
    }
    if (wants('matchmaking')) {
      console.log('Matchmaking at a realistic size and at 10× (target ≤ 100 ms), beside one plain pass over the same collections, measured alternately');
      console.log(await benchMatchmaking(Number(process.env.BENCH_RUNS ?? 30)));
      console.log('');
      console.log(await benchMatchmakingService(Number(process.env.BENCH_RUNS ?? 10)));
      console.log('');
    }
    if (wants('book')) {
      console.log('Briefing book export (about 50 pages, goal ≤ 600 ms) against Chromium print-to-PDF of the same content with a reused page (goal ≥ 2× faster), measured alternately');
      console.log(await benchBook(30, 50, Number(process.env.BENCH_RUNS ?? 15)));
      console.log('');
    }
    if (wants('reports')) {
      console.log('Country dossier export at a realistic workspace and at 10×, beside a plain pdfkit document of the same pages, measured alternately');
      console.log(await benchReports(Number(process.env.BENCH_RUNS ?? 5)));
      console.log('');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
