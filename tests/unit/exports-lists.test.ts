// Why this file exists: "export any list as it is shown" — the CSV, XLSX and PDF report of a list hold
// exactly the rows the list operation selects for the same query, in its order, with the chosen columns;
// read back with Papa Parse, ExcelJS and poppler. Formula-looking cells are neutralised, every other
// hostile string survives unchanged.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { downloadPlatform } from '../../electron/backend';
import { createExportService } from '../../electron/backend/services/exports/exports';
import type { Jobs } from '../../electron/backend/services/workspace/jobs';
import type { InputOf } from '../../shared/contract';
import { MAX_PDF_ROWS } from '../../shared/features/exports/schema';
import { jobFile } from './helpers/jobs';
import { pageTexts, pdfinfo, savePdf } from './helpers/poppler';
import { openTestBackend, rejection, tempDir, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:30:00Z');

const HOSTILE = {
  rtl: 'جامعة القاهرة',
  cjk: '北京大学',
  emoji: 'Rocket 🚀 lab',
  quotes: 'The "Quoted", Institute; Ltd',
  newline: 'Line one\nLine two',
};

/** A workspace with people in Kenya and Germany, some with hostile or formula-looking strings. */
async function workspace(): Promise<{ b: TestBackend; kenyans: string[] }> {
  const b = await openTestBackend({ now: clock });
  const nairobi = await b.call('organisations.create', { name: HOSTILE.quotes, kind: 'university', country: 'KE', city: 'Nairobi' });
  const cairo = await b.call('organisations.create', { name: HOSTILE.rtl, kind: 'university', country: 'EG', city: 'Cairo' });
  const berlin = await b.call('organisations.create', { name: 'Forschungszentrum Jülich', kind: 'researchInstitute', country: 'DE', city: 'Jülich' });
  const people: Array<{ given: string; family: string; org: string; role: string; phone?: string; topics?: string[] }> = [
    { given: 'Amina', family: 'Okafor', org: nairobi.id, role: '=HYPERLINK("http://evil.example","click")', phone: '+254 20 123456', topics: ['water', HOSTILE.emoji] },
    { given: 'Wang', family: HOSTILE.cjk, org: nairobi.id, role: '@SUM(A1:A9)' },
    { given: 'Kofi', family: '-Mensah', org: nairobi.id, role: HOSTILE.newline },
    { given: 'Layla', family: 'Haddad', org: cairo.id, role: 'Dean' },
    { given: 'Jörg', family: 'Müller', org: berlin.id, role: 'Director' },
  ];
  const kenyans: string[] = [];
  for (const p of people) {
    const c = await b.call('contacts.create', {
      contact: { givenName: p.given, familyName: p.family, phones: p.phone ? [{ number: p.phone, kind: 'work' }] : [], expertise: p.topics ?? [], emails: [] },
      positions: [{ organisationId: p.org, role: p.role, from: '2024-01-01' }],
    });
    if (p.org === nairobi.id) kenyans.push(c.id);
  }
  // Someone met: a last-contact date, so a date column has a value.
  await b.call('activities.create', { date: '2026-10-02', title: 'Call', participantIds: [kenyans[0]!] });
  return { b, kenyans };
}

type ContactsExport = InputOf<'exports.list'>;

async function exportContacts(b: TestBackend, overrides: Partial<ContactsExport> = {}) {
  const req: ContactsExport = {
    list: 'contacts',
    query: { countries: ['KE'], sort: 'name', direction: 'desc' },
    columns: ['name', 'role', 'organisation', 'phone', 'expertise', 'lastContact'],
    format: 'csv',
    language: 'en',
    ...overrides,
  };
  const { jobId } = await b.call('exports.list', req);
  return jobFile(b, jobId);
}

describe('list export to CSV', () => {
  it('holds exactly the rows of the list query, in its order, with the chosen columns; UTF-8 BOM, commas in English', async () => {
    const { b } = await workspace();
    const file = await exportContacts(b);
    expect(file.fileName).toBe('people-2026-11-21.csv');
    expect(file.mime).toMatch(/^text\/csv/);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.toString('utf8').slice(1);
    const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['Name', 'Role', 'Organisation', 'Phone', 'Expertise', 'Last contact']);
    const shown = await b.call('contacts.list', { countries: ['KE'], sort: 'name', direction: 'desc', limit: 1000 });
    expect(shown.total).toBe(3);
    expect(rows.map((r) => r[0])).toEqual(shown.rows.map((r) => r.name));
    expect(text).toContain('\r\n');
    expect(text).not.toContain('Haddad');
    expect(text).not.toContain('Müller');
  });

  it('writes semicolons when the interface is German, headers in German', async () => {
    const { b } = await workspace();
    const file = await exportContacts(b, { language: 'de' });
    expect(file.fileName).toBe('personen-2026-11-21.csv');
    const text = file.bytes.toString('utf8').slice(1);
    const firstLine = text.split('\r\n')[0]!;
    expect(firstLine.split(';')).toHaveLength(6);
    expect(firstLine).not.toContain(',');
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]![0]).toBe('Name');
    expect(parsed.data.slice(1).every((r) => r.length === 6)).toBe(true);
  });

  it('neutralises formula-looking cells with an apostrophe and keeps every other hostile string as typed', async () => {
    const { b } = await workspace();
    const file = await exportContacts(b);
    const rows = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1), { delimiter: ',', skipEmptyLines: true }).data.slice(1);
    const byName = new Map(rows.map((r) => [r[0]!, r]));
    const amina = byName.get('Amina Okafor')!;
    expect(amina[1]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(amina[2]).toBe(HOSTILE.quotes);
    expect(amina[3]).toBe(`'+254 20 123456`);
    expect(amina[4]).toBe(`water, ${HOSTILE.emoji}`);
    expect(amina[5]).toBe('2026-10-02');
    expect(byName.get(`Wang ${HOSTILE.cjk}`)![1]).toBe(`'@SUM(A1:A9)`);
    // A name starting with "-" is neutralised too; the newline inside a cell survives.
    const kofi = rows.find((r) => r[0]!.includes('Mensah'))!;
    expect(kofi[0]).toBe('Kofi -Mensah');
    expect(kofi[1]).toBe(HOSTILE.newline);
    // No cell of the file starts a formula.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('refuses nothing and keeps RTL text of another list as typed (organisations, German)', async () => {
    const { b } = await workspace();
    const { jobId } = await b.call('exports.list', { list: 'organisations', query: { sort: 'name', direction: 'asc' }, columns: ['name', 'country', 'city'], format: 'csv', language: 'de' });
    const file = await jobFile(b, jobId);
    const rows = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Name', 'Land', 'Ort']);
    expect(rows.slice(1).map((r) => r[0])).toContain(HOSTILE.rtl);
    const shown = await b.call('organisations.list', { sort: 'name', direction: 'asc' });
    expect(rows.slice(1).map((r) => r[0])).toEqual(shown.rows.map((r) => r.name));
  });
});

describe('list export to XLSX', () => {
  it('reads back with ExcelJS: bold frozen header, widths, dates as dates, formula-looking text as plain strings', async () => {
    const { b } = await workspace();
    const file = await exportContacts(b, { format: 'xlsx' });
    expect(file.fileName).toBe('people-2026-11-21.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('People');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = ws.getRow(1);
    expect(header.values).toEqual([undefined, 'Name', 'Role', 'Organisation', 'Phone', 'Expertise', 'Last contact']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(8);
    expect(ws.rowCount).toBe(4);
    const shown = await b.call('contacts.list', { countries: ['KE'], sort: 'name', direction: 'desc' });
    const names = [2, 3, 4].map((i) => ws.getRow(i).getCell(1).value);
    expect(names).toEqual(shown.rows.map((r) => r.name));
    const amina = [2, 3, 4].map((i) => ws.getRow(i)).find((r) => r.getCell(1).value === 'Amina Okafor')!;
    const role = amina.getCell(2);
    expect(role.type).toBe(ExcelJS.ValueType.String);
    expect(role.value).toBe('=HYPERLINK("http://evil.example","click")');
    expect(role.formula).toBeUndefined();
    expect(amina.getCell(3).value).toBe(HOSTILE.quotes);
    expect(amina.getCell(4).type).toBe(ExcelJS.ValueType.String);
    const last = amina.getCell(6);
    expect(last.type).toBe(ExcelJS.ValueType.Date);
    expect((last.value as Date).toISOString()).toBe('2026-10-02T00:00:00.000Z');
    const kofi = [2, 3, 4].map((i) => ws.getRow(i)).find((r) => String(r.getCell(1).value).includes('Mensah'))!;
    expect(kofi.getCell(2).value).toBe(HOSTILE.newline);
  });

  it('writes numbers as numbers (organisations: people count)', async () => {
    const { b } = await workspace();
    const { jobId } = await b.call('exports.list', { list: 'organisations', query: { countries: ['KE'] }, columns: ['name', 'people'], format: 'xlsx', language: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await jobFile(b, jobId)).bytes as unknown as ArrayBuffer);
    const cell = wb.worksheets[0]!.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.value).toBe(3);
  });
});

describe('list export to a PDF report', () => {
  it('prints title, filter in words, date, the table with its header repeated on page 2, page X of Y and the classification', async () => {
    const b = await openTestBackend({ now: clock });
    const org = await b.call('organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE', city: 'Nairobi' });
    for (let i = 0; i < 90; i++) {
      await b.call('contacts.create', {
        contact: { givenName: `Person${String(i).padStart(2, '0')}`, familyName: 'Otieno' },
        positions: [{ organisationId: org.id, role: 'Researcher', from: '2024-01-01' }],
      });
    }
    await b.call('contacts.create', { contact: { givenName: 'Outside', familyName: 'Filter', country: 'DE' }, positions: [] });
    const { jobId } = await b.call('exports.list', {
      list: 'contacts',
      query: { countries: ['KE'], text: 'otieno', sort: 'name', direction: 'asc' },
      columns: ['name', 'role', 'organisation', 'country'],
      format: 'pdf',
      language: 'en',
    });
    const file = await jobFile(b, jobId);
    expect(file.fileName).toBe('people-2026-11-21.pdf');
    const path = savePdf(await tempDir(), file.bytes);
    const info = pdfinfo(path);
    expect(info.Title).toBe('People');
    expect(info.Tagged).toBe('yes');
    const pages = pageTexts(path);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain('People');
    expect(pages[0]).toContain('Filtered by text “otieno” · country: Kenya');
    expect(pages[0]).not.toContain('Filter:');
    expect(pages[0]).toContain('Sorted by Name, ascending.');
    expect(pages[0]).toMatch(/Generated 21 November 2026/);
    expect(pages[0]).toContain('90 rows');
    expect(pages[0]).toContain('INTERNAL');
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      // Once per page: the report's table comes in pieces of rows, but reads as one table.
      expect(p.match(/Name\s+Role\s+Organisation\s+Country/g), `header on page ${i + 1}`).toHaveLength(1);
    });
    expect(pages.join('\n')).toContain('Person89 Otieno');
    // Every row once, in order, across the pieces and pages.
    const printed = pages.join('\n').match(/Person\d\d Otieno/g)!;
    expect(printed).toEqual(Array.from({ length: 90 }, (_, n) => `Person${String(n).padStart(2, '0')} Otieno`));
    expect(pages.join('\n')).not.toContain('Outside Filter');
    // Portrait for four columns.
    expect(Number(info['Page size']?.match(/^([\d.]+) x/)?.[1])).toBeLessThan(600);
  });

  it('turns to landscape for many columns and prints German', async () => {
    const { b } = await workspace();
    const { jobId } = await b.call('exports.list', {
      list: 'contacts',
      query: {},
      columns: ['name', 'role', 'organisation', 'country', 'email', 'phone', 'expertise', 'languages', 'owner', 'lastContact', 'updatedAt'],
      format: 'pdf',
      language: 'de',
    });
    const path = savePdf(await tempDir(), (await jobFile(b, jobId)).bytes);
    const info = pdfinfo(path);
    expect(Number(info['Page size']?.match(/^([\d.]+) x/)?.[1])).toBeGreaterThan(800);
    const text = pageTexts(path)[0]!;
    expect(text).toContain('Personen');
    expect(text).toContain('Nicht gefiltert (alle Einträge)');
    expect(text).toContain('Seite 1 von 1');
    expect(text).toContain('INTERN');
    expect(text).toContain('02.10.2026');
  });

  it('writes English dates as the app does (“21 Nov 2026”), and keeps a date column’s header on one line', async () => {
    const b = await openTestBackend({ now: clock });
    await b.call('contacts.create', { contact: { givenName: 'Wanjiru', familyName: 'Kamau', country: 'KE' }, positions: [] });
    const { jobId } = await b.call('exports.list', { list: 'contacts', query: {}, columns: ['name', 'country', 'updatedAt'], format: 'pdf', language: 'en' });
    const text = pageTexts(savePdf(await tempDir(), (await jobFile(b, jobId)).bytes))[0]!;
    expect(text).toContain('21 Nov 2026');
    expect(text).not.toContain('21/11/2026');

    const { columnLayout } = await import('../../electron/backend/pdf/documents/list-report');
    const rows = Array.from({ length: 30 }, (_, i) => [`A rather long organisation name number ${i} in full`, 'KE', '26.10.2026']);
    const { widths } = columnLayout(['Name', 'Land', 'Letzter Kontakt'], rows);
    // 6 pt a character and 12 pt padding: the whole header fits, not only its longest word.
    expect(widths[2]).toBeGreaterThanOrEqual('Letzter Kontakt'.length * 6 + 12);
  });

  it('prints the classification the user chose (the briefing book’s levels) in header and footer of every page, and refuses an unknown one', async () => {
    const b = await openTestBackend({ now: clock });
    const org = await b.call('organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE' });
    for (let i = 0; i < 60; i++) await b.call('contacts.create', { contact: { givenName: `P${i}`, familyName: 'Otieno' }, positions: [{ organisationId: org.id, role: 'Researcher', from: null }] });
    const report = async (classification: 'public' | 'internal' | 'confidential', language: 'en' | 'de') => {
      const { jobId } = await b.call('exports.list', { list: 'contacts', query: {}, columns: ['name', 'role'], format: 'pdf', language, classification });
      return pageTexts(savePdf(await tempDir(), (await jobFile(b, jobId)).bytes));
    };
    const confidential = await report('confidential', 'de');
    expect(confidential.length).toBeGreaterThanOrEqual(2);
    for (const page of confidential) {
      // Once in the running header, once in the footer.
      expect(page.match(/VERTRAULICH/g)).toHaveLength(2);
      expect(page).not.toContain('INTERN');
    }
    const open = await report('public', 'en');
    for (const page of open) {
      expect(page.match(/PUBLIC/g)).toHaveLength(2);
      expect(page).not.toContain('INTERNAL');
    }
    const error = await rejection(b.call('exports.list', { list: 'contacts', query: {}, columns: ['name'], format: 'pdf', language: 'en', classification: 'secret' as never }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.classification).toBeTruthy();
  });

  it('refuses a report of more rows than a PDF should hold, before any job starts, with a message that says what to do', async () => {
    // The count comes from the list operation; a list of MAX_PDF_ROWS + 1 rows stands for a big workspace.
    const empty = () => ({ total: 0, offset: 0, rows: [] });
    const lists = { cases: { list: empty }, organisations: { list: empty }, contacts: { list: () => ({ total: MAX_PDF_ROWS + 1, offset: 0, rows: [] }) }, notes: { list: empty }, trips: { list: empty } };
    let started = 0;
    const jobs = { start: () => ({ jobId: String(++started) }) } as unknown as Jobs;
    const service = createExportService(undefined as never, downloadPlatform, jobs, lists, { list: empty });
    const none: string[] = [];
    const query = { text: '', countries: none, regions: none, topics: none, organisationKinds: none, languages: none, owners: none, groups: none, sort: 'name' as const, direction: 'asc' as const };
    const error = await rejection(service.list({ list: 'contacts', query, columns: ['name'], format: 'pdf', language: 'en' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.messageKey).toEqual({ key: 'exports.tooManyForPdf', params: { max: MAX_PDF_ROWS, count: MAX_PDF_ROWS + 1 } });
    expect(started).toBe(0);
    // The same list goes out as CSV.
    await service.list({ list: 'contacts', query, columns: ['name'], format: 'csv', language: 'en' });
    expect(started).toBe(1);
  });
});

describe('every list and every column', () => {
  it('exports each list of the sample workspace with all its columns: as many rows as the list, in its order, no cell left as a key', async () => {
    const { exportColumns, exportLists } = await import('../../shared/features/exports/schema');
    const b = await openTestBackend({ now: clock, sample: true });
    for (const list of exportLists) {
      const columns = [...exportColumns[list]];
      const { jobId } = await b.call('exports.list', { list, query: {}, columns, format: 'csv', language: 'de' });
      const rows = Papa.parse<string[]>((await jobFile(b, jobId)).bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
      const shown = await b.call(`${list}.list`, { limit: 1000 });
      expect(rows.length - 1, list).toBe(shown.total);
      expect(rows[0], list).toHaveLength(columns.length);
      const first = shown.rows.map((r) => ('name' in r ? r.name : 'reference' in r ? r.reference : r.title));
      expect(rows.slice(1).map((r) => r[0]), list).toEqual(first);
      // A translated value never falls back to its catalogue key.
      for (const r of rows) for (const cell of r) expect(cell, list).not.toMatch(/^(cases|notes|trips|organisations|book|exports)\.[a-z]/);
    }
  });
});

describe('the report’s filter in words', () => {
  it('names every filter with its values in the UI language: statuses, countries, regions, topics, the client by name', async () => {
    const b = await openTestBackend({ now: clock });
    const client = await b.call('organisations.create', { name: 'Universität Łódź', kind: 'university', country: 'PL', city: 'Łódź' });
    const { ListExportRequest } = await import('../../shared/features/exports/contract');
    const { filterSummary, sortSummary } = await import('../../electron/backend/services/exports/rows');
    const req = ListExportRequest.parse({
      list: 'cases',
      query: { text: ' hydrogen ', statuses: ['advising', 'onHold'], countries: ['KE', 'GH'], regions: ['202'], topics: ['water'], clientId: client.id, sort: 'dueOn', direction: 'asc' },
      columns: ['title'],
      format: 'pdf',
      language: 'de',
    });
    expect(filterSummary(b.store.db, req, 'de')).toBe(
      'Text „hydrogen“ · Status: Beratung, Ruht · Land: Kenia, Ghana · Region: Subsahara-Afrika · Thema: water · Auftraggeber: Universität Łódź',
    );
    expect(sortSummary(req, 'de')).toBe('Sortiert nach Fällig, aufsteigend.');
    const unfiltered = ListExportRequest.parse({ list: 'cases', query: { sort: 'dueOn' }, columns: ['title'], format: 'pdf', language: 'en' });
    expect(filterSummary(b.store.db, unfiltered, 'en')).toBe('');
  });

  it('refuses a column the list does not have, and a query the list would refuse, at that field', async () => {
    const { ListExportRequest } = await import('../../shared/features/exports/contract');
    const bad = ListExportRequest.safeParse({ list: 'notes', query: { statuses: ['nonsense'] }, columns: ['title', 'email'], format: 'csv', language: 'en' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['query.statuses.0', 'columns.1']));
  });
});
