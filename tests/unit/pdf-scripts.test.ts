// Issue 9, defect 4: names in Chinese, Japanese, Korean, Arabic and Devanagari printed as boxes, Arabic
// came out unjoined and left-to-right, and "Nguyễn Thị" read back as "Nguyễn Thi". These tests export
// real briefing books from a workspace whose partners carry such names, and read them back with
// poppler: the text layer must give every name exactly as typed, the fallback fonts must be embedded
// as subsets, and a document that needs no fallback must not even read the big CJK fonts.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fallbackFontReads } from '../../electron/backend/pdf/fonts';
import type { Block, DocumentModel } from '../../electron/backend/pdf/model';
import { renderPdf } from '../../electron/backend/pdf/render';
import { bookSections } from '../../shared/features/trips/schema';
import { pdffonts, pdftotext, savePdf } from './helpers/poppler';
import { openTestBackend, tempDir, type TestBackend } from './helpers/workspace';

const NAMES = {
  zh: '北京大学',
  ar: 'جامعة القاهرة',
  vi: 'Nguyễn Thị Minh Khai',
  ko: '한국과학기술원',
  ja: '東京大学',
  hi: 'भारतीय विज्ञान संस्थान',
} as const;
/** A Japanese name with kana, so the Japanese face is chosen for its kanji. */
const JA_PERSON = 'やまだ 花子';

function model(blocks: Block[], header = 'Scripts'): DocumentModel {
  return {
    title: header,
    language: 'en',
    classification: { level: 'internal', label: 'Internal' },
    header,
    pageLabel: 'Page {{page}} of {{pages}}',
    generatedAt: new Date('2026-11-21T10:00:00Z'),
    blocks,
  };
}

async function exportBook(b: TestBackend, tripId: string, dir: string, name: string): Promise<string> {
  const { jobId } = await b.call('book.export', { tripId, audience: 'delegation', sections: [...bookSections] });
  for (let i = 0; i < 600; i++) {
    const status = await b.call('jobs.status', { jobId });
    if (status.state === 'done' && status.result.delivery === 'download') return savePdf(dir, Buffer.from(status.result.base64, 'base64'), `${name}.pdf`);
    if (status.state === 'failed') throw new Error(status.error.message);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('export did not finish');
}

/** A delegation trip whose partner organisations and people are named in six scripts. */
async function scriptsTrip(b: TestBackend) {
  const orgs = [
    { name: NAMES.zh, country: 'CN', city: 'Beijing' },
    { name: NAMES.ar, country: 'EG', city: 'Cairo' },
    { name: NAMES.ko, country: 'KR', city: 'Daejeon' },
    { name: NAMES.ja, country: 'JP', city: 'Tokyo' },
    { name: NAMES.hi, country: 'IN', city: 'Bengaluru' },
    { name: 'Vietnam National University', country: 'VN', city: 'Hanoi' },
  ];
  const made = [];
  for (const o of orgs) made.push(await b.call('organisations.create', { name: o.name, kind: 'university', country: o.country, city: o.city }));
  const people = [
    await b.call('contacts.create', { contact: { givenName: 'Minh Khai', familyName: 'Nguyen', nativeName: NAMES.vi, languages: ['vi'] }, positions: [{ organisationId: made[5]!.id, role: 'Rector', from: '2022-01-01', to: null }] }),
    await b.call('contacts.create', { contact: { givenName: 'Hanako', familyName: 'Yamada', nativeName: JA_PERSON, languages: ['ja'] }, positions: [{ organisationId: made[3]!.id, role: 'Vice President', from: '2022-01-01', to: null }] }),
    await b.call('contacts.create', { contact: { givenName: 'Ahmed', familyName: 'Hassan', nativeName: 'أحمد حسن', languages: ['ar'] }, positions: [{ organisationId: made[1]!.id, role: 'Dean', from: '2022-01-01', to: null }] }),
  ];
  const trip = await b.call('trips.create', {
    title: `Delegation to ${NAMES.zh}, Tokyo and Cairo`,
    purpose: `Partnerships with ${NAMES.zh}, ${NAMES.ko} and ${NAMES.hi}.`,
    destinations: [
      { country: 'CN', city: 'Beijing' },
      { country: 'EG', city: 'Cairo' },
    ],
    startDate: '2027-03-01',
    endDate: '2027-03-06',
    timeZones: ['Asia/Shanghai', 'Africa/Cairo'],
    classification: 'internal',
    language: 'en',
    members: [{ kind: 'staff', name: 'Dr. Helena Vogt', function: 'Head of delegation', role: 'head' }],
  });
  for (const [i, org] of made.entries()) {
    await b.call('agenda.create', {
      tripId: trip.id,
      title: `Meeting at ${org.name}`,
      kind: 'meeting',
      date: `2027-03-0${1 + (i % 5)}`,
      start: '10:00',
      end: '11:00',
      timeZone: i === 1 ? 'Africa/Cairo' : 'Asia/Shanghai',
      place: org.city,
      organisationId: org.id,
      counterpartIds: i === 5 ? [people[0]!.id] : i === 3 ? [people[1]!.id] : i === 1 ? [people[2]!.id] : [],
      objectives: `Talk with ${org.name} about joint doctorates.`,
    });
  }
  return trip;
}

interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
}

function words(path: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  html.split(/<page /).slice(1).forEach((chunk, i) => {
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      out.push({ page: i + 1, text: m[4]!, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]) });
    }
  });
  return out;
}

describe('fonts for other scripts are read only when a document needs them', () => {
  it('exports a Latin-only document without reading any fallback font, and reads a needed one once per process', async () => {
    await renderPdf(model([{ kind: 'paragraph', text: 'Kooperation Łódź – Москва – Αθήνα – Nguyễn Thị Minh Khai' }]));
    expect(fallbackFontReads()).toEqual({});
    await renderPdf(model([{ kind: 'paragraph', text: `Partner: ${NAMES.zh}` }]));
    await renderPdf(model([{ kind: 'paragraph', text: `Partner: ${NAMES.zh}` }]));
    expect(fallbackFontReads()).toEqual({ 'sc-regular': 1 });
  });
});

describe('a briefing book with partners named in six scripts, read back with poppler', () => {
  it('prints every name so that it extracts exactly as typed, with the fallback fonts embedded as subsets', async () => {
    const b = await openTestBackend({ now: () => new Date('2026-11-21T10:00:00Z') });
    const trip = await scriptsTrip(b);
    const dir = await tempDir();
    const path = await exportBook(b, trip.id, dir, 'scripts');
    // poppler wraps right-to-left runs in embedding marks (U+202B … U+202C): the letters between are the test.
    const text = pdftotext(path).replace(/[\u202a-\u202e]/g, '');
    for (const name of [...Object.values(NAMES), JA_PERSON, 'أحمد حسن']) expect(text, name).toContain(name);
    // Headings, contents and the running header carry the names too.
    expect(text).toContain(`Meeting at ${NAMES.ar}`);
    expect(text).toContain(`Delegation to ${NAMES.zh}, Tokyo and Cairo`);

    const fonts = pdffonts(path);
    // Devanagari is in Noto Sans itself; the other scripts come from their fallback families.
    for (const family of ['NotoSansSC', 'NotoSansJP', 'NotoSansKR', 'NotoSansArabic']) {
      const embedded = fonts.filter((f) => f.name.includes(`+${family}-`));
      expect(embedded.length, family).toBeGreaterThan(0);
      for (const f of embedded) expect({ name: f.name, embedded: f.embedded, subset: f.subset, unicode: f.unicode }).toEqual({ name: f.name, embedded: true, subset: true, unicode: true });
    }
    // Subsets keep the book small: the Chinese font alone is over 10 MB.
    expect(statSync(path).size).toBeLessThan(1_500_000);
  }, 120_000);

  it('sets Arabic right to left: the first word of the name stands to the right of the second, and it reads back as typed', async () => {
    const dir = await tempDir();
    const { bytes } = await renderPdf(model([{ kind: 'paragraph', text: `Partner: ${NAMES.ar} (Cairo).` }]));
    const path = savePdf(dir, bytes);
    const ws = words(path).filter((w) => w.y0 < 100);
    // poppler cuts Arabic words into pieces where a dot is drawn apart; each piece is where it is drawn.
    const arabic = ws.filter((w) => /\p{sc=Arabic}/u.test(w.text));
    const jeem = arabic.find((w) => w.text.includes('ج'))!; // first letter of the first word
    const qaf = arabic.find((w) => w.text.includes('ق'))!; // in the second word
    const partner = ws.find((w) => w.text === 'Partner:')!;
    expect(jeem.x0).toBeGreaterThan(qaf.x1 - 0.5);
    expect(Math.min(...arabic.map((w) => w.x0))).toBeGreaterThan(partner.x1);
    const text = pdftotext(path).replace(/[\u202a-\u202e]/g, '');
    expect(text).toContain(NAMES.ar);
    expect(text).toContain('Partner: ');
  });

  it('reads back Vietnamese exactly, even when "ị" comes before any plain "i" in the document', async () => {
    const dir = await tempDir();
    const { bytes } = await renderPdf(model([{ kind: 'heading', level: 1, text: 'Thị' }, { kind: 'paragraph', text: `${NAMES.vi} will visit Minh.` }], 'Thị Minh'));
    const text = pdftotext(savePdf(dir, bytes));
    expect(text).toContain(`${NAMES.vi} will visit Minh.`);
    expect(text).toMatch(/^Thị$/m);
  });

  it('breaks long Chinese and Japanese text between characters inside the text width', async () => {
    const dir = await tempDir();
    const zh = '北京大学与我们的合作包括联合培养博士研究生、共同申请研究项目以及定期举办学术研讨会。'.repeat(4);
    const { bytes } = await renderPdf(model([{ kind: 'paragraph', text: zh }, { kind: 'table', columns: [{ label: 'Name', width: 1 }, { label: 'Partner', width: 1 }], rows: [[JA_PERSON, `${NAMES.ja}（とうきょうだいがく）の国際交流課`]] }]));
    const path = savePdf(dir, bytes);
    const text = pdftotext(path);
    expect(text.replace(/\s+/g, '')).toContain(zh);
    const lines = execFileSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8' }).match(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)!;
    const right = Math.max(...lines.map((l) => Number(/xMax="([\d.]+)"/.exec(l)![1])));
    // A4 is 595 pt wide with 66 pt margins: nothing runs past the right margin.
    expect(right).toBeLessThanOrEqual(595.28 - 66 + 1);
    expect(text.replace(/\s+/g, '').match(/北京大学与我们/g)?.length).toBe(4);
    expect(lines.length).toBeGreaterThanOrEqual(6);
  });
});
