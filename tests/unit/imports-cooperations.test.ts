/**
 * Importing cooperations through the real importer on a temp workspace, from a CSV as Excel saves
 * it in German (UTF-8 with BOM, semicolons, CRLF, "01.01.2026" dates, "480.000" amounts, cells
 * holding several organisations): the mapping proposed from the headers, organisations matched by
 * name or made, the programme matched by name or kept as the instrument, row errors, a duplicate
 * title skipped or updated, and one Undo that gives back exactly the data before.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amountFromText, dateFromText } from '../../shared/features/imports/mapping';
import { IMPORT_CHUNK_BYTES, toPieces, type ImportParsed } from '../../shared/features/imports/schema';
import { openTestBackend, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');
const fixture = () => readFile(join(__dirname, '..', 'fixtures', 'cooperations-excel-de.csv'));

async function waitForJob(tb: TestBackend, jobId: string) {
  for (;;) {
    const status = await tb.call('imports.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function stage(tb: TestBackend, fileName: string, bytes: Uint8Array): Promise<ImportParsed> {
  const { uploadId } = await tb.call('imports.begin', { fileName, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    await tb.call('imports.upload', { uploadId, offset, data: toPieces(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES), (b) => Buffer.from(b).toString('base64')) });
  }
  const status = await waitForJob(tb, (await tb.call('imports.analyse', { uploadId })).jobId);
  if (status.state !== 'done' || status.result.kind !== 'importParsed') throw new Error(`analysis ended ${status.state}`);
  return status.result;
}

async function apply(tb: TestBackend, parsed: ImportParsed, all: 'skip' | 'update' | 'create') {
  const { jobId } = await tb.call('imports.apply', { uploadId: parsed.uploadId, target: 'cooperations', mapping: parsed.proposal.cooperations, duplicates: { all, rows: [] }, language: 'de' });
  const status = await waitForJob(tb, jobId);
  if (status.state !== 'done' || status.result.kind !== 'importApplied') throw new Error(`apply ended ${status.state}: ${JSON.stringify(status)}`);
  return status.result;
}

/** What is there before the import: two of our institutes, a partner, a programme, and one cooperation. */
async function workspace() {
  const tb = await openTestBackend({ now: clock });
  const ioer = await tb.call('organisations.create', { name: 'Institute of Ecological Research', shortName: 'IOER', kind: 'researchInstitute', country: 'DE' });
  const zmt = await tb.call('organisations.create', { name: 'Centre for Tropical Marine Research', kind: 'researchInstitute', country: 'DE' });
  const ghana = await tb.call('organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH' });
  const programme = await tb.call('programmes.create', { name: 'Bilateral Africa Call', funder: 'BMBF' });
  const existing = await tb.call('cooperations.create', { title: 'Coastal adaptation in West Africa', institutes: [ioer.id], partners: [ghana.id], status: 'applied', notes: 'From the first call.' });
  return { tb, ioer, zmt, ghana, programme, existing };
}

const snapshot = (tb: TestBackend) => structuredClone({ cooperations: tb.store.db.cooperations.toArray(), organisations: tb.store.db.organisations.toArray(), programmes: tb.store.db.programmes.toArray() });

describe('import: cooperations from an Excel CSV (German)', () => {
  it('reads the file and proposes every column from the German headers', async () => {
    const { tb } = await workspace();
    const parsed = await stage(tb, 'Kooperationen.csv', await fixture());
    expect(parsed).toMatchObject({ format: 'csv', delimiter: ';', rowCount: 5, suggestedTarget: 'cooperations' });
    expect(Object.fromEntries(parsed.columns.map((c) => [c.header, parsed.proposal.cooperations[c.index]]))).toEqual({
      Titel: 'title',
      Status: 'status',
      'Unsere Institute': 'institutes',
      Partnerorganisationen: 'partners',
      Themen: 'topics',
      Förderprogramm: 'programme',
      Mittelgeber: 'funder',
      'Volumen (EUR)': 'volume',
      Beginn: 'start',
      Ende: 'end',
      Notizen: 'notes',
    });
  });

  it('previews, then stores the rows: organisations matched or made, the programme matched, dates and amounts read; Undo restores', async () => {
    const w = await workspace();
    const { tb } = w;
    const before = snapshot(tb);
    const parsed = await stage(tb, 'Kooperationen.csv', await fixture());
    const preview = await tb.call('imports.preview', { uploadId: parsed.uploadId, target: 'cooperations', mapping: parsed.proposal.cooperations });
    expect(preview).toMatchObject({ rowCount: 5, valid: 4, invalid: 1, duplicates: 1, organisationsToCreate: 3 });
    const bad = preview.rows.find((r) => r.row === 4)!;
    expect(bad.errors).toEqual([{ field: 'start', message: { key: 'validation.invalidDate' } }]);
    expect(preview.rows.find((r) => r.row === 5)!.duplicate).toMatchObject({ reason: 'title', existingId: w.existing.id });
    expect(preview.rows.find((r) => r.row === 2)).toMatchObject({ status: 'applied', partners: ['University of Nairobi', 'Université Cheikh Anta Diop'], organisationAction: 'create' });
    // The preview changed nothing.
    expect(snapshot(tb)).toEqual(before);

    const result = await apply(tb, parsed, 'skip');
    expect(result).toMatchObject({ created: 3, updated: 0, skipped: 2, organisationsCreated: 3 });
    const byTitle = (title: string) => tb.store.db.cooperations.find((c) => c.title === title)!;
    const orgId = (name: string) => tb.store.db.organisations.find((o) => o.name === name)!.id;
    expect(byTitle('Küstenanpassung in Westafrika')).toMatchObject({
      status: 'running',
      institutes: [w.ioer.id],
      partners: [w.ghana.id],
      topics: ['Klimaanpassung', 'Küsten'],
      programmeId: w.programme.id,
      instrument: '',
      funder: 'BMBF',
      volume: 480000,
      start: '2026-01-01',
      end: '2028-12-31',
      notes: 'Erste Phase; zweite beantragt',
    });
    expect(byTitle('Mangroven-Monitoring')).toMatchObject({
      status: 'applied',
      institutes: [w.ioer.id, w.zmt.id],
      partners: [orgId('University of Nairobi'), orgId('Université Cheikh Anta Diop')],
      programmeId: null,
      instrument: 'DAAD-Partnerschaft',
      volume: 125000.5,
      start: '2027-04-01',
      end: null,
    });
    expect(byTitle('KI für Gesundheit')).toMatchObject({ status: 'idea', topics: ['KI', 'Gesundheit'], volume: null });
    expect(tb.store.db.cooperations.some((c) => c.title === 'Falsches Datum')).toBe(false);
    expect(byTitle('Coastal adaptation in West Africa')).toEqual(w.existing);
    // Made partners are plain organisations; the list finds the imported rows by institute.
    expect(tb.store.db.organisations.find((o) => o.name === 'Université Cheikh Anta Diop')).toMatchObject({ kind: 'other', groupIds: [] });
    expect((await tb.call('cooperations.list', { institutes: [w.zmt.id] })).rows.map((r) => r.title).sort()).toEqual(['KI für Gesundheit', 'Mangroven-Monitoring']);
    expect((await tb.call('workspace.backups', {})).some((b) => b.reason === 'import')).toBe(true);

    await tb.call('undo.apply', { undoId: result.undoId! });
    const after = snapshot(tb);
    expect(after).toEqual(before);
  });

  it('updates the cooperation with the same title when asked: status, partners joined, notes appended; Undo puts it back', async () => {
    const w = await workspace();
    const { tb } = w;
    const before = snapshot(tb);
    const parsed = await stage(tb, 'Kooperationen.csv', await fixture());
    const result = await apply(tb, parsed, 'update');
    expect(result).toMatchObject({ created: 3, updated: 1, skipped: 1 });
    expect(tb.store.db.cooperations.find((c) => c.id === w.existing.id)).toMatchObject({
      status: 'funded',
      institutes: [w.ioer.id],
      partners: [w.ghana.id],
      notes: 'From the first call.\n\nSchon vorhanden',
      revision: 2,
    });
    await tb.call('undo.apply', { undoId: result.undoId! });
    expect(snapshot(tb)).toEqual(before);
  });
});

describe('reading values as spreadsheets write them', () => {
  it('dates in ISO and German form; impossible ones refused', () => {
    expect([dateFromText('2027-03-01'), dateFromText('1.3.2027'), dateFromText(' '), dateFromText('31.02.2027'), dateFromText('03/01/2027')]).toEqual(['2027-03-01', '2027-03-01', null, undefined, undefined]);
  });
  it('amounts with German or English separators and a currency', () => {
    expect(['480000', '480.000', '480.000,50 €', 'EUR 480,000.50', '1,5', '12.5', '', 'viel'].map(amountFromText)).toEqual([480000, 480000, 480000.5, 480000.5, 1.5, 12.5, null, undefined]);
  });
});
