import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefingBook, excerptOf } from '../../electron/backend/pdf/documents/briefing-book';
import { plainText, pruneEmpty, type Block, type DocumentModel } from '../../electron/backend/pdf/model';
import { renderPdf } from '../../electron/backend/pdf/render';
import { displayName, isCurrentPosition } from '../../shared/features/contacts/schema';
import type { Database } from '../../shared/schemas/database';
import { bookSections, type TripRecord } from '../../shared/features/trips/schema';
import { buildTrip, INTERNAL_PREP, PRIVATE_PHONE, TALKING_POINT } from '../fixtures/trip';
import { pageTexts, pdffonts, pdfinfo, pdftotext, savePdf, textLines, type Line } from './helpers/poppler';
import { openTestBackend, type TestBackend } from './helpers/workspace';

// The PDFs outlive single tests (read by several of them), so they get their own folder.
const pdfDir = mkdtempSync(join(tmpdir(), 'attache-book-'));
afterAll(() => rmSync(pdfDir, { recursive: true, force: true }));

const clock = () => new Date('2026-11-21T10:00:00Z');

async function exportBook(b: TestBackend, tripId: string, audience: 'delegation' | 'external', name: string = audience): Promise<string> {
  const { jobId } = await b.call('book.export', { tripId, audience, sections: [...bookSections] });
  for (let i = 0; i < 600; i++) {
    const status = await b.call('jobs.status', { jobId });
    if (status.state === 'done' && status.result.delivery === 'download') return savePdf(pdfDir, Buffer.from(status.result.base64, 'base64'), `${name}.pdf`);
    if (status.state === 'failed') throw new Error(status.error.message);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('export did not finish');
}

interface OutlineItem {
  title: string;
  page: number;
  children: OutlineItem[];
}

/** The PDF's bookmarks, read by poppler's pdftohtml (an <outline> tree in its XML output). */
function bookmarks(path: string): OutlineItem[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', path], { encoding: 'utf8' });
  const start = xml.indexOf('<outline>');
  const tokens = xml.slice(start).match(/<outline>|<\/outline>|<item page="\d+">[^<]*<\/item>/g) ?? [];
  const root: OutlineItem[] = [];
  const stack: OutlineItem[][] = [];
  let current = root;
  for (const token of tokens) {
    if (token === '<outline>') {
      stack.push(current);
      // A nested outline belongs to the item just before it.
      const parent = current[current.length - 1];
      if (stack.length > 1 && parent) current = parent.children;
    } else if (token === '</outline>') {
      current = stack.pop() ?? root;
    } else {
      const m = /<item page="(\d+)">([^<]*)<\/item>/.exec(token)!;
      current.push({ title: m[2]!.replace(/&amp;/g, '&'), page: Number(m[1]), children: [] });
    }
    if (stack.length === 0) break;
  }
  return root;
}

/** Pairs of lines whose boxes intersect (boxes touching by a hair are neighbours, not overlaps). */
function overlappingLines(lines: Line[]): string[] {
  const overlaps: string[] = [];
  const byPage = new Map<number, Line[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  for (const [page, ls] of byPage) {
    for (let i = 0; i < ls.length; i++) {
      for (let j = i + 1; j < ls.length; j++) {
        const a = ls[i]!;
        const c = ls[j]!;
        const w = Math.min(a.x1, c.x1) - Math.max(a.x0, c.x0);
        const h = Math.min(a.y1, c.y1) - Math.max(a.y0, c.y0);
        if (w > 1 && h > 1.5) overlaps.push(`p${page}: "${a.text}" × "${c.text}"`);
      }
    }
  }
  return overlaps;
}

describe('the sample trip’s briefing book', () => {
  it('exports from the sample workspace in a few steps, with wrapped rich rows laid out cleanly', async () => {
    const b = await openTestBackend({ sample: true });
    const trip = (await b.call('trips.list', {})).rows[0]!;
    expect(trip.meetings).toBeGreaterThanOrEqual(6);
    const path = await exportBook(b, trip.id, 'delegation');
    expect(overlappingLines(textLines(path))).toEqual([]);
    const text = pdftotext(path);
    expect(text).toContain('East African Institute for Drylands Research');
    expect(text).toContain('(highlighted) — map data: Natural Earth');
  });
});

describe('briefing book PDF for a 40-meeting trip, read back with poppler', () => {
  let b: TestBackend;
  let tripId: string;
  let full: string;
  let external: string;

  beforeAll(async () => {
    b = await openTestBackend({ now: clock });
    tripId = (await buildTrip(b, 40, 60)).trip.id;
    full = await exportBook(b, tripId, 'delegation');
    external = await exportBook(b, tripId, 'external');
  }, 120_000);

  it('is tagged, titled, in English, with every font embedded', () => {
    const info = pdfinfo(full);
    expect(info.Title).toBe('Delegation to Nairobi and Accra');
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(45);
    for (const f of pdffonts(full)) expect(f.embedded, f.name).toBe(true);
    const struct = execFileSync('pdfinfo', ['-struct', full], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const tag of ['Document', 'TOC', 'TOCI', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'Figure']) expect(struct, tag).toContain(tag);
    // The map is a tagged figure with alternative text.
    expect(readFileSync(full).toString('latin1')).toContain('/Alt (Map of Kenya and its neighbours)');
    // The document says its language in the catalogue, so screen readers pick the right voice.
    expect(readFileSync(full).toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
  });

  it('ends with the pages for notes: ruled pages under a "Notes" heading, listed in the contents and bookmarked', () => {
    const pages = pageTexts(full);
    const info = pdfinfo(full);
    const last = Number(info.Pages);
    const body = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('Delegation to Nairobi and Accra') && !/^INTERNAL/.test(l) && !/^Page \d+ of \d+$/.test(l));
    for (const n of [last - 1, last]) expect(body(pages[n - 1]!), `page ${n}`).toEqual(['Notes']);
    const notes = bookmarks(full).find((m) => m.title === 'Notes')!;
    expect(notes.page).toBe(last - 1);
    expect(pages.slice(1, 4).join('\n')).toMatch(new RegExp(`^\\s*Notes\\s*\\.{3,}\\s*${last - 1}\\s*$`, 'm'));
  });

  it('has a bookmark for every section and every meeting, at the page where it starts', () => {
    const marks = bookmarks(full);
    expect(marks.map((m) => m.title)).toEqual(['Delegation', 'Itinerary', 'Meetings', 'Country profile', 'Strategy excerpts', 'Case summaries', 'Contact sheet', 'Notes']);
    const meetings = marks.find((m) => m.title === 'Meetings')!;
    expect(meetings.children).toHaveLength(40);
    const pages = pageTexts(full);
    for (const m of meetings.children) expect(pages[m.page - 1], m.title).toContain(m.title);
    for (const m of marks) expect(pages[m.page - 1], m.title).toContain(m.title);
  });

  it('prints contents whose page numbers are the pages where each heading is found', () => {
    const pages = pageTexts(full);
    const contents = pages.slice(1, 4).join('\n');
    const entries = [...contents.matchAll(/^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$/gm)].map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }));
    expect(entries.length).toBeGreaterThanOrEqual(7 + 40 + 2);
    for (const e of entries) {
      const title = e.title.replace(/…$/, '');
      expect(pages[e.page - 1], `${e.title} on page ${e.page}`).toContain(title);
    }
  });

  it('prints page X of Y and the classification on every page', () => {
    const pages = pageTexts(full);
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('INTERNAL');
    });
  });

  it('never lays two lines of text over each other', () => {
    const lines = textLines(full);
    expect(lines.length).toBeGreaterThan(1000);
    expect(overlappingLines(lines)).toEqual([]);
  });

  it('repeats a table header row when a table continues on the next page', () => {
    const pages = pageTexts(full);
    const sheet = pages.map((p, i) => ({ p, i })).filter(({ p }) => p.includes('person') && p.includes('@partner.example'));
    expect(sheet.length).toBeGreaterThanOrEqual(2);
    for (const { p } of sheet) expect(p).toMatch(/Name\s+Position and organisation\s+E-mail\s+Phone/);
  });

  it('the external edition contains no internal text and no private phone number', () => {
    const text = pdftotext(external);
    for (const secret of [INTERNAL_PREP.slice(0, 30), PRIVATE_PHONE, TALKING_POINT, 'Strategy excerpts', 'Case summaries', 'Open tasks with them', 'INTERNAL']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain('PUBLIC');
    expect(text).toContain('Programme for partners'.toUpperCase());
    expect(pdftotext(full)).toContain(PRIVATE_PHONE);
  });
});

/** Body text lies between the running header (y ≈ 34–45) and the footer rule; headings start at the left margin. */
const BODY_TOP = 70;
const BODY_BOTTOM = 775;
const LEFT_MARGIN = 66;

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
type TableBlock = Extract<Block, { kind: 'table' }>;

/** The blocks of one section of the model, from its level-1 heading to the next one. */
function sectionBlocks(model: DocumentModel, title: string): Block[] {
  const start = model.blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = model.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return model.blocks.slice(start, end < 0 ? undefined : end);
}

/** The table right after each heading with this text. */
const tablesAfter = (blocks: Block[], heading: string): TableBlock[] =>
  blocks.flatMap((b, i) => (b.kind === 'heading' && b.text === heading && blocks[i + 1]?.kind === 'table' ? [blocks[i + 1] as TableBlock] : []));

/** A line break inside an address is allowed after '@', '/' or '-', or before a '.'. */
const allowedBreak = (before: string, after: string) => /[@/-]$/.test(before) || after.startsWith('.');

/**
 * The lines of text in the column under each header cell with this label (tables repeat their
 * header on every page), in reading order, and the x where the next column starts.
 */
function columnLines(lines: Line[], label: string, nextLabel: string): Array<Line & { limit: number }> {
  const out: Array<Line & { limit: number }> = [];
  for (const h of lines.filter((l) => l.text === label)) {
    const next = lines.find((l) => l.page === h.page && l.text === nextLabel && Math.abs(l.y0 - h.y0) < 1)!;
    expect(next, `${nextLabel} beside ${label} on page ${h.page}`).toBeDefined();
    const cells = lines.filter((l) => l.page === h.page && Math.abs(l.x0 - h.x0) < 1 && l.y0 > h.y1 && l.y1 < BODY_BOTTOM).sort((a, b) => a.y0 - b.y0);
    out.push(...cells.map((c) => ({ ...c, limit: next.x0 })));
  }
  return out;
}

/** How an address was printed: the consecutive column lines that spell it (one line if unbroken). */
function printedAs(address: string, column: Line[]): string[] | null {
  for (let i = 0; i < column.length; i++) {
    let joined = '';
    for (let j = i; j < column.length && joined.length < address.length; j++) {
      joined += column[j]!.text;
      if (joined === address) return column.slice(i, j + 1).map((l) => l.text);
    }
  }
  return null;
}

describe('the sample trip’s book after review: contact sheet, excerpts, country profile, meeting flow', () => {
  const EARLIER = 'Scoping mission to Nairobi';
  const OVERLAPPING = 'Drylands workshop in Nakuru';
  const LATER = 'Award ceremony in Nairobi';
  const STOP = 'Stop at the Kenya National Museum';
  const LAB = 'Tour of the ministry’s innovation lab';
  const PRESS = 'Press statement at the ministry';
  const models = {} as Record<'delegation' | 'external', DocumentModel>;
  const pdf = {} as Record<'delegation' | 'external' | 'german', string>;
  let pointsWithOwnHeading = 0;
  let sample: Database;

  beforeAll(async () => {
    const b = await openTestBackend({ sample: true, now: clock });
    const id = (await b.call('trips.list', {})).rows[0]!.id;
    let trip: TripRecord = await b.call('trips.get', { id });
    // Other trips to Kenya: one that ended long before, one still running when this one starts, one later.
    const kenya = { destinations: [{ country: 'KE', city: 'Nairobi' }], timeZones: ['Africa/Nairobi'] };
    await b.call('trips.create', { ...kenya, title: EARLIER, startDate: '2025-03-02', endDate: '2025-03-06' });
    await b.call('trips.create', { ...kenya, title: OVERLAPPING, startDate: addDays(trip.startDate, -3), endDate: addDays(trip.startDate, 1) });
    await b.call('trips.create', { ...kenya, title: LATER, startDate: addDays(trip.endDate, 60), endDate: addDays(trip.endDate, 63) });
    // Meetings with logistics only (no counterparts, objectives or talking points): one after the
    // site visit in Nakuru (whose last page has no room left for it), two in a row after the meeting
    // at the ministry (whose last page has room for both).
    const agenda = b.store.db.agendaItems.filter((a) => a.tripId === id);
    pointsWithOwnHeading = agenda.filter((a) => a.talkingPoints.content[0]?.type === 'heading').length;
    const rift = agenda.find((a) => a.title.startsWith('Rift Valley University'))!;
    const ministry = agenda.find((a) => a.title === 'Ministry of Research, Innovation and Digitalisation')!;
    const logistics = (title: string, kind: 'meeting' | 'siteVisit', at: typeof rift, start: string, end: string) =>
      b.call('agenda.create', { tripId: id, title, kind, date: at.date, start, end, timeZone: at.timeZone, place: 'Arranged by the embassy' });
    await logistics(STOP, 'siteVisit', rift, '16:15', '17:15');
    await logistics(LAB, 'siteVisit', ministry, '10:35', '11:00');
    await logistics(PRESS, 'meeting', ministry, '11:05', '11:20');
    trip = await b.call('trips.get', { id });
    const opts = { sections: [...bookSections], generatedAt: clock(), today: '2026-11-21' };
    models.delegation = buildBriefingBook(b.store.db, trip, { ...opts, audience: 'delegation' }).model;
    models.external = buildBriefingBook(b.store.db, trip, { ...opts, audience: 'external' }).model;
    pdf.delegation = await exportBook(b, id, 'delegation', 'sample-delegation');
    pdf.external = await exportBook(b, id, 'external', 'sample-external');
    await b.call('trips.update', { id, revision: trip.revision, changes: { language: 'de' } });
    pdf.german = await exportBook(b, id, 'delegation', 'sample-german');
    sample = b.store.db;
  }, 120_000);

  it('contact sheet: the e-mail column is the widest, and long addresses break after the @ — never mid-word or beyond the column', () => {
    const sheet = sectionBlocks(models.delegation, 'Contact sheet').find((b): b is TableBlock => b.kind === 'table')!;
    const widths = sheet.columns.map((c) => c.width);
    expect(sheet.columns[2]!.label).toBe('E-mail');
    expect(Math.max(...widths)).toBe(widths[2]);
    // The model keeps each address whole; only the drawn text breaks.
    const addresses = sheet.rows.flatMap((r) => plainText(r[2]!).split('\n')).filter((a) => a.includes('@'));
    expect(addresses.length).toBeGreaterThanOrEqual(15);
    for (const a of addresses) expect(a).toMatch(/^[^\s\u200b]+@[^\s\u200b]+$/);

    const column = columnLines(textLines(pdf.delegation), 'E-mail', 'Phone');
    for (const line of column) expect(line.x1, line.text).toBeLessThan(line.limit - 4);
    let broken = 0;
    for (const address of addresses) {
      const pieces = printedAs(address, column);
      expect(pieces, address).not.toBeNull();
      if (pieces!.length > 1) broken++;
      for (let k = 1; k < pieces!.length; k++) expect(allowedBreak(pieces![k - 1]!, pieces![k]!), pieces!.join(' | ')).toBe(true);
      // The sample's addresses all fit once broken after the '@'.
      if (pieces!.length > 1) expect(pieces![0]!.endsWith('@'), pieces!.join(' | ')).toBe(true);
    }
    expect(broken).toBeGreaterThanOrEqual(1);
    // The breaks are line ends, not invisible characters: copying text gives the address's characters only.
    expect(pdftotext(pdf.delegation)).not.toContain('\u200b');
  });

  it('an address too long for its column even after the @ breaks before dots and after hyphens, each line within the column', async () => {
    const address = 'firstname.lastname@faculty-of-engineering.university-of-applied-sciences.example';
    const model: DocumentModel = {
      title: 'Addresses',
      language: 'en',
      classification: { level: 'internal', label: 'Internal' },
      header: 'Addresses',
      pageLabel: 'Page {{page}} of {{pages}}',
      generatedAt: clock(),
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: 'Name', width: 3 },
            { label: 'E-mail', width: 1 },
            { label: 'Phone', width: 2 },
          ],
          rows: [['A. Person', address, '+49 30 1234 5678']],
        },
      ],
    };
    const path = savePdf(pdfDir, (await renderPdf(model)).bytes, 'long-address.pdf');
    const column = columnLines(textLines(path), 'E-mail', 'Phone');
    const pieces = printedAs(address, column)!;
    expect(pieces, column.map((l) => l.text).join(' | ')).not.toBeNull();
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    for (let k = 1; k < pieces.length; k++) expect(allowedBreak(pieces[k - 1]!, pieces[k]!), pieces.join(' | ')).toBe(true);
    for (const line of column) expect(line.x1, line.text).toBeLessThan(line.limit - 4);
  });

  it('keeps a heading with the whole of a block that is kept together (a counterpart’s profile), not just its first row', async () => {
    const rows = ['Name', 'Current position', 'Languages', 'Our last contacts', 'Open tasks with them', 'Related cases'].map((label) => ({ label, value: `${label} of the counterpart` }));
    const model: DocumentModel = {
      title: 'Profiles',
      language: 'en',
      classification: { level: 'internal', label: 'Internal' },
      header: 'Profiles',
      pageLabel: 'Page {{page}} of {{pages}}',
      generatedAt: clock(),
      blocks: [
        { kind: 'paragraph', text: 'Opening text.' },
        // Leaves room at the foot of page 1 for the heading and a row or two, not for the whole profile.
        { kind: 'spacer', size: 560 },
        { kind: 'heading', level: 3, text: 'Who we meet', toc: false },
        { kind: 'fields', rows, keepTogether: true },
      ],
    };
    const result = await renderPdf(model);
    const lines = textLines(savePdf(pdfDir, result.bytes, 'kept-together.pdf'));
    const first = lines.find((l) => l.text === 'Name')!;
    expect(first.page).toBe(2);
    expect(result.headings.find((h) => h.text === 'Who we meet')?.page).toBe(first.page);
  });

  it('strategy excerpts never end with a heading whose text was cut off', () => {
    const blocks = sectionBlocks(models.delegation, 'Strategy excerpts');
    const starts = blocks.flatMap((b, i) => (b.kind === 'heading' && b.level === 2 ? [i] : []));
    expect(starts.length).toBeGreaterThanOrEqual(2);
    let cut = 0;
    starts.forEach((start, n) => {
      const note = blocks.slice(start + 1, starts[n + 1] ?? blocks.length);
      const last = note[note.length - 1]!;
      const isEllipsis = last.kind === 'paragraph' && last.text === '…';
      if (isEllipsis) cut++;
      const end = isEllipsis ? note[note.length - 2]! : last;
      expect(end.kind, (blocks[start] as { text: string }).text).not.toBe('heading');
    });
    // The sample's long notes are cut, so the rule is exercised.
    expect(cut).toBeGreaterThanOrEqual(1);
  });

  it('excerptOf drops the headings (and rules) an excerpt would end with', () => {
    const p = (n: number): Block => ({ kind: 'paragraph', text: 'x'.repeat(n) });
    const h = (text: string): Block => ({ kind: 'heading', level: 3, text, toc: false });
    expect(excerptOf([p(1000), h('A'), p(500), h('B'), h('C'), p(500)])).toEqual([p(1000), h('A'), p(500)]);
    expect(excerptOf([p(1700), { kind: 'spacer', size: 8 }, h('Risks'), p(400)])).toEqual([p(1700)]);
    // A short note is taken whole.
    expect(excerptOf([h('A'), p(100), h('B'), p(100)])).toEqual([h('A'), p(100), h('B'), p(100)]);
  });

  it('names the time zones as people do, in the book’s language: the itinerary’s note and each meeting’s time', () => {
    const en = pdftotext(pdf.delegation).replace(/\s+/g, ' ');
    expect(en).toContain('All times are local: Nairobi (East Africa Time); Accra (Greenwich Mean Time).');
    expect(en).toMatch(/When \d+ December 2026, \d\d:\d\d–\d\d:\d\d Nairobi \(East Africa Time\) Where/);
    expect(en).not.toContain('Africa/Nairobi');
    const de = pdftotext(pdf.german).replace(/\s+/g, ' ');
    expect(de).toContain('Alle Zeiten sind Ortszeit: Nairobi (Ostafrikanische Zeit); Accra (Mittlere Greenwich-Zeit).');
  });

  it('country profile: open cases are labelled reference, case and status, in English and German', () => {
    for (const table of tablesAfter(sectionBlocks(models.delegation, 'Country profile'), 'Open cases')) {
      expect(table.columns.map((c) => c.label)).toEqual(['Reference', 'Case', 'Status']);
    }
    const en = pdftotext(pdf.delegation, '-layout');
    expect(en).toMatch(/Open cases\s+Reference\s+Case\s+Status/);
    expect(en).not.toMatch(/Reference\s+Programme item/);
    const de = pdftotext(pdf.german, '-layout');
    expect(de).toMatch(/Offene Vorgänge\s+Aktenzeichen\s+Vorgang\s+Status/);
    expect(de).not.toMatch(/Aktenzeichen\s+Programmpunkt/);
  });

  it('country profile: "Earlier trips" lists only trips that ended before this one starts — not a later or overlapping one', () => {
    const blocks = sectionBlocks(models.delegation, 'Country profile');
    const i = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Earlier trips');
    expect(i).toBeGreaterThan(0);
    const list = blocks[i + 1] as Extract<Block, { kind: 'list' }>;
    expect(list.kind).toBe('list');
    expect(list.items.map(plainText)).toEqual(['2 March 2025 – 6 March 2025: Scoping mission to Nairobi']);
    const en = pdftotext(pdf.delegation);
    expect(en).toContain('Earlier trips');
    expect(en).toContain(EARLIER);
    for (const other of [LATER, OVERLAPPING, 'Past trips']) expect(en, other).not.toContain(other);
    const de = pdftotext(pdf.german);
    expect(de).toContain('Frühere Reisen');
    expect(de).toContain(EARLIER);
    expect(de).not.toContain(LATER);
  });

  it('external edition: our organisations by name, city and type, without our counts; the delegation keeps the counts', () => {
    const external = tablesAfter(sectionBlocks(models.external, 'Country profile'), 'Our organisations there');
    expect(external).toHaveLength(2);
    for (const table of external) {
      expect(table.columns.map((c) => c.label)).toEqual(['Organisation', 'City', 'Type']);
      for (const row of table.rows) {
        expect(row).toHaveLength(3);
        for (const cell of row) expect(plainText(cell)).not.toMatch(/^\d+$/);
      }
      const names = table.rows.map((r) => plainText(r[0]!));
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    }
    const delegation = tablesAfter(sectionBlocks(models.delegation, 'Country profile'), 'Our organisations there');
    for (const table of delegation) expect(table.columns.map((c) => c.label)).toEqual(['Organisation', 'City', 'Type', 'People']);

    const ext = pdftotext(pdf.external, '-layout');
    expect(ext).toMatch(/Our organisations there\s+Organisation\s+City\s+Type\s*\n/);
    expect(ext).toMatch(/East African Institute for Drylands Research\s+Nairobi\s+Research institute\s*\n/);
    expect(ext).not.toContain('People');
    expect(pdftotext(pdf.delegation, '-layout')).toMatch(/East African Institute for Drylands Research\s+Nairobi\s+Research institute\s+\d+\s*\n/);
  });

  it('country profile: the delegation sees who holds a role there now, most recently in touch first; partners do not get our network', () => {
    const db = sample;
    const byName = new Map(db.contacts.map((c) => [displayName(c), c]));
    const tables = tablesAfter(sectionBlocks(models.delegation, 'Country profile'), 'Contacts there');
    expect(tables).toHaveLength(2); // Kenya and Ghana
    for (const table of tables) {
      expect(table.columns.map((c) => c.label)).toEqual(['Name', 'Position and organisation', 'Last contact']);
      expect(table.rows.length).toBeGreaterThanOrEqual(3);
      const lasts = table.rows.map((row) => {
        const contact = byName.get(plainText(row[0]!))!;
        expect(contact, plainText(row[0]!)).toBeDefined();
        const held = db.positions.filter((p) => p.contactId === contact.id && isCurrentPosition(p, '2026-11-21'));
        expect(held.some((p) => plainText(row[1]!).includes(p.role)), plainText(row[1]!)).toBe(true);
        const dates = db.activities.filter((a) => a.participantIds.includes(contact.id)).map((a) => a.date).sort();
        return dates[dates.length - 1] ?? '';
      });
      expect(lasts).toEqual([...lasts].sort().reverse());
      expect(lasts[0]).not.toBe('');
    }
    expect(tablesAfter(sectionBlocks(models.external, 'Country profile'), 'Contacts there')).toHaveLength(0);
    expect(pdftotext(pdf.delegation, '-layout')).toMatch(/Contacts there\s+Name\s+Position and organisation\s+Last contact/);
    expect(pdftotext(pdf.external)).not.toContain('Contacts there');
    expect(pdftotext(pdf.german, '-layout')).toMatch(/Kontakte dort\s+Name\s+Funktion und Organisation\s+Letzter Kontakt/);
  });

  it('a book in German says so in its catalogue; the English ones say English', () => {
    expect(readFileSync(pdf.german).toString('latin1')).toMatch(/\/Lang \(de-DE\)/);
    expect(readFileSync(pdf.german).toString('latin1')).not.toMatch(/\/Lang \(en/);
    expect(readFileSync(pdf.delegation).toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
  });

  it('a meeting with only logistics follows the previous one (heading, bookmark and contents entry on its page); one with substance starts a page', () => {
    const lines = textLines(pdf.delegation);
    const heading = (title: string) => {
      const line = lines.find((l) => l.text === title && Math.abs(l.x0 - LEFT_MARGIN) < 1);
      expect(line, title).toBeDefined();
      return line!;
    };
    const textAbove = (l: Line) => lines.some((o) => o.page === l.page && o.y0 > BODY_TOP && o.y1 < l.y0);
    // Two short ones flow after the end of the meeting at the ministry, on the same page…
    const ministry = heading('Ministry of Research, Innovation and Digitalisation');
    expect(textAbove(heading(LAB))).toBe(true);
    expect(textAbove(heading(PRESS))).toBe(true);
    expect(heading(LAB).page).toBe(ministry.page + 1);
    expect(heading(PRESS).page).toBe(heading(LAB).page);
    // …and the next meeting, with substance, still opens a page of its own.
    const densu = heading('Densu Institute for Climate and Water Research');
    expect(textAbove(densu)).toBe(false);
    expect(densu.page).toBe(heading(PRESS).page + 1);
    // The stop does not fit below the site visit's last lines: it moves to the next page, and the
    // reception after it fills that page instead of leaving the stop alone on it.
    const rift = heading('Rift Valley University of Technology: water laboratory');
    expect(heading(STOP).page).toBe(rift.page + 1);
    expect(heading('Reception for alumni of the young scientists exchange').page).toBe(heading(STOP).page);
    // Logistics only: no empty "Objectives" under them.
    const blocks = sectionBlocks(models.delegation, 'Meetings');
    for (const title of [STOP, LAB, PRESS]) {
      const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === title);
      const next = blocks.findIndex((b, i) => i > at && b.kind === 'heading' && b.level === 2);
      expect(blocks.slice(at + 1, next).map((b) => b.kind)).toEqual(next === at + 2 ? ['fields'] : ['fields', 'pageBreak']);
    }

    const meetings = bookmarks(pdf.delegation).find((m) => m.title === 'Meetings')!;
    const pages = pageTexts(pdf.delegation);
    const contents = pages.slice(1, 3).join('\n');
    for (const title of [STOP, LAB, PRESS]) {
      expect(meetings.children.find((m) => m.title === title)?.page, title).toBe(heading(title).page);
      const entry = new RegExp(`^\\s*${escapeRegExp(title)}\\s*\\.{3,}\\s*(\\d+)\\s*$`, 'm').exec(contents);
      expect(Number(entry?.[1]), title).toBe(heading(title).page);
    }
  });

  it('never leaves a heading, or a subtitle kept with it, at the foot of a page without text after it', () => {
    const kept = new Set(
      models.delegation.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : b.kind === 'paragraph' && b.keepWithNext ? [plainText(b.text)] : [])),
    );
    const lines = textLines(pdf.delegation).filter((l) => l.y0 > BODY_TOP && l.y1 < BODY_BOTTOM);
    const contentsPages = new Set(lines.filter((l) => /\.{5,}/.test(l.text)).map((l) => l.page));
    const orphans = lines
      .filter((l) => !contentsPages.has(l.page) && kept.has(l.text) && Math.abs(l.x0 - LEFT_MARGIN) < 1)
      .filter((h) => !lines.some((o) => o.page === h.page && o.y0 > h.y1 - 0.5 && !kept.has(o.text)))
      .map((h) => `page ${h.page}: ${h.text}`);
    expect(kept.size).toBeGreaterThan(40);
    expect(orphans).toEqual([]);
  });

  it('prints the "Talking points" heading once when the talking points open with a heading of that name', () => {
    expect(pointsWithOwnHeading).toBeGreaterThanOrEqual(1);
    const blocks = models.delegation.blocks;
    const twice = blocks.filter((b, i) => b.kind === 'heading' && blocks[i + 1]?.kind === 'heading' && (blocks[i + 1] as { text: string }).text === b.text);
    expect(twice).toEqual([]);
    expect(pdftotext(pdf.delegation)).not.toMatch(/Talking points\s*\n\s*Talking points/);
  });
});

describe('the partner edition leaves no trace of an internal appointment; the itinerary names each row’s time zone', () => {
  const HIDDEN = 'Internal pre-brief with the ambassador';
  const HIDDEN_DAY = 'Tuesday, 12 January 2027';
  const HIDDEN_PERSON = 'Ingrid Quist';
  let b: TestBackend;
  let tripId: string;
  const models = {} as Record<'delegation' | 'external', DocumentModel>;
  const pdf = {} as Record<'delegation' | 'external', string>;

  beforeAll(async () => {
    b = await openTestBackend({ now: clock });
    // Meetings on 11, 13 and 15 January (Nairobi, Nairobi, Accra); the 12th holds only an internal
    // item, whose counterpart takes part in nothing else.
    const built = await buildTrip(b, 3, 4);
    tripId = built.trip.id;
    const hidden = await b.call('contacts.create', { contact: { givenName: 'Ingrid', familyName: 'Quist', emails: [{ address: 'i.quist@embassy.example', kind: 'work' }] } });
    await b.call('agenda.create', { tripId, title: HIDDEN, kind: 'internal', date: '2027-01-12', start: '18:00', end: '19:00', timeZone: 'Africa/Nairobi', place: 'Residence', counterpartIds: [hidden.id] });
    const trip = await b.call('trips.get', { id: tripId });
    const opts = { sections: [...bookSections], generatedAt: clock(), today: '2026-11-21' };
    models.delegation = buildBriefingBook(b.store.db, trip, { ...opts, audience: 'delegation' }).model;
    models.external = buildBriefingBook(b.store.db, trip, { ...opts, audience: 'external' }).model;
    pdf.delegation = await exportBook(b, tripId, 'delegation', 'hidden-delegation');
    pdf.external = await exportBook(b, tripId, 'external', 'hidden-external');
  }, 120_000);

  it('a day whose only items are internal has no heading, table, bookmark or contents line in the partner edition', async () => {
    const ext = pdftotext(pdf.external);
    // The item's words are checked one by one: a table cell may wrap its title over lines.
    const traces = ['pre-brief', 'ambassador', 'Residence', HIDDEN_DAY, '12 January 2027', 'Quist', 'i.quist@embassy.example'];
    for (const trace of traces) expect(ext, trace).not.toContain(trace);
    const itinerary = bookmarks(pdf.external).find((m) => m.title === 'Itinerary')!;
    expect(itinerary.children.map((c) => c.title)).toEqual(['Monday, 11 January 2027', 'Wednesday, 13 January 2027', 'Friday, 15 January 2027']);
    const outline = await b.call('book.outline', { tripId, audience: 'external', sections: [...bookSections] });
    expect(outline.sections.find((s) => s.kind === 'itinerary')!.entries.join('\n')).not.toContain('12 January');
    // The delegation's edition keeps the day, its item and the person.
    const full = pdftotext(pdf.delegation);
    for (const kept of traces.slice(0, -1)) expect(full, kept).toContain(kept);
    expect(full).toContain(HIDDEN_PERSON);
    expect(bookmarks(pdf.delegation).find((m) => m.title === 'Itinerary')!.children.map((c) => c.title)).toContain(HIDDEN_DAY);
  });

  it('no heading in the partner edition stands over nothing: every one has text, a table or a figure before the next heading of its level', () => {
    const blocks = models.external.blocks;
    const content = (x: Block) =>
      !['heading', 'pageBreak', 'spacer'].includes(x.kind) &&
      !(x.kind === 'paragraph' && x.keepWithNext) &&
      !((x.kind === 'table' || x.kind === 'fields') && x.rows.length === 0) &&
      !(x.kind === 'list' && x.items.length === 0);
    const empty = blocks.flatMap((h, i) => {
      if (h.kind !== 'heading') return [];
      let j = i + 1;
      while (j < blocks.length && !(blocks[j]!.kind === 'heading' && (blocks[j] as { level: number }).level <= h.level) && blocks[j]!.kind !== 'notes' && !content(blocks[j]!)) j++;
      return j < blocks.length && content(blocks[j]!) ? [] : [h.text];
    });
    expect(empty).toEqual([]);
    for (const t of blocks.filter((x): x is TableBlock => x.kind === 'table')) expect(t.rows.length).toBeGreaterThan(0);
  });

  it('pruneEmpty drops empty tables, the headings left over nothing (nested too), their lead-in lines and the breaks before them', () => {
    const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
    const table = (rows: string[][]): Block => ({ kind: 'table', columns: [{ label: 'A', width: 1 }], rows });
    const lead: Block = { kind: 'paragraph', text: 'All times are local.', tone: 'muted', keepWithNext: true };
    const brk: Block = { kind: 'pageBreak' };
    const blocks: Block[] = [
      { kind: 'toc', title: 'Contents' },
      brk, h(1, 'Itinerary'), lead, h(2, 'Day 1'), table([['x']]), h(2, 'Day 2'), table([]), h(2, 'Day 3'), table([['y']]),
      brk, h(1, 'Hidden section'), lead, h(2, 'Only day'), table([]), h(3, 'Sub'), { kind: 'list', items: [] },
      brk, h(1, 'Kept'), { kind: 'paragraph', text: 'Text.' },
      brk, h(1, 'Empty at the end'),
    ];
    expect(pruneEmpty(blocks)).toEqual([
      { kind: 'toc', title: 'Contents' },
      brk, h(1, 'Itinerary'), lead, h(2, 'Day 1'), table([['x']]), h(2, 'Day 3'), table([['y']]),
      brk, h(1, 'Kept'), { kind: 'paragraph', text: 'Text.' },
    ]);
  });

  it('a partner edition with no item for partners leaves the itinerary out altogether', async () => {
    const other = await openTestBackend({ now: clock });
    const { trip } = await buildTrip(other, 0, 2);
    await other.call('agenda.create', { tripId: trip.id, title: HIDDEN, kind: 'internal', date: '2027-01-12', start: '18:00', end: '19:00', timeZone: 'Africa/Nairobi' });
    const outline = await other.call('book.outline', { tripId: trip.id, audience: 'external', sections: [...bookSections] });
    expect(outline.sections.map((s) => s.kind)).not.toContain('itinerary');
    expect(outline.omitted).toContainEqual({ kind: 'itinerary', reason: 'empty' });
    const path = await exportBook(other, trip.id, 'external', 'no-partner-items');
    expect(bookmarks(path).map((m) => m.title)).not.toContain('Itinerary');
    const text = pdftotext(path);
    expect(text).not.toContain('Itinerary');
    expect(text).not.toContain('All times are local');
  });

  it('names each row’s time zone, as people name it, when the itinerary spans zones', () => {
    for (const [edition, expected] of [
      ['delegation', ['Nairobi (East Africa Time)', 'Nairobi (East Africa Time)', 'Nairobi (East Africa Time)', 'Accra (Greenwich Mean Time)']],
      ['external', ['Nairobi (East Africa Time)', 'Nairobi (East Africa Time)', 'Accra (Greenwich Mean Time)']],
    ] as const) {
      const lines = textLines(pdf[edition]);
      const headers = lines.filter((l) => l.text === 'Time zone');
      expect(headers.length, edition).toBeGreaterThanOrEqual(3);
      // The lines in the zone column, page by page, top to bottom; a label's "(…)" continues its city.
      const labels: string[] = [];
      for (const page of [...new Set(headers.map((h) => h.page))]) {
        const x = headers.find((h) => h.page === page)!.x0;
        const column = lines.filter((l) => l.page === page && Math.abs(l.x0 - x) < 1 && l.text !== 'Time zone' && l.y0 > BODY_TOP && l.y1 < BODY_BOTTOM).sort((a, c) => a.y0 - c.y0);
        for (const l of column) {
          if (l.text.startsWith('(') && labels.length) labels[labels.length - 1] += ` ${l.text}`;
          else labels.push(l.text);
        }
      }
      expect(labels, `${edition}: ${JSON.stringify(labels)}`).toEqual(expected);
    }
    const table = sectionBlocks(models.delegation, 'Itinerary').find((x): x is TableBlock => x.kind === 'table')!;
    expect(table.columns.map((c) => c.label)).toEqual(['Time', 'Time zone', 'Programme item', 'Place']);
  });

  it('a trip in one time zone keeps the itinerary without a zone column', async () => {
    const other = await openTestBackend({ now: clock });
    const { trip } = await buildTrip(other, 1, 2); // one meeting, in Nairobi
    const model = buildBriefingBook(other.store.db, trip, { audience: 'delegation', sections: [...bookSections], generatedAt: clock(), today: '2026-11-21' }).model;
    for (const table of sectionBlocks(model, 'Itinerary').filter((x): x is TableBlock => x.kind === 'table')) {
      expect(table.columns.map((c) => c.label)).toEqual(['Time', 'Programme item', 'Place']);
    }
  });
});
