/**
 * A case names its funding programme (issue 13): through the real backend on a temp folder, the
 * programme must exist, the case screen's links resolve it with its deadline, the case list filters
 * and searches by it, the list export has it as a column (by name) and names the filter in words, and
 * deleting the programme clears it on the case (named in the impact) while one Undo puts it back.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ListExportRequest } from '../../shared/features/exports/contract';
import { filterSummary } from '../../electron/backend/services/exports/rows';
import { jobFile } from './helpers/jobs';
import { openTestBackend, rejection, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

async function setUp(b: TestBackend) {
  const call = await b.call('programmes.create', { name: 'Bilateral Africa Call', funder: 'BMBF', deadline: '2027-02-15' });
  const other = await b.call('programmes.create', { name: 'Open Vietnam Programme', funder: 'DFG' });
  const ghana = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-03-01', programmeId: call.id });
  const plain = await b.call('cases.create', { title: 'Request without a programme', openedOn: '2026-04-01' });
  return { call, other, ghana, plain };
}

describe('a case names its funding programme', () => {
  it('stores the programme, defaults to none, and resolves it with its deadline for the case screen', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await setUp(b);
    expect(s.ghana.programmeId).toBe(s.call.id);
    expect(s.plain.programmeId).toBeNull();
    expect((await b.call('cases.related', { id: s.ghana.id })).programme).toEqual({ id: s.call.id, name: 'Bilateral Africa Call', funder: 'BMBF', deadline: '2027-02-15' });
    expect((await b.call('cases.related', { id: s.plain.id })).programme).toBeNull();

    // An edit changes it, and a partial edit of another field keeps it.
    const moved = await b.call('cases.update', { id: s.ghana.id, revision: s.ghana.revision, changes: { programmeId: s.other.id } });
    expect(moved.programmeId).toBe(s.other.id);
    const kept = await b.call('cases.update', { id: moved.id, revision: moved.revision, changes: { status: 'analysis' } });
    expect(kept.programmeId).toBe(s.other.id);
    const cleared = await b.call('cases.update', { id: kept.id, revision: kept.revision, changes: { programmeId: null } });
    expect(cleared.programmeId).toBeNull();
  });

  it('refuses a programme that does not exist, on create and on update, on the programmeId field', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await setUp(b);
    const created = await rejection(b.call('cases.create', { title: 'Ghost', openedOn: '2026-05-01', programmeId: 'no-such-programme' }));
    expect(created.code).toBe('VALIDATION');
    expect(created.fields?.programmeId?.key).toBe('validation.unknownRecord');
    const updated = await rejection(b.call('cases.update', { id: s.plain.id, revision: s.plain.revision, changes: { programmeId: 'no-such-programme' } }));
    expect(updated.fields?.programmeId?.key).toBe('validation.unknownRecord');
    expect(b.store.db.cases.map((c) => c.title)).not.toContain('Ghost');
  });

  it('the case list filters by programme and finds a case by its programme’s name', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await setUp(b);
    const titles = async (query: Parameters<typeof b.call<'cases.list'>>[1]) => (await b.call('cases.list', query)).rows.map((r) => r.title);
    expect(await titles({ programmeIds: [s.call.id] })).toEqual(['Partners in Ghana']);
    expect(await titles({ programmeIds: [s.other.id] })).toEqual([]);
    expect(await titles({ programmeIds: [s.call.id, s.other.id] })).toEqual(['Partners in Ghana']);
    expect((await b.call('cases.list', {})).total).toBe(2);
    expect(await titles({ text: 'bilateral africa' })).toEqual(['Partners in Ghana']);
    // Renaming the programme reaches the list's search (the rows are rebuilt on the programmes too).
    await b.call('programmes.update', { id: s.call.id, revision: s.call.revision, changes: { name: 'Coastal Futures Call' } });
    expect(await titles({ text: 'coastal futures' })).toEqual(['Partners in Ghana']);
    expect(await titles({ text: 'bilateral africa' })).toEqual([]);
  });

  it('deleting the programme clears it on the case, shown in the impact; one Undo puts programme and link back', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await setUp(b);
    const impact = await b.call('programmes.deleteImpact', { id: s.call.id });
    expect(impact.unlinks).toContainEqual({ collection: 'cases', field: 'programmeId', count: 1 });
    const { undoId } = await b.call('programmes.delete', { id: s.call.id, revision: s.call.revision });
    const after = await b.call('cases.get', { id: s.ghana.id });
    expect(after.programmeId).toBeNull();
    expect((await b.call('cases.related', { id: s.ghana.id })).programme).toBeNull();
    expect((await b.call('cases.get', { id: s.plain.id })).programmeId).toBeNull();

    await b.call('undo.apply', { undoId });
    expect((await b.call('programmes.get', { id: s.call.id })).name).toBe('Bilateral Africa Call');
    expect((await b.call('cases.get', { id: s.ghana.id })).programmeId).toBe(s.call.id);
    expect((await b.call('cases.list', { programmeIds: [s.call.id] })).rows.map((r) => r.id)).toEqual([s.ghana.id]);
  });

  it('a programme left dangling by an Undo elsewhere does not block an unrelated edit of the case', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await setUp(b);
    // Delete the case, then its programme (nothing names it now), then undo the first delete.
    const { undoId } = await b.call('cases.delete', { id: s.ghana.id, revision: s.ghana.revision });
    await b.call('programmes.delete', { id: s.call.id, revision: s.call.revision });
    await b.call('undo.apply', { undoId });
    const back = await b.call('cases.get', { id: s.ghana.id });
    expect(back.programmeId).toBe(s.call.id);
    expect((await b.call('cases.related', { id: back.id })).programme).toBeNull();
    const edited = await b.call('cases.update', { id: back.id, revision: back.revision, changes: { status: 'advising' } });
    expect(edited.status).toBe('advising');
  });

  it('the list export has the programme as a column, by name, and the report names the programme filter', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await setUp(b);
    const { jobId } = await b.call('exports.list', { list: 'cases', query: { sort: 'title', direction: 'asc' }, columns: ['title', 'programme'], format: 'csv', language: 'en' });
    const rows = Papa.parse<string[]>((await jobFile(b, jobId)).bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['Title', 'Funding programme'],
      ['Partners in Ghana', 'Bilateral Africa Call'],
      ['Request without a programme', ''],
    ]);
    const req = ListExportRequest.parse({ list: 'cases', query: { programmeIds: [s.call.id], sort: 'title' }, columns: ['title'], format: 'pdf', language: 'de' });
    expect(filterSummary(b.store.db, req, 'de')).toBe('Förderprogramm: Bilateral Africa Call');
  });

  it('the sample workspace has cases about its calls, each naming a programme that exists', async () => {
    const b = await openTestBackend({ now: clock, sample: true });
    const named = b.store.db.cases.filter((c) => c.programmeId !== null);
    expect(named.length).toBeGreaterThanOrEqual(5);
    const programmes = new Set(b.store.db.programmes.map((p) => p.id));
    for (const c of named) expect(programmes.has(c.programmeId!), c.title).toBe(true);
    const hydrogen = b.store.db.programmes.find((p) => p.name === 'Green Hydrogen Partnerships')!;
    expect((await b.call('cases.list', { programmeIds: [hydrogen.id] })).total).toBe(2);
  });
});
