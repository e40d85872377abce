/**
 * The store against its floors, at 1×, 3× and 10× a realistic workspace, plain and encrypted.
 * Each figure is measured alternately with its floor in the same loop (so both see the same disk
 * and machine state): open vs. readFile + JSON.parse of the same JSON; one save (an edited contact
 * through the real service) vs. appending one ~600-byte line + fsync; and, for comparison, what a
 * save cost before the journal: the whole file serialised, hashed, written, fsynced and renamed.
 */
import { appendFile, mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileDurably } from '../../electron/backend/store/durable-write';
import { serializeChunks } from '../../electron/backend/store/json-adapter';
import { DATABASE_FILE, Store } from '../../electron/backend/store/store';
import { createContactService } from '../../electron/backend/services/contacts/contacts';
import { createContext } from '../../electron/backend/records/context';
import { DEFAULT_KDF, newDataKey, unwrapKey, wrapKey } from '../../electron/backend/store/crypto';
import { decryptSnapshot, readSnapshot } from '../../electron/backend/store/snapshot';
import { generateDomainDatabase, type DomainSize } from './generate-domain';
import { mb, median, ms, percentile, ratio, table } from './stats';

const SAVES = Number(process.env.BENCH_SAVES ?? 30);
const OPENS = Number(process.env.BENCH_OPENS ?? 5);
const PASS = 'bench passphrase';
const KDF = { N: 2 ** 14, r: 8, p: 1 };

/** A realistic advisor's workspace (an international office's shared contacts), and multiples of it. */
export const realistic: DomainSize = { cases: 500, contacts: 5_000, organisations: 500, notes: 1_000, activities: 2_000, tasks: 1_000 };
const scaled = (k: number): DomainSize => Object.fromEntries(Object.entries(realistic).map(([key, n]) => [key, n * k])) as unknown as DomainSize;

async function clock(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function appendLineAndSync(path: string, line: Buffer) {
  const h = await open(path, 'a');
  await h.write(line);
  await h.datasync();
  await h.close();
}

async function openStore(dataDir: string, encrypted: boolean): Promise<Store> {
  const store = await Store.open({ dataDir, kdf: KDF });
  if (encrypted) await store.unlock(PASS);
  if (store.state !== 'ready') throw new Error(`bench workspace is ${store.state}`);
  return store;
}

const dataDirOf = (dir: string, k: number, encrypted: boolean) => join(dir, `store-${k}x-${encrypted ? 'enc' : 'plain'}`);

/**
 * Writes the plain and the encrypted workspace of size `k` and their floor files, and returns the
 * number of people. The generated objects are not kept: a heap holding a second copy of the
 * workspace makes every collection during the measured opens dearer than the app's ever is.
 */
async function prepare(dir: string, k: number): Promise<number> {
  const db = generateDomainDatabase(scaled(k));
  for (const encrypted of [false, true]) {
    const dataDir = dataDirOf(dir, k, encrypted);
    await mkdir(dataDir, { recursive: true });
    await writeFileDurably(join(dataDir, DATABASE_FILE), serializeChunks(db));
    const first = await Store.open({ dataDir, kdf: KDF }); // seals, writes the first backup
    if (encrypted) await first.setPassphrase(null, PASS);
    await first.close();
    // The floor parses the same JSON text the store has to parse (decrypted, for the encrypted store),
    // as JSON.stringify writes it (UTF-8): the store's own file escapes characters beyond ASCII, which the floor does not get.
    await writeFileDurably(join(dataDir, 'floor-plain.json'), JSON.stringify(db));
  }
  return db.contacts.length;
}

export async function benchStore(dir: string, factors: number[] = [1, 3, 10]): Promise<string> {
  const rows: Array<Record<string, string>> = [];
  for (const k of factors) {
    const people = await prepare(dir, k);
    for (const encrypted of [false, true]) {
      const dataDir = dataDirOf(dir, k, encrypted);
      const size = (await stat(join(dataDir, DATABASE_FILE))).size;
      const plainPath = join(dataDir, 'floor-plain.json');

      // For the encrypted store a second floor: what any reader of those bytes must do (read, decrypt, parse).
      // Like the open, it starts from the passphrase: the key is unwrapped (scrypt) each time.
      let wrapped: Parameters<typeof unwrapKey>[0] | null = null;
      if (encrypted) {
        const snap = await readSnapshot(join(dataDir, DATABASE_FILE));
        if (snap.kind !== 'encrypted') throw new Error('bench workspace is not encrypted');
        wrapped = snap.header.key;
      }
      const measuredOpens: number[] = [];
      const measuredFloor: number[] = [];
      const measuredDecrypt: number[] = [];
      // One round unmeasured first: the generator's objects collected, the code warmed up.
      for (let i = -1; i < OPENS; i++) {
        const parseFloor = i < 0 ? [] : measuredFloor;
        const decryptFloor = i < 0 ? [] : measuredDecrypt;
        const opens = i < 0 ? [] : measuredOpens;
        parseFloor.push(await clock(async () => JSON.parse(await readFile(plainPath, 'utf8'))));
        if (wrapped) {
          const w = wrapped;
          decryptFloor.push(
            await clock(async () => {
              const key = await unwrapKey(w, PASS);
              const snap = await readSnapshot(join(dataDir, DATABASE_FILE));
              if (snap.kind === 'encrypted') JSON.parse(decryptSnapshot(snap, key).toString('utf8'));
            }),
          );
        }
        let s!: Store;
        opens.push(await clock(async () => (s = await openStore(dataDir, encrypted))));
        await s.close();
      }

      // Saves: one edited contact each, alternated with the floor (one line of the same size appended and fsynced).
      const store = await openStore(dataDir, encrypted);
      const contacts = createContactService(createContext(store));
      const floorPath = join(dataDir, 'floor-append.log');
      const line = Buffer.from(`${'x'.repeat(599)}\n`);
      await appendFile(floorPath, line);
      const saves: number[] = [];
      const appendFloor: number[] = [];
      for (let n = -2; n < SAVES; n++) {
        // Spread over the whole list, as an advisor's edits are (the first records would flatter a lookup by scan).
        const c = store.db.contacts.at(((n + 2) * 7919) % store.db.contacts.length)!;
        const a = await clock(() => appendLineAndSync(floorPath, line));
        const t = await clock(() => contacts.update({ id: c.id, revision: c.revision, changes: { notes: `edited ${n}` } }));
        if (n >= 0) {
          saves.push(t);
          appendFloor.push(a);
        }
      }
      // What one save cost before the journal: serialise everything, hash, write, fsync, rename.
      const wholeFile: number[] = [];
      await store.close();
      if (!encrypted) {
        // Records fresh from the file, as the old store held them: none has its encoding cached yet.
        const fresh = JSON.parse(await readFile(plainPath, 'utf8')) as object;
        for (let i = 0; i < 3; i++) wholeFile.push(await clock(() => writeFileDurably(join(dataDir, 'whole.json'), serializeChunks(fresh))));
      }
      const opens = measuredOpens;
      const parseFloor = measuredFloor;
      const decryptFloor = measuredDecrypt;

      rows.push({
        size: `${k}× (${people.toLocaleString('en')} people)`,
        mode: encrypted ? 'encrypted' : 'plain',
        file: mb(size),
        'open median': ms(median(opens)),
        'floor read+parse': ms(median(parseFloor)),
        'open/floor': ratio(median(opens), median(parseFloor)),
        'floor unwrap+read+decrypt+parse': decryptFloor.length ? ms(median(decryptFloor)) : '—',
        'open/that floor': decryptFloor.length ? ratio(median(opens), median(decryptFloor)) : '—',
        'save median': ms(median(saves)),
        'save p95': ms(percentile(saves, 95)),
        'floor append+fsync': `${ms(median(appendFloor))} (p95 ${ms(percentile(appendFloor, 95))})`,
        'save/floor (median)': ratio(median(saves), median(appendFloor)),
        'old whole-file save': wholeFile.length ? ms(median(wholeFile)) : '—',
      });
    }
  }
  // The passphrase's cost, paid once per unlock: scrypt at the app's parameters.
  const key = newDataKey();
  const wrapped = await wrapKey(key, PASS, DEFAULT_KDF);
  const unlock = await clock(() => unwrapKey(wrapped, PASS));
  return `${table(rows)}\n(saves: ${SAVES} per row after 2 warm-ups; opens: ${OPENS}; the encrypted rows use scrypt N=2^14 so that opens measure decryption; the app's N=2^17 adds ${ms(unlock)} once per unlock)`;
}
