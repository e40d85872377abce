import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../../electron/backend/store/durable-write';
import { serializeChunks } from '../../electron/backend/store/json-adapter';
import { DATABASE_FILE, Store } from '../../electron/backend/store/store';
import { createContactService } from '../../electron/backend/services/contacts/contacts';
import { createContext } from '../../electron/backend/records/context';
import { generateDomainDatabase, type DomainSize } from './generate-domain';
import { mb, median, ms, percentile, table, time } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Writes a generated workspace into `dir` and returns its data folder. */
export async function writeWorkspace(dir: string, name: string, size: DomainSize): Promise<string> {
  const dataDir = join(dir, name);
  await mkdir(dataDir, { recursive: true });
  await writeFileDurably(join(dataDir, DATABASE_FILE), serializeChunks(generateDomainDatabase(size)));
  await (await Store.open({ dataDir })).close(); // the daily backup happens here, not in the measured opens
  return dataDir;
}

export async function benchDomain(dataDir: string, size: DomainSize): Promise<string> {
  const fileSize = (await stat(join(dataDir, DATABASE_FILE))).size;
  const path = join(dataDir, DATABASE_FILE);
  // Each store is closed again (a fraction of a millisecond with nothing written), so none is left open.
  const opens = await time(async () => (await Store.open({ dataDir })).close(), Math.max(3, Math.floor(RUNS / 2)), 0);
  // Without the seal (a file edited elsewhere, restored, or from an older version) every record is validated.
  const fullOpens = await time(async () => {
    await unlink(`${path}.seal`).catch(() => undefined);
    await (await Store.open({ dataDir })).close();
  }, 3, 0);
  const parseFloor = await time(async () => JSON.parse(await readFile(path, 'utf8')), 3, 0);

  const store = await Store.open({ dataDir });
  const ctx = createContext(store);
  const contacts = createContactService(ctx);
  let n = 0;
  const saves = await time(async () => {
    const c = store.db.contacts.at(n % 100)!;
    await contacts.update({ id: c.id, revision: c.revision, changes: { notes: `edited ${++n}` } });
  }, RUNS * 4, 2);

  const bytes = await readFile(path);
  const writeFloor = await time(async () => {
    const h = await open(join(dataDir, 'floor.json'), 'w');
    await h.writeFile(bytes);
    await h.sync();
    await h.close();
  }, 5, 1);

  const base = { text: '', countries: [], regions: [], topics: [], organisationKinds: [], languages: [], owners: [], groups: [], sort: 'name' as const, direction: 'asc' as const, offset: 0, limit: 100 };
  // Cold: the first list after an edit rebuilds the derived contact table; warm: the same query again.
  const edit = async () => {
    const c = store.db.contacts.at(0)!;
    await contacts.update({ id: c.id, revision: c.revision, changes: { notes: `x${Math.random()}` } });
  };
  const coldCountry: number[] = [];
  const coldText: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await edit();
    coldCountry.push((await time(() => contacts.list({ ...base, countries: ['KE'] }), 1, 0))[0]!);
    await edit();
    coldText.push((await time(() => contacts.list({ ...base, text: 'mensah haas' }), 1, 0))[0]!);
  }
  let k = 0;
  const countriesCycle = ['KE', 'VN', 'GH', 'CL', 'IN', 'BR'];
  const warmCountry = await time(() => contacts.list({ ...base, countries: [countriesCycle[k++ % countriesCycle.length]!] }), RUNS * 2, 0);
  const texts = ['mensah', 'petrov haas', 'nguyen', 'climate', 'silva 12', 'иван'];
  const warmText = await time(() => contacts.list({ ...base, text: texts[k++ % texts.length]! }), RUNS * 2, 0);
  const kenya = contacts.list({ ...base, countries: ['KE'] }).total;
  const textHits = contacts.list({ ...base, text: 'mensah haas' }).total;
  await store.close();

  return table([
    { measure: 'workspace', value: `${size.cases.toLocaleString('en')} cases, ${size.contacts.toLocaleString('en')} contacts, ${size.organisations.toLocaleString('en')} organisations, ${size.notes.toLocaleString('en')} notes, ${size.activities.toLocaleString('en')} activities` },
    { measure: 'file size', value: mb(fileSize) },
    { measure: 'open, sealed file (read, hash, parse, freeze), median', value: `${ms(median(opens))} (floor readFile + JSON.parse ${ms(median(parseFloor))})` },
    { measure: 'open, unsealed file (+ validate every record), median', value: ms(median(fullOpens)) },
    { measure: 'save one edited contact, median / p95', value: `${ms(median(saves))} / ${ms(percentile(saves, 95))} (floor writeFile + fsync ${ms(median(writeFloor))})` },
    { measure: `filter contacts by country (KE → ${kenya}), first after an edit`, value: ms(median(coldCountry)) },
    { measure: `filter contacts by text ("mensah haas" → ${textHits}), first after an edit`, value: ms(median(coldText)) },
    { measure: 'filter contacts by country, new query (rows built)', value: ms(median(warmCountry)) },
    { measure: 'filter contacts by text, new query (rows built)', value: ms(median(warmText)) },
  ]);
}
