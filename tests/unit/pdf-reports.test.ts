// Why this file exists: issue 13, part 7 — the country dossier and the portfolio report. The exports
// run through the real backend as jobs and are read back with poppler: text (names in several
// scripts), tagging and pages (pdfinfo), embedded fonts (pdffonts), bookmarks (pdftohtml) and the
// charts as vector paths (pdftocairo -svg). The models are checked against a fixture whose numbers
// are stated here, and the dossier's priority section against a database object given its own
// `priorities` (country, region, expired and foreign ones).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryDossierModel, gatherDossier, type PriorityLike } from '../../electron/backend/pdf/documents/country-dossier';
import { portfolioFigures, type PortfolioRow } from '../../electron/backend/pdf/documents/portfolio-report';
import { plainText, type Block } from '../../electron/backend/pdf/model';
import { safeFileName } from '../../electron/backend/pdf/documents/case-briefing';
import { countryName } from '../../shared/features/countries/names';
import type { Database } from '../../shared/schemas/database';
import { jobFile } from './helpers/jobs';
import { pdffonts, pdfinfo, pdftotext, rowCells, savePdf, textLines } from './helpers/poppler';
import { openTestBackend, tempDir, type TestBackend } from './helpers/workspace';

const NOW = new Date('2026-11-21T10:00:00Z');
const NAMES = { zh: '北京大学', ar: 'جامعة القاهرة', ja: '東京大学', person: 'やまだ 花子', vi: 'Nguyễn Thị Minh Khai' } as const;

/** A workspace with partners in China, Egypt and Japan (names in their scripts) and five cooperations with stated topics and statuses. */
async function fixture(b: TestBackend) {
  const ours = await b.call('organisations.create', { name: 'Leibniz Institute of Ecological Research', shortName: 'IOER', kind: 'researchInstitute', country: 'DE' });
  const pku = await b.call('organisations.create', { name: NAMES.zh, kind: 'university', country: 'CN', city: 'Beijing' });
  const cairo = await b.call('organisations.create', { name: NAMES.ar, kind: 'university', country: 'EG', city: 'Cairo' });
  const tokyo = await b.call('organisations.create', { name: NAMES.ja, kind: 'university', country: 'JP', city: 'Tokyo' });
  await b.call('contacts.create', { contact: { givenName: 'Hanako', familyName: 'Yamada', nativeName: NAMES.person, languages: ['ja'] }, positions: [{ organisationId: pku.id, role: 'Vice President', from: '2022-01-01', to: null }] });
  await b.call('contacts.create', { contact: { givenName: 'Minh Khai', familyName: 'Nguyen', nativeName: NAMES.vi, languages: ['vi'] }, positions: [{ organisationId: pku.id, role: 'Visiting professor', from: '2023-01-01', to: null }] });
  const coop = (title: string, partners: string[], topics: string[], status: 'idea' | 'running' | 'funded' | 'ended') =>
    b.call('cooperations.create', { title, institutes: [ours.id], partners, topics, status, start: '2025-01-01', end: status === 'ended' ? '2025-12-31' : null, volume: 100_000 });
  await coop('Urban heat islands', [pku.id], ['climate', 'cities'], 'running');
  await coop('Coastal water', [pku.id, cairo.id], ['water'], 'running');
  await coop('River basins', [pku.id], ['water', 'climate'], 'funded');
  await coop('Nile sediments', [cairo.id], ['water'], 'ended');
  await coop('Earthquake early warning', [tokyo.id], [], 'idea');
  await b.call('trips.create', {
    title: 'Delegation to Beijing',
    purpose: '',
    destinations: [{ country: 'CN', city: 'Beijing' }],
    startDate: '2027-03-01',
    endDate: '2027-03-04',
    timeZones: ['Asia/Shanghai'],
    classification: 'internal',
    language: 'en',
    members: [{ kind: 'staff', name: 'Dr. Helena Vogt', function: 'Head of delegation', role: 'head' }],
  });
}

const svgPaths = (pdf: string) => (execFileSync('pdftocairo', ['-svg', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).match(/<path /g) ?? []).length;
const bookmarkTitles = (pdf: string) => [...execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', pdf], { encoding: 'utf8' }).matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]!);

/** Renders the pages small for a look (tests/… writes them to /tmp/reports-shots when REPORT_SHOTS is set). */
function shots(pdf: string, name: string) {
  if (!process.env.REPORT_SHOTS) return;
  mkdirSync('/tmp/reports-shots', { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join('/tmp/reports-shots', name)]);
}

describe('country dossier', () => {
  it('exports as a tagged PDF with bookmarks, embedded fonts, every section, names in their scripts and vector charts', async () => {
    const b = await openTestBackend({ now: () => NOW });
    await fixture(b);
    const dir = await tempDir();
    const { jobId } = await b.call('exports.countryDossier', { code: 'CN', language: 'en', classification: 'confidential' });
    const file = await jobFile(b, jobId);
    expect(file.fileName).toBe(`country-dossier-${safeFileName(countryName('CN', 'en'))}-2026-11-21.pdf`);
    const pdf = savePdf(dir, file.bytes, 'dossier.pdf');
    shots(pdf, 'dossier-en');
    const info = pdfinfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBeGreaterThan(3);
    const text = pdftotext(pdf);
    for (const s of ['Country profile', 'Priority and goals', 'No priority set.', 'Cooperations', 'By topic', 'By status', 'People and organisations', 'Recent timeline', 'Open cases', 'Delegation trips', 'Delegation to Beijing', 'CONFIDENTIAL']) expect(text).toContain(s);
    expect(text.replace(/\s+/g, ' ')).toContain(`3 cooperations with partners in ${countryName('CN', 'en')}.`);
    for (const name of [NAMES.zh, NAMES.person]) expect(text).toContain(name);
    // A name may wrap inside its table cell: read the cell's lines joined.
    expect(rowCells(textLines(pdf), 'Minh Khai Nguyen')[0]).toBe(`Minh Khai Nguyen (${NAMES.vi})`);
    expect(text).toMatch(/Page 1 of \d+/);
    const marks = bookmarkTitles(pdf);
    for (const s of ['Country profile', 'Priority and goals', 'Cooperations', 'By topic', 'Open cases']) expect(marks).toContain(s);
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.some((f) => /NotoSans(SC|JP)/.test(f.name))).toBe(true);

    // The same country with no cooperations there draws no bars: the charts are paths of their own.
    const empty = await openTestBackend({ now: () => NOW });
    const other = savePdf(dir, (await jobFile(empty, (await empty.call('exports.countryDossier', { code: 'CN', language: 'en' })).jobId)).bytes, 'empty.pdf');
    // Three topics and three statuses: at least six bars and two axes more than without cooperations.
    expect(svgPaths(pdf) - svgPaths(other)).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('prints in German', async () => {
    const b = await openTestBackend({ now: () => NOW });
    await fixture(b);
    const dir = await tempDir();
    const pdf = savePdf(dir, (await jobFile(b, (await b.call('exports.countryDossier', { code: 'EG', language: 'de' })).jobId)).bytes);
    shots(pdf, 'dossier-de');
    const text = pdftotext(pdf);
    for (const s of ['Länderprofil', 'Priorität und Ziele', 'Keine Priorität festgelegt.', '2 Kooperationen mit Partnern in Ägypten.', 'INTERN', NAMES.ar]) expect(text).toContain(s);
    expect(text).toMatch(/Seite 1 von \d+/);
  }, 120_000);
});

describe('the dossier model', () => {
  const text = (blocks: Block[]) =>
    blocks
      .map((b) => (b.kind === 'heading' ? b.text : b.kind === 'paragraph' ? plainText(b.text) : b.kind === 'table' ? b.rows.map((r) => r.map(plainText).join(' | ')).join('\n') : b.kind === 'fields' ? b.rows.map((r) => `${r.label}: ${plainText(r.value)}`).join('\n') : ''))
      .join('\n');

  it('counts cooperations by topic and status as stated', async () => {
    const b = await openTestBackend({ now: () => NOW });
    await fixture(b);
    const data = gatherDossier(b.store.db, 'CN', '2026-11-21');
    expect(data.cooperations.total).toBe(3);
    expect(data.cooperations.byTopic).toEqual([
      { topic: 'climate', count: 2 },
      { topic: 'water', count: 2 },
      { topic: 'cities', count: 1 },
    ]);
    expect(data.cooperations.byStatus).toEqual([
      { status: 'funded', count: 1 },
      { status: 'running', count: 2 },
    ]);
    expect(data.people.map((p) => p.nativeName).sort()).toEqual([NAMES.vi, NAMES.person].sort());
    expect(data.trips.planned.map((t) => t.title)).toEqual(['Delegation to Beijing']);
    expect(data.priorities).toEqual([]);
  });

  it('prints the priorities of the country and its region once the collection exists', async () => {
    const b = await openTestBackend({ now: () => NOW });
    await fixture(b);
    const priority = (p: Partial<PriorityLike>): PriorityLike => ({ country: null, region: null, level: 2, start: null, end: null, title: '', goals: '', topics: [], noteIds: [], ...p });
    // The store's database with priorities of our own choosing (an object built here, not the store's).
    const db = {
      ...b.store.db,
      priorities: [
        priority({ country: 'CN', level: 1, title: 'China: research security first', goals: ['Joint labs on climate', 'Two visits a year'], topics: ['climate'], start: '2026-01-01', end: '2028-12-31' }),
        priority({ region: '142', level: 3, title: 'Asia strategy', goals: 'Broaden the partner base.' }),
        priority({ country: 'CN', title: 'Expired', start: '2020-01-01', end: '2021-12-31' }),
        priority({ country: 'EG', title: 'Egypt only' }),
      ],
    } as unknown as Database;
    const data = gatherDossier(db, 'CN', '2026-11-21');
    expect(data.priorities.map((p) => [p.title, p.viaRegion])).toEqual([
      ['China: research security first', null],
      ['Asia strategy', '142'],
    ]);
    const model = countryDossierModel(data, { language: 'en', generatedAt: NOW, today: '2026-11-21' });
    const words = text(model.blocks);
    expect(words).not.toContain('No priority set');
    expect(words).toContain('Priority level: 1 – focus country');
    expect(words).toContain('Set for the region Asia');
    expect(model.blocks).toContainEqual({ kind: 'list', items: ['Joint labs on climate', 'Two visits a year'] });
    expect(model.blocks).toContainEqual({ kind: 'paragraph', text: 'Broaden the partner base.' });
  });
});

describe('portfolio report', () => {
  it('counts by region, topic and status as stated', () => {
    const row = (p: Partial<PortfolioRow>): PortfolioRow => ({ title: 'x', status: 'running', partners: [], countries: [], topics: [], start: null, end: null, volume: null, ...p });
    const f = portfolioFigures([
      row({ countries: ['GH', 'KE'], topics: ['water'], volume: 1000 }), // both in Africa: counts once there
      row({ countries: ['VN', 'DE'], topics: ['water', 'health'], status: 'idea', volume: 500 }),
      row({ countries: [], topics: [], status: 'ended' }),
    ]);
    expect(f.total).toBe(3);
    expect(f.volume).toBe(1500);
    expect(f.countries).toBe(4);
    expect(f.byRegion).toEqual([
      { region: '002', count: 1 },
      { region: '142', count: 1 },
      { region: '150', count: 1 },
      { region: null, count: 1 },
    ]);
    expect(f.byTopic).toEqual([
      { topic: 'water', count: 2 },
      { topic: 'health', count: 1 },
      { topic: null, count: 1 },
    ]);
    expect(f.byStatus).toEqual([
      { status: 'idea', count: 1 },
      { status: 'running', count: 1 },
      { status: 'ended', count: 1 },
    ]);
  });

  it('exports what the list filter selects, with charts as vector paths and the numbers in tables', async () => {
    const b = await openTestBackend({ now: () => NOW });
    await fixture(b);
    const dir = await tempDir();
    const all = savePdf(dir, (await jobFile(b, (await b.call('exports.portfolioReport', { language: 'en' })).jobId)).bytes, 'all.pdf');
    shots(all, 'portfolio-en');
    const info = pdfinfo(all);
    expect(info.Tagged).toBe('yes');
    const text = pdftotext(all);
    for (const s of ['Cooperation portfolio', 'By region', 'By topic', 'By status', 'The cooperations', 'Not filtered', 'Earthquake early warning', 'INTERNAL', NAMES.ar, NAMES.ja]) expect(text).toContain(s);
    const marks = bookmarkTitles(all);
    for (const s of ['Totals', 'By region', 'By topic', 'By status', 'The cooperations']) expect(marks).toContain(s);
    expect(pdffonts(all).every((f) => f.embedded)).toBe(true);

    // Filtered by status, in German: only the running ones, the filter said in words.
    const running = savePdf(dir, (await jobFile(b, (await b.call('exports.portfolioReport', { language: 'de', query: { statuses: ['running'] } })).jobId)).bytes, 'running.pdf');
    shots(running, 'portfolio-de');
    const de = pdftotext(running);
    expect(de).toContain('Kooperationsportfolio');
    expect(de).toContain('Status: Laufend');
    expect(de).toContain('Urban heat islands');
    expect(de).not.toContain('Earthquake early warning');
    // Fewer statuses and regions, fewer bars and slices: the charts are drawn, not pictures.
    const none = savePdf(dir, (await jobFile(b, (await b.call('exports.portfolioReport', { language: 'en', query: { text: 'no such cooperation' } })).jobId)).bytes, 'none.pdf');
    expect(svgPaths(all) - svgPaths(none)).toBeGreaterThanOrEqual(12);
    expect(svgPaths(all)).toBeGreaterThan(svgPaths(running));
  }, 120_000);

  it('keeps the cooperations active in the period', async () => {
    const b = await openTestBackend({ now: () => NOW });
    await fixture(b);
    const dir = await tempDir();
    const pdf = savePdf(dir, (await jobFile(b, (await b.call('exports.portfolioReport', { language: 'en', period: { from: '2026-01-01', to: null } })).jobId)).bytes);
    const text = pdftotext(pdf);
    expect(text).not.toContain('Nile sediments'); // ended 2025
    expect(text).toContain('Coastal water');
  }, 120_000);
});
