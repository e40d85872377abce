// The table of contents: pages reserved where it stands, filled in once every heading's page is known.
import type { FontFace } from '../fonts';
import type { Block } from '../model';
import { theme } from '../theme';
import { listedInToc, type Canvas } from './core';
import { clean, textAt, widthOf } from './text';

const TOC_LINE_HEIGHT = theme.size.tocEntry * 1.9;

/** Reserves pages for the contents; they are filled in once every heading's page is known. */
export function tableOfContents(c: Canvas, block: Extract<Block, { kind: 'toc' }>, rest: Block[]) {
  if (!c.atPageTop) c.newPage();
  const entries = rest.filter((b) => (b.kind === 'heading' && listedInToc(b)) || b.kind === 'notes').length;
  const titleSpace = theme.size.h1 * 1.4 + theme.space.afterH1 + 12;
  const firstPageRows = Math.floor((c.bottom - c.top - titleSpace) / TOC_LINE_HEIGHT);
  const otherRows = Math.floor((c.bottom - c.top) / TOC_LINE_HEIGHT);
  const pages = entries <= firstPageRows ? 1 : 1 + Math.ceil((entries - firstPageRows) / otherRows);
  const struct = c.doc.struct('TOC');
  c.root.add(struct);
  c.toc = { struct, firstPage: c.pageIndex, pages, title: block.title };
  for (let i = 1; i < pages; i++) c.newPage();
  c.newPage();
}

export function finishToc(c: Canvas) {
  if (!c.toc) return;
  const doc = c.doc;
  const { struct, firstPage, title } = c.toc;
  doc.switchToPage(firstPage);
  let y = c.top;
  struct.add(doc.struct('H1', {}, () => {
    textAt(c, title, 'semibold', theme.size.h1, theme.color.accent, c.left, y, { width: c.width });
  }));
  y = doc.y + theme.space.afterH1 + 12;
  let page = firstPage;
  const numberWidth = 34;
  for (const entry of c.tocEntries) {
    if (y + TOC_LINE_HEIGHT > c.bottom) {
      doc.switchToPage(++page);
      y = c.top;
    }
    const indent = entry.level === 1 ? 0 : 16;
    const face: FontFace = entry.level === 1 ? 'semibold' : 'regular';
    const rowY = y;
    const maxTitle = c.width - indent - numberWidth - 12;
    let text = clean(entry.text);
    const size = theme.size.tocEntry;
    while (widthOf(c, text, face, size) > maxTitle && [...text].length > 4) text = `${[...text].slice(0, -2).join('').trimEnd()}…`;
    const titleEnd = c.left + indent + widthOf(c, text, face, size) + 4;
    const numberX = c.left + c.width - numberWidth;
    // The dot leader is decoration: an artifact beside (not inside) the entry's tagged content.
    c.artifact(() => {
      c.use('regular', theme.size.tocEntry, theme.color.rule);
      const dots = Math.max(0, Math.floor((numberX - titleEnd - 4) / doc.widthOfString('.')));
      doc.text('.'.repeat(dots), titleEnd, rowY, { lineBreak: false });
    });
    struct.add(doc.struct('TOCI', {}, () => {
      textAt(c, text, face, theme.size.tocEntry, theme.color.text, c.left + indent, rowY, { width: maxTitle, lineBreak: false, goTo: entry.dest });
      c.use(face, theme.size.tocEntry, theme.color.text);
      doc.text(String(entry.page), numberX, rowY, { width: numberWidth, align: 'right', lineBreak: false, goTo: entry.dest });
    }));
    y += TOC_LINE_HEIGHT;
  }
  struct.end();
}
