import { mkdir, open, readFile, writeFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { writeFileDurably } from '../../electron/backend/store/durable-write';
import { serializeChunks } from '../../electron/backend/store/json-adapter';
import { DATABASE_FILE, Store } from '../../electron/backend/store/store';
import { createContext } from '../../electron/backend/records/context';
import { createCaseService } from '../../electron/backend/services/cases/cases';
import { downloadPlatform } from '../../electron/backend/platform';
import type { Database } from '../../shared/schemas/database';
import { generateDatabase } from './generate';
import { mb, median, ms, percentile, ratio, table, time } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** The floor for a save: the same bytes written and flushed, nothing else. */
async function writeAndSync(path: string, bytes: Uint8Array) {
  const h = await open(path, 'w');
  await h.writeFile(bytes);
  await h.sync();
  await h.close();
}

export async function benchStore(dir: string, sizes: number[]): Promise<string> {
  const rows: Array<Record<string, string>> = [];
  for (const count of sizes) {
    const dataDir = join(dir, `store-${count}`);
    const db = generateDatabase({ cases: count });
    await mkdir(dataDir, { recursive: true });
    await writeFileDurably(join(dataDir, DATABASE_FILE), serializeChunks(db));
    const path = join(dataDir, DATABASE_FILE);
    await Store.open({ dataDir }); // writes the daily backup once, so measured opens do not
    const size = (await stat(path)).size;

    const openTimes = await time(() => Store.open({ dataDir }), RUNS);
    const fullOpenTimes = await time(async () => {
      await unlink(`${path}.seal`).catch(() => undefined);
      await Store.open({ dataDir });
    }, RUNS);
    const parseFloor = await time(async () => JSON.parse(await readFile(path, 'utf8')), RUNS);

    // One edited case per save, through the real service (validation, revision check, durable write).
    const store = await Store.open({ dataDir });
    const cases = createCaseService(createContext(store), downloadPlatform);
    let n = 0;
    const saveTimes = await time(async () => {
      const c = store.db.cases[n % 50]!;
      await cases.update({ id: c.id, revision: c.revision, changes: { title: `${c.title.replace(/ #\d+$/, '')} #${++n}` } });
    }, RUNS * 3, 2);
    const bytes = await readFile(path);
    const floorPath = join(dataDir, 'floor.json');
    const writeFloor = await time(() => writeAndSync(floorPath, bytes), RUNS * 3, 2);

    // lowdb's stock adapter on the same data: JSON.stringify(…, null, 2) and a rename, no fsync.
    const stockPath = join(dataDir, 'stock.json');
    await writeFile(stockPath, JSON.stringify(db));
    const stock = new Low<Database>(new JSONFile<Database>(stockPath), db);
    const stockRead = await time(() => stock.read(), RUNS);
    let m = 0;
    const stockWrite = await time(async () => {
      stock.data.cases[m % 50]!.title = `edited ${++m}`;
      await stock.write();
    }, RUNS * 3, 2);

    rows.push({
      cases: count.toLocaleString('en'),
      'file size': mb(size),
      'open (median)': ms(median(openTimes)),
      'floor read+parse': ms(median(parseFloor)),
      'open/floor': ratio(median(openTimes), median(parseFloor)),
      'open unsealed (full validation)': ms(median(fullOpenTimes)),
      'save 1 edit (median)': ms(median(saveTimes)),
      'save p95': ms(percentile(saveTimes, 95)),
      'floor write+fsync': ms(median(writeFloor)),
      'save/floor': ratio(median(saveTimes), median(writeFloor)),
      'lowdb JSONFile read': ms(median(stockRead)),
      'lowdb JSONFile write (no fsync)': ms(median(stockWrite)),
    });
  }
  return table(rows);
}
