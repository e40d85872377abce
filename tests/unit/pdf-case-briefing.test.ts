import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { caseBriefingModel } from '../../electron/backend/pdf/documents/case-briefing';
import { renderPdf } from '../../electron/backend/pdf/render';
import { pageTexts, pdffonts, pdfinfo, pdftotext, savePdf } from './helpers/poppler';
import { openTestBackend, tempDir } from './helpers/workspace';

const TITLE = 'Kooperation Łódź – Москва – Αθήνα – İzmir';

async function exportBriefing(language: 'en' | 'de') {
  const b = await openTestBackend({ now: () => new Date('2026-11-21T10:30:00Z') });
  const c = await b.call('cases.create', {
    title: TITLE,
    client: 'Network of Eastern European Studies',
    countries: ['PL', 'GR', 'TR'],
    topics: ['mobility'],
    openedOn: '2026-06-24',
    dueOn: '2026-12-31',
    summary: 'Partners in Łódź, Athens and İzmir.\n\nSecond paragraph about Москва.',
  });
  const result = await b.call('cases.exportBriefing', { id: c.id, language });
  if (result.delivery !== 'download') throw new Error('expected a download');
  const dir = await tempDir();
  return { path: savePdf(dir, Buffer.from(result.base64, 'base64')), fileName: result.fileName, c };
}

describe('case briefing PDF, read back with poppler', () => {
  it('prints the multi-script title exactly as typed and names the file portably', async () => {
    const { path, fileName } = await exportBriefing('en');
    const text = pdftotext(path);
    expect(text).toContain(TITLE);
    expect(text).toContain('Second paragraph about Москва.');
    expect(fileName).toMatch(/^AC-2026-001-Kooperation-Lodz-.*\.pdf$/);
  });

  it('embeds every font (no standard-14 fonts) with Unicode maps', async () => {
    const { path } = await exportBriefing('en');
    const fonts = pdffonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.unicode, f.name).toBe(true);
      expect(f.name).toMatch(/NotoSans/);
    }
  });

  it('is tagged, titled, in the right language, with a cover, details and page X of Y', async () => {
    const { path } = await exportBriefing('de');
    const info = pdfinfo(path);
    expect(info.Title).toBe(TITLE);
    expect(info.Tagged).toBe('yes');
    const pages = Number(info.Pages);
    expect(pages).toBe(2);
    const texts = pageTexts(path);
    expect(texts[0]).toContain('VORGANGS-BRIEFING');
    expect(texts[0]).toContain('INTERN');
    expect(texts[0]).toMatch(/Erstellt am 21\. November 2026/);
    expect(texts[1]).toContain('Zusammenfassung');
    expect(texts[1]).toContain('Angaben');
    expect(texts[1]).toMatch(/Partnerländer\s+Polen, Griechenland, Türkei/);
    texts.forEach((t, i) => expect(t).toContain(`Seite ${i + 1} von ${pages}`));

    const struct = execFileSync('pdfinfo', ['-struct', path], { encoding: 'utf8' });
    expect(struct).toMatch(/Document/);
    expect(struct).toMatch(/H1/);
    expect(struct).toMatch(/Table/);
    expect(struct).toMatch(/TH/);
    const catalog = execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' });
    expect(catalog).toBeDefined();
  });

  it('the document model is plain data, testable without pdfkit', async () => {
    const { c } = await exportBriefing('en');
    const model = caseBriefingModel(c, 'en', new Date('2026-11-21T10:30:00Z'));
    expect(model.classification.level).toBe('internal');
    expect(model.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual(['Summary', 'Details']);
    const rendered = await renderPdf(model);
    expect(rendered.headings.map((h) => [h.text, h.page])).toEqual([
      ['Summary', 2],
      ['Details', 2],
    ]);
  });
});
