/**
 * Why this file exists: cases and strategy notes carry a classification (public, internal,
 * confidential) as trips do — the need-to-know marking the team sync keeps at home. Against the real
 * backend on a temp folder: create and update keep it (internal when not chosen, untouched by an
 * update of another field), an unknown level is refused as a field error, the lists filter by it and
 * show it, the case list's export writes it as a column and names the filter in words, and the case
 * briefing's running header carries the case's marking (or a stricter one of a note it prints).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { filterSummary } from '../../electron/backend/services/exports/rows';
import { jobFile } from './helpers/jobs';
import { pageTexts, savePdf } from './helpers/poppler';
import { openTestBackend, rejection, tempDir, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:30:00Z');

describe('classification of cases', () => {
  it('is internal unless chosen, kept by create and update, and left alone by an update of another field', async () => {
    const b = await openTestBackend({ now: clock });
    const plain = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-11-01' });
    expect(plain.classification).toBe('internal');
    const secret = await b.call('cases.create', { title: 'Due diligence Shanghai', openedOn: '2026-11-02', classification: 'confidential' });
    expect(secret.classification).toBe('confidential');
    expect((await b.call('cases.get', { id: secret.id })).classification).toBe('confidential');

    const retitled = await b.call('cases.update', { id: secret.id, revision: secret.revision, changes: { title: 'Due diligence: photonics lab in Shanghai' } });
    expect(retitled.classification).toBe('confidential');
    const opened = await b.call('cases.update', { id: retitled.id, revision: retitled.revision, changes: { classification: 'public' } });
    expect(opened.classification).toBe('public');
    expect(b.store.db.cases.find((c) => c.id === secret.id)!.classification).toBe('public');
  });

  it('refuses an unknown level on create and on update, as an error on the field, and changes nothing', async () => {
    const b = await openTestBackend({ now: clock });
    const created = await rejection(b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-11-01', classification: 'secret' as never }));
    expect(created.code).toBe('VALIDATION');
    expect(Object.keys(created.fields ?? {})).toEqual(['classification']);
    expect(b.store.db.cases.length).toBe(0);

    const c = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-11-01' });
    const updated = await rejection(b.call('cases.update', { id: c.id, revision: c.revision, changes: { classification: 'TOP SECRET' as never } }));
    expect(updated.code).toBe('VALIDATION');
    expect(Object.keys(updated.fields ?? {})).toEqual(['changes.classification']);
    expect(await b.call('cases.get', { id: c.id })).toMatchObject({ classification: 'internal', revision: c.revision });
  });

  it('filters the case list by classification, and the list rows carry it', async () => {
    const b = await openTestBackend({ now: clock });
    const internal = await b.call('cases.create', { title: 'Internal one', openedOn: '2026-11-01' });
    const secret = await b.call('cases.create', { title: 'Confidential one', openedOn: '2026-11-02', classification: 'confidential' });
    const open = await b.call('cases.create', { title: 'Public one', openedOn: '2026-11-03', classification: 'public' });
    const ids = async (classifications: Array<'public' | 'internal' | 'confidential'>) =>
      (await b.call('cases.list', { classifications, sort: 'reference', direction: 'asc' })).rows.map((r) => [r.id, r.classification]);
    expect(await ids(['confidential'])).toEqual([[secret.id, 'confidential']]);
    expect(await ids(['public', 'internal'])).toEqual([
      [internal.id, 'internal'],
      [open.id, 'public'],
    ]);
    expect(await ids([])).toHaveLength(3);
    expect((await rejection(b.call('cases.list', { classifications: ['secret' as never] }))).code).toBe('VALIDATION');
  });
});

describe('classification of strategy notes', () => {
  it('is internal unless chosen, kept by create and update, refused when unknown, and filtered and shown by the list', async () => {
    const b = await openTestBackend({ now: clock });
    const plain = await b.call('notes.create', { title: 'Country strategy Ghana' });
    expect(plain.classification).toBe('internal');
    const secret = await b.call('notes.create', { title: 'Minutes: board on the Shanghai lab', classification: 'confidential' });
    expect(secret.classification).toBe('confidential');
    const retitled = await b.call('notes.update', { id: secret.id, revision: secret.revision, changes: { title: 'Minutes: the board on the Shanghai lab' } });
    expect(retitled.classification).toBe('confidential');
    const lowered = await b.call('notes.update', { id: plain.id, revision: plain.revision, changes: { classification: 'public' } });
    expect(lowered.classification).toBe('public');

    const created = await rejection(b.call('notes.create', { title: 'Another', classification: 'restricted' as never }));
    expect(created.code).toBe('VALIDATION');
    expect(Object.keys(created.fields ?? {})).toEqual(['classification']);
    const updated = await rejection(b.call('notes.update', { id: secret.id, revision: retitled.revision, changes: { classification: '' as never } }));
    expect(updated.code).toBe('VALIDATION');
    expect(Object.keys(updated.fields ?? {})).toEqual(['changes.classification']);
    expect(b.store.db.notes.map((n) => [n.title, n.classification])).toEqual([
      ['Country strategy Ghana', 'public'],
      ['Minutes: the board on the Shanghai lab', 'confidential'],
    ]);

    const list = await b.call('notes.list', { classifications: ['confidential'] });
    expect(list.rows.map((r) => [r.id, r.classification])).toEqual([[secret.id, 'confidential']]);
    expect((await b.call('notes.list', {})).rows.map((r) => r.classification).sort()).toEqual(['confidential', 'public']);
  });
});

async function exportCases(b: TestBackend, language: 'en' | 'de') {
  const { jobId } = await b.call('exports.list', {
    list: 'cases',
    query: { classifications: ['confidential', 'public'], sort: 'reference', direction: 'asc' },
    columns: ['reference', 'title', 'classification'],
    format: 'csv',
    language,
  });
  const file = await jobFile(b, jobId);
  const parsed = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1), { delimiter: language === 'de' ? ';' : ',', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the case and note list exports', () => {
  it('write the classification as a column, in the export language, for the rows the filter selects', async () => {
    const b = await openTestBackend({ now: clock });
    await b.call('cases.create', { title: 'Internal one', reference: 'AC-2026-001', openedOn: '2026-11-01' });
    await b.call('cases.create', { title: 'Confidential one', reference: 'AC-2026-002', openedOn: '2026-11-02', classification: 'confidential' });
    await b.call('cases.create', { title: 'Public one', reference: 'AC-2026-003', openedOn: '2026-11-03', classification: 'public' });
    expect(await exportCases(b, 'en')).toEqual([
      ['Reference', 'Title', 'Classification'],
      ['AC-2026-002', 'Confidential one', 'Confidential'],
      ['AC-2026-003', 'Public one', 'Public'],
    ]);
    expect(await exportCases(b, 'de')).toEqual([
      ['Aktenzeichen', 'Titel', 'Einstufung'],
      ['AC-2026-002', 'Confidential one', 'Vertraulich'],
      ['AC-2026-003', 'Public one', 'Öffentlich'],
    ]);
    // The notes list exports its classification column too.
    await b.call('notes.create', { title: 'Board minutes', classification: 'confidential' });
    const { jobId } = await b.call('exports.list', { list: 'notes', query: { sort: 'title', direction: 'asc' }, columns: ['title', 'classification'], format: 'csv', language: 'en' });
    const notes = Papa.parse<string[]>((await jobFile(b, jobId)).bytes.toString('utf8').slice(1), { delimiter: ',', skipEmptyLines: true });
    expect(notes.data).toEqual([
      ['Title', 'Classification'],
      ['Board minutes', 'Confidential'],
    ]);
    // The PDF report names the filter in words.
    const req = { list: 'cases' as const, query: { classifications: ['confidential'] }, columns: ['title'], format: 'pdf' as const, language: 'en' as const };
    expect(filterSummary(b.store.db, req as never, 'en')).toBe('classification: Confidential');
    expect(filterSummary(b.store.db, req as never, 'de')).toBe('Einstufung: Vertraulich');
  });
});

async function briefingPages(b: TestBackend, id: string, language: 'en' | 'de') {
  const result = await b.call('cases.exportBriefing', { id, language });
  if (result.delivery !== 'download') throw new Error('expected a download');
  return pageTexts(savePdf(await tempDir(), Buffer.from(result.base64, 'base64')));
}

describe('the case briefing PDF', () => {
  it('carries the case’s classification in the running header and footer and on the cover', async () => {
    const b = await openTestBackend({ now: clock });
    const secret = await b.call('cases.create', { title: 'Due diligence Shanghai', openedOn: '2026-11-02', classification: 'confidential' });
    const pages = await briefingPages(b, secret.id, 'en');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(page).toContain('CONFIDENTIAL');
      expect(page).not.toContain('INTERNAL');
    }
    expect(pages[0]).toMatch(/Classification\s+Confidential/);
    const open = await b.call('cases.create', { title: 'Call for proposals', openedOn: '2026-11-02', classification: 'public' });
    for (const page of await briefingPages(b, open.id, 'de')) {
      expect(page).toContain('ÖFFENTLICH');
      expect(page).not.toContain('INTERN');
    }
  });

  it('takes a linked note’s stricter marking, since it prints the note’s summary', async () => {
    const b = await openTestBackend({ now: clock });
    const c = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-11-01' });
    for (const page of await briefingPages(b, c.id, 'en')) expect(page).toContain('INTERNAL');
    await b.call('notes.create', { title: 'Board minutes', caseIds: [c.id], classification: 'confidential' });
    for (const page of await briefingPages(b, c.id, 'en')) {
      expect(page).toContain('CONFIDENTIAL');
      expect(page).not.toContain('INTERNAL');
    }
  });
});
