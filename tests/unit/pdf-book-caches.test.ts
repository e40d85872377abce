// The briefing book's caches across exports (issue 14): fonts are parsed once per process and their shaped
// words shared, country maps projected once per country and size. What is cached must never change what
// is printed: a repeated export reads back the same, and another trip's countries get their own maps.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefingBook } from '../../electron/backend/pdf/documents/briefing-book';
import { fontKey, fontParses, sharedLayoutReuses } from '../../electron/backend/pdf/fonts';
import type { Block, DocumentModel } from '../../electron/backend/pdf/model';
import { renderPdf } from '../../electron/backend/pdf/render';
import { printMapProjections, worldTopology } from '../../electron/backend/services/countries/world-map';
import { countryMap } from '../../shared/features/countries/map';
import { bookSections } from '../../shared/features/trips/schema';
import { buildTrip } from '../fixtures/trip';
import { pdffonts, pdfinfo, pdftotext, savePdf } from './helpers/poppler';
import { openTestBackend, type TestBackend } from './helpers/workspace';

const pdfDir = mkdtempSync(join(tmpdir(), 'attache-book-caches-'));
afterAll(() => rmSync(pdfDir, { recursive: true, force: true }));

const clock = () => new Date('2026-11-21T10:00:00Z');

async function exportBook(b: TestBackend, tripId: string, name: string): Promise<string> {
  const { jobId } = await b.call('book.export', { tripId, audience: 'delegation', sections: [...bookSections] });
  for (let i = 0; i < 600; i++) {
    const status = await b.call('jobs.status', { jobId });
    if (status.state === 'done' && status.result.delivery === 'download') return savePdf(pdfDir, Buffer.from(status.result.base64, 'base64'), `${name}.pdf`);
    if (status.state === 'failed') throw new Error(status.error.message);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('export did not finish');
}

type Figure = Extract<Block, { kind: 'figure' }>;
const figures = (blocks: Block[]) => blocks.filter((x): x is Figure => x.kind === 'figure');
/** A figure's paths as the map drew them: outline and whether it is the highlighted country. */
const drawn = (f: Figure) => f.shapes.map((s) => (s.kind === 'path' ? `${s.fill === '#1f4e79' ? '*' : ''}${s.d}` : s.kind));
const expected = (code: string) => countryMap(worldTopology(), code, 460, 300)!.paths.map((p) => `${p.highlighted ? '*' : ''}${p.d}`);

// The fonts are shared per process (a test file has its own), so this runs first.
describe('a document printed after others', () => {
  it('reads back as typed, whatever was exported before it: glyphs shaped for other text never carry over', async () => {
    const doc = (text: string): DocumentModel => ({
      title: 'Glyphs',
      language: 'en',
      classification: { level: 'internal', label: 'INTERNAL' },
      header: 'Glyphs',
      pageLabel: 'Page {{page}} of {{pages}}',
      generatedAt: clock(),
      blocks: [
        { kind: 'paragraph', text },
        { kind: 'table', columns: [{ label: 'Text', width: 1 }], rows: [[text]] },
      ],
    });
    const plain = 'The office files: fi, fl and ffi in ordinary words, and the letter i.';
    const read = async (text: string, name: string) => pdftotext(savePdf(pdfDir, (await renderPdf(doc(text))).bytes, `${name}.pdf`)).replace(/\s+/g, ' ');
    // First in this file's process (so before any other text made these glyphs): ligatures typed as such
    // and Vietnamese letters drawn as a base letter with a dot, glyphs that plain text shares.
    await read('Nguyễn Thị Minh Khai, Trường Đại học Bách khoa Hà Nội: ị ỉ ĩ, ﬁ ﬂ ﬃ, ﬁnance ofﬁce', 'shaped');
    const after = await read(plain, 'plain-after');
    expect(after).toContain(plain);
    expect(await read(plain, 'plain-again')).toBe(after);
  }, 60_000);
});

describe('briefing book exports share parsed fonts and maps, and print the same', () => {
  let b: TestBackend;
  let tripId: string;
  let otherId: string;

  // Both trips are made up front: the workspace folder is removed after each test, so the tests only read.
  beforeAll(async () => {
    b = await openTestBackend({ now: clock });
    tripId = (await buildTrip(b, 12, 10)).trip.id;
    otherId = (
      await b.call('trips.create', {
        title: 'Delegation to Dar es Salaam',
        purpose: 'Marine research cooperation.',
        destinations: [{ country: 'TZ', city: 'Dar es Salaam' }],
        startDate: '2027-02-08',
        endDate: '2027-02-10',
        timeZones: ['Africa/Dar_es_Salaam'],
        classification: 'internal',
        language: 'en',
        members: [{ kind: 'staff', name: 'Dr. Helena Vogt', function: 'State Secretary (fictional)', role: 'head' }],
        caseIds: [],
        noteIds: [],
      })
    ).id;
  }, 60_000);

  it('two consecutive exports of the same book read back the same text and fonts, the second parsing no font and projecting no map', async () => {
    const first = await exportBook(b, tripId, 'first');
    const parses = fontParses();
    const reuses = sharedLayoutReuses();
    const projections = printMapProjections();
    // Each face the book prints in was parsed, and only once.
    for (const face of ['regular', 'semibold', 'bold', 'italic'] as const) expect(parses[fontKey[face]], face).toBe(1);

    const second = await exportBook(b, tripId, 'second');
    expect(fontParses()).toEqual(parses);
    expect(printMapProjections()).toBe(projections);
    // The second document's fonts took over the shaped words of the first (one per face it uses).
    expect(sharedLayoutReuses() - reuses).toBeGreaterThanOrEqual(4);

    expect(pdftotext(second)).toBe(pdftotext(first));
    expect(pdftotext(second, '-layout')).toBe(pdftotext(first, '-layout'));
    expect(pdffonts(second)).toEqual(pdffonts(first));
    for (const f of pdffonts(second)) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
      expect(f.unicode, f.name).toBe(true);
    }
    expect(pdfinfo(second).Pages).toBe(pdfinfo(first).Pages);
    expect(pdftotext(second)).toContain('Kenya (highlighted) — map data: Natural Earth');
  }, 60_000);

  it('a book for other countries gets their own maps, never a cached map of another trip', async () => {
    const db = () => b.store.db;
    const options = { audience: 'delegation' as const, sections: [...bookSections], generatedAt: clock(), today: '2026-11-21' };
    const trip = db().trips.find((t) => t.id === tripId)!;
    const before = figures(buildBriefingBook(db(), trip, options).model.blocks);
    expect(before.map(drawn)).toEqual([expected('KE'), expected('GH')]);

    const projections = printMapProjections();
    const otherTrip = db().trips.find((t) => t.id === otherId)!;
    const after = figures(buildBriefingBook(db(), otherTrip, options).model.blocks);
    // Tanzania's own map, projected now, not Kenya's or Ghana's from the cache.
    expect(printMapProjections()).toBe(projections + 1);
    expect(after.map(drawn)).toEqual([expected('TZ')]);
    for (const f of before) expect(drawn(after[0]!)).not.toEqual(drawn(f));
    expect(after[0]!.alt).toMatch(/^Map of (United Republic of )?Tanzania and its neighbours$/);

    const path = await exportBook(b, otherId, 'tanzania');
    const raw = readFileSync(path).toString('latin1');
    expect(raw).toContain(`/Alt (${after[0]!.alt})`);
    expect(raw).not.toContain('/Alt (Map of Kenya');
    expect(pdftotext(path).replace(/\s+/g, ' ')).toContain('Tanzania (highlighted) — map data: Natural Earth');

    // And the first trip's book still gets its own maps back from the cache.
    expect(figures(buildBriefingBook(db(), trip, options).model.blocks).map(drawn)).toEqual([expected('KE'), expected('GH')]);
  }, 60_000);
});
