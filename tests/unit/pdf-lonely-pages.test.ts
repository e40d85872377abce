// Issue 9, defect 10 (render layer): no page may hold nothing but a heading line or a trailing empty
// bullet. Rich-text notes are fed through the real conversion (richBlocks) and layout (renderPdf) with
// every amount of filler before them, so each break position down a page is tried; pdftotext reads
// each page back.
import { describe, expect, it } from 'vitest';
import type { RichDoc } from '../../shared/schemas/richtext';
import type { Block, DocumentModel } from '../../electron/backend/pdf/model';
import { renderPdf } from '../../electron/backend/pdf/render';
import { richBlocks } from '../../electron/backend/pdf/rich-blocks';
import { pageTexts, savePdf } from './helpers/poppler';
import { tempDir } from './helpers/workspace';

const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const item = (...content: RichDoc['content']) => ({ type: 'listItem' as const, content });

/** A note as advisors type them: a heading over a rule, and a list whose last bullet was left empty. */
const note: RichDoc = {
  type: 'doc',
  content: [
    p('Context of the cooperation with the rectorate.'),
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Next steps' }] },
    { type: 'horizontalRule' },
    p('Call the rector’s office about the memorandum.'),
    { type: 'bulletList', content: [item(p('Send the agenda')), item(p('Book the interpreter')), item({ type: 'paragraph' })] },
  ],
};

function model(filler: number): DocumentModel {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: 'Strategy notes' }];
  for (let i = 0; i < filler; i++) blocks.push({ kind: 'paragraph', text: `Filler line ${i + 1}.` });
  blocks.push(...richBlocks(note));
  return {
    title: 'Lonely pages',
    language: 'en',
    classification: { level: 'internal', label: 'Internal' },
    header: 'Lonely pages',
    pageLabel: 'Page {{page}} of {{pages}}',
    generatedAt: new Date('2026-11-21T10:00:00Z'),
    blocks,
  };
}

/** A page's lines without the running header and footer. */
const body = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l !== 'Lonely pages' && l !== 'INTERNAL' && !/^INTERNAL\s+Page \d+ of \d+$/.test(l) && !/^Lonely pages\s+INTERNAL$/.test(l));

describe('pages that hold nothing but a heading or an empty bullet', () => {
  it('never happen, wherever the page break falls in a rich-text note ending in an empty list item', async () => {
    const dir = await tempDir();
    const lonely: string[] = [];
    // One line of filler more each time moves the note down by a line: the breaks fall everywhere.
    for (let filler = 20; filler <= 46; filler++) {
      const { bytes } = await renderPdf(model(filler));
      const pages = pageTexts(savePdf(dir, bytes, `filler-${filler}.pdf`));
      pages.forEach((page, i) => {
        const lines = body(page);
        const onlyHeading = lines.length === 1 && ['Next steps', 'Strategy notes'].includes(lines[0]!);
        const onlyBullet = lines.every((l) => /^[•\d.]*$/.test(l));
        if (onlyHeading || onlyBullet) lonely.push(`filler ${filler}, page ${i + 1}: ${JSON.stringify(lines)}`);
      });
      // The heading is never the last line of a page: its text follows on the same page.
      pages.forEach((page, i) => {
        const lines = body(page);
        if (lines[lines.length - 1] === 'Next steps') lonely.push(`filler ${filler}, page ${i + 1} ends with the heading`);
      });
    }
    expect(lonely).toEqual([]);
  });

  it('drops empty list items and empty headings when converting rich text, keeping the rest', () => {
    const blocks = richBlocks(note);
    const list = blocks.find((b) => b.kind === 'list');
    expect(list && list.kind === 'list' ? list.items.length : 0).toBe(2);
    const empty = richBlocks({ type: 'doc', content: [{ type: 'heading', attrs: { level: 3 } }, { type: 'bulletList', content: [item({ type: 'paragraph' })] }] });
    expect(empty).toEqual([]);
  });
});
