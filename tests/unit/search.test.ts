/**
 * The search index against what a linear scan of the same records finds (over random edits through
 * the backend: creates, updates, deletes, undo, a debrief), folding across scripts, every kind
 * found and opened where it belongs, and a save updating the index per record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { docFromPlainText } from '../../shared/domain/richtext';
import { foldForSearch, type SearchDocument } from '../../shared/features/search/documents';
import { SearchIndex } from '../../shared/features/search/engine';
import { keptIndexOf } from '../../electron/backend/services/search/kept';
import { buildTrip, TALKING_POINT } from '../fixtures/trip';
import { linearScan } from './helpers/search';
import { openTestBackend, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-12-07T10:00:00Z');
const open: TestBackend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
async function backend() {
  const b = await openTestBackend({ now: clock });
  open.push(b);
  return b;
}

const indexed = (b: TestBackend, query: string) =>
  keptIndexOf(b.store)
    .current(b.store.db)!
    .search(query, { limit: 100_000 })
    .hits.map((h) => h.key)
    .sort();

/** A small deterministic generator, so a failure is repeatable. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('search index', () => {
  it('finds what a linear scan finds, after every one of 60 random edits (create, update, delete, undo, debrief)', async () => {
    const b = await backend();
    const { items, caseA } = await buildTrip(b, 3);
    const random = rng(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const words = ['quantum', 'Łódź', 'Müller', 'mangrove', 'hydrogen', 'workshop', 'Θεσσαλονίκη', 'Hà Nội', 'Ёлкин', 'roadmap'];
    const queries = ['quant', 'lodz', 'muller', 'mangrov', 'hydrgen', 'work', 'θεσσαλονικη', 'ha noi', 'елкин', 'roadmap work', 'qantum', 'insist joint'];
    const undos: string[] = [];
    // People this test made (the trip's counterparts are referenced by it and cannot be deleted).
    const made: string[] = [];
    for (let step = 0; step < 60; step++) {
      const op = random();
      const db = b.store.db;
      if (op < 0.25) {
        const c = await b.call('contacts.create', { contact: { givenName: pick(words), familyName: `${pick(words)} ${step}`, notes: `${pick(words)} ${pick(words)}` }, positions: [] });
        made.push(c.id);
      } else if (op < 0.4 && db.contacts.length) {
        const c = db.contacts.at(Math.floor(random() * db.contacts.length))!;
        await b.call('contacts.update', { id: c.id, revision: c.revision, changes: { notes: `${pick(words)} note ${step}` } });
      } else if (op < 0.5 && made.some((id) => db.contacts.some((c) => c.id === id))) {
        const id = pick(made.filter((m) => db.contacts.some((y) => y.id === m)));
        const c = db.contacts.find((x) => x.id === id)!;
        const { undoId } = await b.call('contacts.delete', { id: c.id, revision: c.revision });
        undos.push(undoId);
      } else if (op < 0.6 && undos.length) {
        await b.call('undo.apply', { undoId: undos.pop()! });
      } else if (op < 0.75) {
        await b.call('notes.create', { title: `${pick(words)} paper ${step}`, body: docFromPlainText(`${pick(words)} and ${pick(words)}.`) });
      } else if (op < 0.85) {
        await b.call('tasks.create', { caseId: caseA.id, title: `${pick(words)} follow-up ${step}` });
      } else {
        const chosen = pick(items).id;
        const item = b.store.db.agendaItems.find((a) => a.id === chosen)!;
        await b.call('agenda.debrief', { agendaItemId: item.id, revision: item.revision, agreed: `${pick(words)} agreed`, followUps: [] });
      }
      for (const q of [pick(queries), pick(queries)]) expect(indexed(b, q), `step ${step}, "${q}"`).toEqual(linearScan(b.store.db, q));
    }
    // Built once, every later change applied per record.
    expect(keptIndexOf(b.store).counts.builds).toBe(1);
    expect(keptIndexOf(b.store).counts.applied).toBeGreaterThanOrEqual(60);
  });

  it('folds case and diacritics in Latin, Greek, Cyrillic and Vietnamese script', () => {
    expect(foldForSearch('Łódź')).toBe('lodz');
    expect(foldForSearch('Müller')).toBe('muller');
    expect(foldForSearch('İzmir')).toBe('izmir');
    expect(foldForSearch('Θεσσαλονίκης')).toBe('θεσσαλονικησ');
    expect(foldForSearch('ΘΕΣΣΑΛΟΝΊΚΗ')).toBe('θεσσαλονικη');
    expect(foldForSearch('Ёлка Йошкар-Ола')).toBe('елка иошкар-ола');
    expect(foldForSearch('Đà Nẵng, Hà Nội, Thừa Thiên Huế')).toBe('da nang, ha noi, thua thien hue');
    const index = new SearchIndex();
    const doc = (id: string, title: string): SearchDocument => ({ key: `note:${id}`, kind: 'note', id, title, body: '' });
    index.add(doc('1', 'Partner in Łódź'));
    index.add(doc('2', 'Prof. Müller'));
    index.add(doc('3', 'Πανεπιστήμιο Θεσσαλονίκης'));
    index.add(doc('4', 'Новосибирский государственный университет'));
    index.add(doc('5', 'Đại học Quốc gia Hà Nội'));
    const ids = (q: string) => index.search(q).hits.map((h) => h.id);
    expect(ids('lodz')).toEqual(['1']);
    expect(ids('LODZ')).toEqual(['1']);
    expect(ids('muller')).toEqual(['2']);
    expect(ids('θεσσαλον')).toEqual(['3']);
    expect(ids('новосибирскии')).toEqual(['4']);
    expect(ids('dai hoc ha noi')).toEqual(['5']);
    expect(ids('ha noi partner')).toEqual([]);
  });

  it('is typo tolerant from four letters, and ranks an exact word above a prefix and a typo', () => {
    const index = new SearchIndex();
    const add = (id: string, title: string, body = '') => index.add({ key: `case:${id}`, kind: 'case', id, title, body });
    add('a', 'Quantum photonics');
    add('b', 'Quantumdots', '');
    add('c', 'Other', 'quantum in the body');
    expect(index.search('qantum').hits.map((h) => h.id)).toEqual(['a', 'c']);
    expect(index.search('quantum').hits.map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(index.search('qua').hits.map((h) => h.id).sort()).toEqual(['a', 'b', 'c']);
    // Three letters: no typo tolerance ("oth" is a prefix; "otx" matches nothing).
    expect(index.search('otx').hits).toEqual([]);
    expect(index.search('quantum').match.prefixes).toEqual(['quantum']);
    expect(index.search('qantum').match.words).toEqual(['quantum']);
  });

  it('forgets removed documents and renumbers when many are gone', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 3000; i++) index.add({ key: `task:${i}`, kind: 'task', id: String(i), title: `alpha ${i % 2 ? 'odd' : 'even'}`, body: '' });
    for (let i = 0; i < 3000; i += 2) index.remove(`task:${i}`);
    expect(index.size).toBe(1500);
    expect(index.search('alpha').total).toBe(1500);
    expect(index.search('even').total).toBe(0);
    index.add({ key: 'task:x', kind: 'task', id: 'x', title: 'even again', body: '' });
    expect(index.search('even').hits.map((h) => h.id)).toEqual(['x']);
  });
  it('read back from its stored tables, answers as the index written — also while its lookup tables are built in slices and changes come in', () => {
    const words = ['quantum', 'photonics', 'mangrove', 'hydrogen', 'roadmap', 'workshop', 'delegation', 'kingfisher'];
    const doc = (i: number, v = 0): SearchDocument => ({ key: `task:${i}`, kind: 'task', id: String(i), title: `${words[i % 8]} ${words[(i * 3 + v) % 8]} ${i}`, body: `${words[(i + v) % 8]}s body ${v}` });
    const written = new SearchIndex();
    for (let i = 0; i < 4000; i++) written.add(doc(i));
    for (let i = 0; i < 4000; i += 7) written.remove(`task:${i}`);
    const stored = written.toParts();
    // The tables are the index's once read (as a cache's bytes are): each read gets its own copy.
    const parts = () => ({ keys: [...stored.keys], terms: [...stored.terms], offsets: stored.offsets.slice(), postings: stored.postings.slice() });
    const read = SearchIndex.fromParts(parts());
    // Words of 4 letters or more look up typos (building the typo map whole); shorter ones do not.
    const short = ['qua', 'man', 'bod 1', 'wor 12'];
    const queries = [...short, 'quantum', 'qantum', 'mangrov', 'hydrgen road', 'kingfishers', 'workshop 12', 'delegaton'];
    const same = (step: string, list = queries) => {
      for (const q of list) {
        for (const options of [{ perKind: 5 }, { limit: 40, offset: 3 }]) expect(read.search(q, options), `${step}: "${q}"`).toEqual(written.search(q, options));
      }
      expect(read.size).toBe(written.size);
    };
    same('read back', short);
    // A few keys at a time into the map of keys and then the typo map, changes in between.
    let slices = 0;
    for (let step = 0; ; step++) {
      let budget = 1;
      const done = read.prepare(() => --budget > 0);
      slices++;
      for (const index of [written, read]) {
        index.add(doc(4000 + step, step));
        index.add(doc((step * 37) % 4000, step)); // replaces, or brings back one removed
        index.remove(`task:${(step * 53 + 11) % 4000}`);
        expect(index.has(`task:${4000 + step}`)).toBe(true);
      }
      if (step % 3 === 0) same(`slice ${step}`, short);
      if (done) break;
    }
    expect(slices).toBeGreaterThan(10);
    same('prepared');
    // Read back and searched before its tables are built: what a query needs is built whole then.
    const early = SearchIndex.fromParts(parts());
    let budget = 1;
    early.prepare(() => --budget > 0);
    expect(early.search('qantum', { perKind: 5 })).toEqual(SearchIndex.fromParts(parts()).search('qantum', { perKind: 5 }));
    early.remove('task:1');
    expect(early.has('task:1')).toBe(false);
    // Enough removed to renumber both.
    for (const index of [written, read]) for (let i = 1; i < 4000; i += 2) index.remove(`task:${i}`);
    same('renumbered');
  });
});

describe('search.global and search.query', () => {
  it('finds every kind, each with where it belongs and the screen it opens', async () => {
    const b = await backend();
    const t = await buildTrip(b, 2);
    const item = t.items[0]!;
    await b.call('agenda.debrief', { agendaItemId: item.id, revision: item.revision, agreed: 'Agreed on a zebrafish consortium.', followUps: [{ title: 'Send the xylophone memo' }] });
    const programme = await b.call('programmes.create', { name: 'Bilateral Africa Call', funder: 'Ministry (fictional)' });
    const coop = await b.call('cooperations.create', { title: 'Mangrove monitoring', institutes: [t.ministry.id], partners: [t.university.id], programmeId: programme.id });
    await b.call('activities.create', { kind: 'call', date: '2026-11-02', title: 'Kingfisher call', participantIds: [t.people[2]!.id], caseId: null });
    await b.call('reminders.create', { contactId: t.people[3]!.id, text: 'Get back to her after the quokka call closes', dueOn: '2027-02-01' });
    const one = async (text: string) => {
      const r = await b.call('search.global', { text });
      expect(r.ready).toBe(true);
      return r.groups.flatMap((g) => g.hits.map((h) => [h.kind, h.label, h.detail, h.opens.kind, h.opens.id, h.opens.item]));
    };
    expect(await one('coastal erosion')).toEqual([['case', 'Climate adaptation partners in Ghana', t.caseA.reference, 'case', t.caseA.id, null]]);
    expect(await one('draft mou')).toEqual([['task', 'Send draft MoU', expect.stringContaining('Climate adaptation'), 'case', t.caseA.id, null]]);
    expect(await one('preparatory')).toEqual([['activity', 'Preparatory call', expect.stringContaining('2026-10-10'), 'case', t.caseA.id, null]]);
    expect(await one('quokka')).toEqual([['reminder', 'Get back to her after the quokka call closes', expect.stringContaining('2027-02-01'), 'contact', t.people[3]!.id, null]]);
    expect(await one('kingfisher')).toEqual([['activity', 'Kingfisher call', expect.stringContaining('Njeri'), 'contact', t.people[2]!.id, null]]);
    expect((await one('kwame'))[0]).toEqual(['contact', 'Kwame Mensah', 'Dean of Science, Coastal University of Ghana', 'contact', t.people[1]!.id, null]);
    expect(await one('dean science')).toContainEqual(['position', 'Kwame Mensah', 'Dean of Science, Coastal University of Ghana', 'contact', t.people[1]!.id, null]);
    expect((await one('jogoo'))[0]).toEqual(['agendaItem', item.title, expect.stringContaining('Delegation to Nairobi and Accra'), 'trip', t.trip.id, item.id]);
    // The debrief, and the timeline entry recording it on the meeting's case.
    expect(await one('zebrafish')).toEqual([
      ['debrief', item.title, expect.stringContaining('Delegation'), 'trip', t.trip.id, item.id],
      ['activity', item.title, expect.stringContaining('2027-01-11'), 'case', t.caseB.id, null],
    ]);
    // The follow-up, in the debrief and as the task it became.
    expect(await one('xylophone')).toEqual([
      ['debrief', item.title, expect.anything(), 'trip', t.trip.id, item.id],
      ['task', 'Send the xylophone memo', expect.stringContaining('Young scientists'), 'case', t.caseB.id, null],
    ]);
    expect(await one('helena vogt')).toEqual([['trip', 'Delegation to Nairobi and Accra', '2027-01-11 – 2027-01-16', 'trip', t.trip.id, null]]);
    expect(await one('early career')).toEqual([['note', t.note.title, expect.any(String), 'note', t.note.id, null]]);
    expect(await one('mangrove')).toEqual([['cooperation', 'Mangrove monitoring', 'Coastal University of Ghana', 'cooperation', coop.id, null]]);
    expect(await one('bilateral africa')).toEqual([['programme', 'Bilateral Africa Call', 'Ministry (fictional)', 'programme', programme.id, null]]);
    expect((await one('coastal university')).map((h) => h[0])).toEqual(['organisation', 'agendaItem']);
  });

  it('groups by kind with counts, pages through one kind, and shows the words around a match in long text', async () => {
    const b = await backend();
    const t = await buildTrip(b, 3);
    const global = await b.call('search.global', { text: 'insist supervision', perKind: 2 });
    expect(global.groups).toEqual([{ kind: 'agendaItem', count: 3, hits: [expect.anything(), expect.anything()] }]);
    expect(global.groups[0]!.hits[0]!.snippet).toContain(`${TALKING_POINT} (3).`);
    const page = await b.call('search.query', { text: 'insist supervision', kinds: ['agendaItem'], offset: 2, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
    const all = await b.call('search.query', { text: 'nairobi', kinds: ['trip'] });
    expect(all.rows.map((r) => r.kind)).toEqual(['trip']);
    // Counts for every kind, whatever the filter, so the screen can offer each.
    expect(all.counts.map((c) => c.kind)).toEqual(expect.arrayContaining(['organisation', 'trip', 'agendaItem']));
    expect(t.trip.title).toContain('Nairobi');
  });

  it('a save changes the index by the records it touched, not by building it again', async () => {
    const b = await backend();
    await buildTrip(b, 2);
    await b.call('search.global', { text: 'kwame' });
    const kept = keptIndexOf(b.store);
    const before = { ...kept.counts };
    const c = await b.call('contacts.create', { contact: { givenName: 'Oluwaseun', familyName: 'Adeyemi' }, positions: [] });
    expect((await b.call('search.global', { text: 'oluwa' })).groups[0]!.hits[0]!.id).toBe(c.id);
    await b.call('contacts.update', { id: c.id, revision: c.revision, changes: { familyName: 'Okafor' } });
    expect((await b.call('search.global', { text: 'adeyemi' })).total).toBe(0);
    expect((await b.call('search.global', { text: 'okafor' })).total).toBe(1);
    expect(kept.counts.builds).toBe(before.builds);
    expect(kept.counts.applied - before.applied).toBe(2);
  });
});
