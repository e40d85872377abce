import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSections } from '../../shared/schemas/trip';
import { buildTrip, INTERNAL_PREP, PRIVATE_PHONE, TALKING_POINT } from '../fixtures/trip';
import { pageTexts, pdffonts, pdfinfo, pdftotext, savePdf } from './helpers/poppler';
import { openTestBackend, type TestBackend } from './helpers/workspace';

// The PDFs outlive single tests (read by several of them), so they get their own folder.
const pdfDir = mkdtempSync(join(tmpdir(), 'attache-book-'));
afterAll(() => rmSync(pdfDir, { recursive: true, force: true }));

const clock = () => new Date('2026-11-21T10:00:00Z');

async function exportBook(b: TestBackend, tripId: string, audience: 'delegation' | 'external'): Promise<string> {
  const { jobId } = await b.call('book.export', { tripId, audience, sections: [...bookSections] });
  for (let i = 0; i < 600; i++) {
    const status = await b.call('jobs.status', { jobId });
    if (status.state === 'done' && status.result.delivery === 'download') return savePdf(pdfDir, Buffer.from(status.result.base64, 'base64'), `${audience}.pdf`);
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

interface Line {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every text line with its bounding box (pdftotext -bbox-layout). */
function textLines(path: string): Line[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: Line[] = [];
  let page = 0;
  for (const chunk of html.split(/<page /).slice(1)) {
    page++;
    for (const m of chunk.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const text = [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
      lines.push({ page, text, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) });
    }
  }
  return lines;
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
  });

  it('has a bookmark for every section and every meeting, at the page where it starts', () => {
    const marks = bookmarks(full);
    expect(marks.map((m) => m.title)).toEqual(['Delegation', 'Itinerary', 'Meetings', 'Country profile', 'Strategy excerpts', 'Case summaries', 'Contact sheet']);
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
