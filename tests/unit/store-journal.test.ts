/**
 * Saves that cost the size of the change: the journal beside the snapshot, its replay at open, its
 * compaction, and what happens to torn, damaged or stray journals and leftover temp files.
 */
import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { Collection } from '../../shared/schemas/collection';
import { emptyDatabase } from '../../shared/schemas/database';
import { diffDatabase, JOURNAL_FILE, replay } from '../../electron/backend/store/journal';
import { serializeDatabase } from '../../electron/backend/store/json-adapter';
import { DATABASE_FILE, Store } from '../../electron/backend/store/store';
import { createContext } from '../../electron/backend/records/context';
import { createCaseService } from '../../electron/backend/services/cases/cases';
import { downloadPlatform } from '../../electron/backend/platform';
import { openTestBackend, tempDir } from './helpers/workspace';

const caseInput = (title: string) => ({ title, openedOn: '2026-03-01' });

describe('journal: a change is what differs, and replaying it gives the same data', () => {
  const rec = (id: string, v = 1) => Object.freeze({ id, v });
  const cases: Array<[string, Array<{ id: string; v: number }>, Array<{ id: string; v: number }>]> = [
    ['one edited in place', [rec('a'), rec('b'), rec('c')], [rec('a'), rec('b', 2), rec('c')]],
    ['one appended', [rec('a')], [rec('a'), rec('b')]],
    ['one removed from the middle', [rec('a'), rec('b'), rec('c')], [rec('a'), rec('c')]],
    ['one put back at its old place (undo)', [rec('a'), rec('c')], [rec('a'), rec('b'), rec('c')]],
    ['reordered', [rec('a'), rec('b'), rec('c')], [rec('c'), rec('a'), rec('b')]],
    ['emptied', [rec('a'), rec('b')], []],
  ];
  it.each(cases)('%s', (_label, before, after) => {
    const a = { list: before, settings: { x: 1 } };
    const b = { list: after, settings: { x: 2 } };
    const change = diffDatabase(a, b)!;
    const replayed: Record<string, unknown> = { list: [...before], settings: { x: 1 } };
    replay(replayed, [{ seq: 1, change }], false);
    expect(replayed).toEqual(b);
  });

  it('an unchanged database gives no change, and an edit carries only the record that changed', () => {
    const first = rec('a');
    const a = { list: [first, rec('b')] };
    expect(diffDatabase(a, { ...a })).toBeNull();
    const change = diffDatabase(a, { list: [first, rec('b', 9)] })!;
    expect(change).toEqual({ c: { list: { put: [{ id: 'b', v: 9 }] } } });
  });
});

describe('store: saves append to the journal', () => {
  it('a save leaves the snapshot untouched and adds one line; reopening replays it', async () => {
    const b = await openTestBackend();
    const snapshotBefore = await readFile(join(b.dataDir, DATABASE_FILE));
    const journalBefore = (await stat(join(b.dataDir, JOURNAL_FILE))).size;
    const created = await b.call('cases.create', caseInput('Climate partners in Ghana'));
    const edited = await b.call('cases.update', { id: created.id, revision: 1, changes: { title: 'Climate partners in Ghana and Kenya' } });

    expect(await readFile(join(b.dataDir, DATABASE_FILE))).toEqual(snapshotBefore);
    const lines = (await readFile(join(b.dataDir, JOURNAL_FILE), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3); // header + two saves
    expect((await stat(join(b.dataDir, JOURNAL_FILE))).size - journalBefore).toBeLessThan(4096);

    // What a restart after kill -9 sees: the snapshot plus the journal.
    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.state).toBe('ready');
    expect(reopened.db.cases).toEqual([edited]);
  });

  it('an open keeps a journal that is already exact as it is (no write, no fsync), and saves go on appending to it', async () => {
    const b = await openTestBackend();
    const first = await b.call('cases.create', caseInput('Before the crash'));
    const journalPath = join(b.dataDir, JOURNAL_FILE);
    const before = await stat(journalPath);
    const bytesBefore = await readFile(journalPath);

    // A restart after kill -9: the journal holds the header and one line that applies — kept as it is.
    const reopened = await Store.open({ dataDir: b.dataDir });
    const after = await stat(journalPath);
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
    expect(await readFile(journalPath)).toEqual(bytesBefore);
    expect(reopened.db.cases).toEqual([first]);

    // The next save appends right after it, and the next open sees both.
    const cases = createCaseService(createContext(reopened), downloadPlatform);
    const second = await cases.create(contract['cases.create'].input.parse(caseInput('After the crash')));
    expect((await readFile(journalPath, 'utf8')).trim().split('\n')).toHaveLength(3);
    const third = await Store.open({ dataDir: b.dataDir });
    expect(third.db.cases.map((c) => c.title)).toEqual(['Before the crash', second.title]);

    // A torn tail is still dropped by rewriting the file.
    await appendFile(journalPath, '99\tbroken');
    const torn = await stat(journalPath);
    const fourth = await Store.open({ dataDir: b.dataDir });
    expect(fourth.db.cases).toHaveLength(2);
    expect((await readFile(journalPath, 'utf8')).endsWith('\n')).toBe(true);
    expect((await stat(journalPath)).size).toBeLessThan(torn.size);
  });

  it('closing folds the journal into a new snapshot and empties it', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', caseInput('Folded at close'));
    await b.close();
    const journal = (await readFile(join(b.dataDir, JOURNAL_FILE), 'utf8')).trim().split('\n');
    expect(journal).toHaveLength(1);
    expect(await readFile(join(b.dataDir, DATABASE_FILE), 'utf8')).toContain('Folded at close');
    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.db.cases.map((c) => c.title)).toEqual(['Folded at close']);
  });

  it('a growing journal is compacted in the background while saves go on, and nothing is lost', async () => {
    const dataDir = await tempDir();
    const store = await Store.open({ dataDir, compactAt: 2048 });
    await store.initialize(emptyDatabase());
    const cases = createCaseService(createContext(store), downloadPlatform);
    const titles: string[] = [];
    for (let i = 0; i < 40; i++) {
      const title = `Case ${i} ${'x'.repeat(150)}`;
      titles.push(title);
      await cases.create(contract['cases.create'].input.parse({ title, openedOn: '2026-01-01' }));
    }
    await store.flush();
    // Compacted at least once: early cases are in the snapshot, and the journal kept fewer lines than saves.
    expect(await readFile(join(dataDir, DATABASE_FILE), 'utf8')).toContain('Case 1 ');
    expect((await readFile(join(dataDir, JOURNAL_FILE), 'utf8')).trim().split('\n').length).toBeLessThan(40);
    const reopened = await Store.open({ dataDir });
    expect(reopened.db.cases.map((c) => c.title)).toEqual(titles);
    // Closed, so its journal's file handle is not left to the garbage collector.
    await store.close();
    await reopened.close();
  });
});

describe('store: what a save publishes is frozen', () => {
  it('the edited record, its list, a changed setting and the database itself cannot be changed by a reader', async () => {
    const b = await openTestBackend();
    const created = await b.call('cases.create', caseInput('Climate partners in Ghana'));
    await b.call('settings.update', { lockAfterMinutes: 30 });
    const db = b.store.db;
    const stored = db.cases.find((c) => c.id === created.id)!;
    expect(Object.isFrozen(db)).toBe(true);
    expect(Object.isFrozen(stored)).toBe(true);
    expect(Object.isFrozen(db.cases)).toBe(true); // lists: outside production only (see freeze.ts)
    expect(Object.isFrozen(db.settings)).toBe(true);
    expect(() => {
      (stored as { title: string }).title = 'changed behind the store';
    }).toThrow(TypeError);
    expect(b.store.db.cases.find((c) => c.id === created.id)!.title).toBe('Climate partners in Ghana');
  });
});

describe('store: where each record sits, kept from save to save', () => {
  it('after appends, edits, removals, a reorder and an Undo, every lookup finds what a scan finds', async () => {
    const b = await openTestBackend();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await b.call('cases.create', caseInput(`Case ${i}`))).id);
    const check = () => {
      const list = b.store.db.cases;
      for (const c of list) expect(b.store.locate('cases', c.id)).toBe(list.findIndex((x) => x.id === c.id));
      expect(b.store.locate('cases', 'no-such-id')).toBe(-1);
    };
    check(); // built once, then carried over each save below
    await b.call('cases.update', { id: ids[3]!, revision: 1, changes: { title: 'Edited' } });
    ids.push((await b.call('cases.create', caseInput('Appended'))).id);
    check();
    const { undoId } = await b.call('cases.delete', { id: ids[5]!, revision: 1 });
    check();
    expect(b.store.locate('cases', ids[5]!)).toBe(-1);
    await b.call('undo.apply', { undoId });
    check();
    await b.store.update((draft) => {
      draft.cases = Collection.from(b.store.db.cases.toArray().reverse());
    });
    check();
    await b.call('cases.update', { id: ids[0]!, revision: 1, changes: { title: 'Found after the reorder' } });
    expect(b.store.db.cases.at(b.store.locate('cases', ids[0]!))!.title).toBe('Found after the reorder');
  });
});

describe('store: torn, damaged and stray journals', () => {
  it('a torn last line (a save never acknowledged) is dropped and the workspace opens', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', caseInput('Acknowledged'));
    await b.store.flush();
    await appendFile(join(b.dataDir, JOURNAL_FILE), '2\t0123456789abcdef\t{"c":{"cases":{"put":[{"id":"x"');
    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.state).toBe('ready');
    expect(reopened.db.cases.map((c) => c.title)).toEqual(['Acknowledged']);
    // The rewritten journal holds only the good line, so the next save follows it cleanly.
    expect((await readFile(join(b.dataDir, JOURNAL_FILE), 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('a damaged line before good ones makes the workspace "damaged" and leaves every byte as it was', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', caseInput('First'));
    await b.call('cases.create', caseInput('Second'));
    await b.store.flush();
    const path = join(b.dataDir, JOURNAL_FILE);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('First', 'Fir5t');
    await writeFile(path, lines.join('\n'));
    const journalBytes = await readFile(path);
    const snapshotBytes = await readFile(join(b.dataDir, DATABASE_FILE));
    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.state).toBe('damaged');
    expect(reopened.problem?.kind).toBe('journal');
    expect(await readFile(path)).toEqual(journalBytes);
    expect(await readFile(join(b.dataDir, DATABASE_FILE))).toEqual(snapshotBytes);
  });

  it('a journal that belongs to another snapshot is never replayed; it is kept aside', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', caseInput('Only in the journal'));
    await b.store.flush();
    // The snapshot is replaced by another file (copied in by hand): the journal does not name it.
    await writeFile(join(b.dataDir, DATABASE_FILE), serializeDatabase(emptyDatabase()));
    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.state).toBe('ready');
    expect(reopened.db.cases).toEqual([]);
    expect((await readdir(b.dataDir)).some((n) => n.startsWith('attache.journal-aside-'))).toBe(true);
  });

  it('temp files left by a crash mid-write are removed at open', async () => {
    const b = await openTestBackend();
    await b.close();
    await writeFile(join(b.dataDir, '.attache.json.4242.0123456789ab.tmp'), 'a full copy of the database');
    await writeFile(join(b.dataDir, 'backups', '.attache-2026.json.4242.ba9876543210.tmp'), 'half a backup');
    await writeFile(join(b.dataDir, 'notes-of-the-user.tmp'), 'not ours');
    await Store.open({ dataDir: b.dataDir });
    expect((await readdir(b.dataDir)).filter((n) => n.endsWith('.tmp'))).toEqual(['notes-of-the-user.tmp']);
    expect((await readdir(join(b.dataDir, 'backups'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('store: files as other tools leave them', () => {
  it('a UTF-8 byte-order mark (as Notepad saves) does not make a valid file "damaged"', async () => {
    const dir = await tempDir();
    const db = emptyDatabase();
    await writeFile(join(dir, DATABASE_FILE), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(serializeDatabase(db))]));
    const store = await Store.open({ dataDir: dir });
    expect(store.state).toBe('ready');
  });

  it('a seal forged from the file alone (its plain SHA-256) does not skip validation', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', caseInput('Sealed'));
    await b.close();
    const path = join(b.dataDir, DATABASE_FILE);
    const text = (await readFile(path, 'utf8')).replace('"revision":1', '"revision":-7');
    await writeFile(path, text);
    const { createHash } = await import('node:crypto');
    const seal = JSON.parse(await readFile(`${path}.seal`, 'utf8'));
    const sha = createHash('sha256').update(text).digest('hex');
    await writeFile(`${path}.seal`, JSON.stringify({ ...seal, sha256: sha, mac: createHash('sha256').update(sha).digest('hex') }));
    const reopened = await Store.open({ dataDir: b.dataDir });
    expect(reopened.state).toBe('damaged');
    expect(reopened.problem?.kind).toBe('invalidSchema');
  });
});

describe('snapshot text decoded in pieces', () => {
  it('reads a plain snapshot in pieces: the same text, size and SHA-256 as the whole file, a byte-order mark left out', async () => {
    const { readSnapshotText } = await import('../../electron/backend/store/snapshot');
    const dir = await tempDir();
    const unit = '{"name":"Łódź — 北京 — 𝔸 — Müller"},';
    const body = `[${unit.repeat(Math.ceil((3 * 512 * 1024) / Buffer.byteLength(unit)) + 11)}{}]`;
    const hashOf = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    for (const [label, bytes] of [
      ['three and a bit pieces', Buffer.from(body, 'utf8')],
      ['with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')])],
      ['exactly two pieces', Buffer.from('['.padEnd(2 * 512 * 1024 - 1, ' ') + ']')],
      ['smaller than a piece', Buffer.from('{"a":1}')],
    ] as const) {
      const path = join(dir, 'snapshot.json');
      await writeFile(path, bytes);
      const json = bytes[0] === 0xef ? bytes.subarray(3) : bytes;
      const read = await readSnapshotText(path);
      expect(read.kind, label).toBe('plain');
      if (read.kind !== 'plain') continue;
      expect(read.text === json.toString('utf8'), label).toBe(true);
      expect(read.size, label).toBe(json.byteLength);
      expect(read.sha256, label).toBe(hashOf(json));
    }
    expect((await readSnapshotText(join(dir, 'none.json'))).kind).toBe('missing');
  });

  it('gives the same text as one decode, with multi-byte characters split across pieces', async () => {
    const { decodeUtf8 } = await import('../../electron/backend/store/snapshot');
    // 3-byte and 4-byte characters placed so that some straddle the 512 KB piece borders.
    const unit = 'Łódź — 北京 — 𝔸 — Müller; ';
    const text = unit.repeat(Math.ceil((3 * 512 * 1024) / Buffer.byteLength(unit)) + 7);
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length).toBeGreaterThan(3 * 512 * 1024);
    expect(decodeUtf8(bytes)).toBe(text);
    for (const cut of [1, 2, 3]) expect(decodeUtf8(bytes.subarray(cut))).toBe(bytes.subarray(cut).toString('utf8'));
  });
});
