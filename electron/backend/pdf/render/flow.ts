// The flow of blocks down the pages: headings kept with what follows them, paragraphs, lists, figures,
// notes pages and page breaks, and the dispatch of each block to its job.
import { plainText, type Block, type Shape } from '../model';
import { theme } from '../theme';
import { tableOfContents } from './contents';
import { listedInToc, type Canvas } from './core';
import { addPath } from './paths';
import { dataTable, fields, measure } from './table';
import { drawRich, heightOf, textAt } from './text';

/**
 * The space a heading (or a subtitle line) needs below it: any headings and subtitle lines that
 * directly follow, then the first piece of the content. So a chain like "section title, subtitle,
 * first subheading" never ends a page without its first lines of text.
 */
export function keptHeight(c: Canvas, blocks: Block[], from: number): number {
  let height = 0;
  for (let j = from; j < blocks.length; j++) {
    const b = blocks[j]!;
    if (b.kind === 'heading') height += headingHeight(c, b);
    else if (b.kind === 'paragraph' && b.keepWithNext) height += paragraphHeight(c, b) + theme.space.paragraph;
    // A spacer (a rule in rich text) is not content: the heading stays with what comes after it.
    else if (b.kind === 'spacer') height += b.size;
    else return height + minHeightOf(c, b);
  }
  return height;
}

/** A rough height of the first piece of a block, for keeping headings with what follows. */
export function minHeightOf(c: Canvas, block: Block | undefined): number {
  if (!block) return 0;
  const line = theme.size.body * 1.45;
  switch (block.kind) {
    case 'paragraph':
      return Math.min(heightOf(c, block.text, c.width, theme.size.body), line * 3);
    case 'list': {
      const first = block.items.find((item) => plainText(item).trim());
      return first ? Math.min(heightOf(c, first, c.width - 16, theme.size.body), line * 2) : 0;
    }
    case 'table': {
      const { header, rows } = measure(c, block);
      return header + (rows[0] ?? 0);
    }
    case 'fields': {
      const { rows } = measure(c, block);
      const all = rows.reduce((s, h) => s + h, 0);
      // A block kept together moves as a whole, so the heading must be kept with all of it.
      return block.keepTogether && all <= c.bottom - c.top ? all : (rows[0] ?? 0);
    }
    case 'figure':
      return figureSize(c, block).height + 20;
    default:
      return 0;
  }
}

export function headingStyle(level: 1 | 2 | 3) {
  if (level === 1) return { size: theme.size.h1, before: theme.space.beforeH1, after: theme.space.afterH1, face: 'semibold' as const, color: theme.color.accent };
  if (level === 2) return { size: theme.size.h2, before: theme.space.beforeH2, after: theme.space.afterH2, face: 'semibold' as const, color: theme.color.text };
  return { size: theme.size.h3, before: theme.space.beforeH3, after: theme.space.afterH3, face: 'semibold' as const, color: theme.color.text };
}

export function headingHeight(c: Canvas, block: Extract<Block, { kind: 'heading' }>) {
  const s = headingStyle(block.level);
  return s.before + heightOf(c, block.text, c.width, s.size, s.face, theme.lineGap.heading) + s.after + (block.level === 1 ? 6 : 0);
}

export function heading(c: Canvas, block: Extract<Block, { kind: 'heading' }>, blocks: Block[], i: number) {
  const doc = c.doc;
  const s = headingStyle(block.level);
  // No orphaned headings: the heading moves to the next page with the start of what follows it.
  c.ensureSpace(headingHeight(c, block) + keptHeight(c, blocks, i + 1));
  if (!c.atPageTop) doc.y += s.before;
  const dest = `section-${++c.destCount}`;
  const y = doc.y;
  const page = c.pageIndex + 1;
  c.add(`H${block.level}`, () => {
    textAt(c, block.text, s.face, s.size, s.color, c.left, y, { width: c.width, lineGap: theme.lineGap.heading, destination: dest });
  });
  if (block.level === 1) {
    const ruleY = doc.y + 3;
    c.artifact(() => doc.moveTo(c.left, ruleY).lineTo(c.left + c.width, ruleY).lineWidth(0.8).stroke(theme.color.rule));
    doc.y = ruleY + 3;
  }
  doc.y += s.after;
  const placement = { level: block.level, text: block.text, page };
  c.headings.push(placement);
  if (listedInToc(block)) {
    c.tocEntries.push({ ...placement, dest });
    while (c.outlineStack.length && c.outlineStack[c.outlineStack.length - 1]!.level >= block.level) c.outlineStack.pop();
    const parent = c.outlineStack[c.outlineStack.length - 1]?.item ?? doc.outline;
    const item = parent.addItem(block.text, { top: y } as Parameters<PDFKit.PDFOutline['addItem']>[1]);
    c.outlineStack.push({ level: block.level, item });
  }
}

export function paragraphHeight(c: Canvas, block: Extract<Block, { kind: 'paragraph' }>) {
  return heightOf(c, block.text, c.width, block.tone === 'small' ? theme.size.small : theme.size.body);
}

export function paragraph(c: Canvas, block: Extract<Block, { kind: 'paragraph' }>, blocks: Block[], i: number) {
  const size = block.tone === 'small' ? theme.size.small : theme.size.body;
  const color = block.tone === 'body' || !block.tone ? theme.color.text : theme.color.muted;
  if (block.keepWithNext) c.ensureSpace(paragraphHeight(c, block) + theme.space.paragraph + keptHeight(c, blocks, i + 1));
  // A paragraph may break across pages, but never leaves a single line at a page bottom.
  const lineHeight = heightOf(c, 'x', c.width, size);
  c.ensureSpace(Math.min(paragraphHeight(c, block), lineHeight * 2));
  const y = c.doc.y;
  c.add('P', () => drawRich(c, block.text, c.left, y, c.width, size, color));
  c.doc.y += theme.space.paragraph;
}

export function drawList(c: Canvas, block: Extract<Block, { kind: 'list' }>) {
  const doc = c.doc;
  const list = doc.struct('L');
  c.root.add(list);
  const indent = 16;
  // An empty item prints as a lone bullet (alone on a page, at worst): it is left out.
  block.items.filter((item) => plainText(item).trim()).forEach((item, i) => {
    const h = heightOf(c, item, c.width - indent, theme.size.body);
    c.ensureSpace(Math.min(h, c.bottom - c.top));
    const y = doc.y;
    const li = doc.struct('LI');
    list.add(li);
    const label = block.ordered ? `${i + 1}.` : '•';
    c.add('Lbl', () => {
      c.use('regular', theme.size.body, theme.color.muted);
      doc.text(label, c.left, y, { width: indent - 2, lineBreak: false });
    }, {}, li);
    c.add('LBody', () => drawRich(c, item, c.left + indent, y, c.width - indent, theme.size.body, theme.color.text), {}, li);
    li.end();
    doc.y += 3;
  });
  list.end();
  doc.y += theme.space.paragraph - 3;
}

// ——— figures ———

export function figureSize(c: Canvas, block: Extract<Block, { kind: 'figure' }>) {
  const scale = Math.min(1, c.width / block.width);
  return { scale, width: block.width * scale, height: block.height * scale };
}

export function figure(c: Canvas, block: Extract<Block, { kind: 'figure' }>) {
  const doc = c.doc;
  const size = figureSize(c, block);
  const captionHeight = block.caption ? heightOf(c, block.caption, c.width, theme.size.small) + 6 : 0;
  c.ensureSpace(size.height + captionHeight);
  const x = c.left + (c.width - size.width) / 2;
  const y = doc.y;
  c.add('Figure', () => {
    doc.save();
    if (block.clip || block.background) {
      doc.rect(x, y, size.width, size.height);
      if (block.background) doc.fillColor(block.background).fill();
      doc.rect(x, y, size.width, size.height).clip();
    }
    doc.translate(x, y).scale(size.scale);
    for (const shape of block.shapes) drawShape(c, shape);
    doc.restore();
  }, { alt: block.alt });
  doc.y = y + size.height + 4;
  if (block.caption) {
    const cy = doc.y;
    c.add('Caption', () => drawRich(c, block.caption!, c.left, cy, c.width, theme.size.small, theme.color.muted, 'italic', { align: 'center' }));
  }
  doc.y += theme.space.block;
}

export function drawShape(c: Canvas, shape: Shape) {
  const doc = c.doc;
  if (shape.kind === 'path') {
    addPath(doc, shape.d);
    if (shape.fill && shape.stroke) doc.lineWidth(shape.lineWidth ?? 0.5).fillAndStroke(shape.fill, shape.stroke);
    else if (shape.fill) doc.fill(shape.fill);
    else doc.lineWidth(shape.lineWidth ?? 0.5).stroke(shape.stroke ?? theme.color.text);
  } else {
    textAt(c, shape.text, 'regular', shape.size ?? 8, shape.color ?? theme.color.text, shape.x, shape.y, { lineBreak: false });
  }
}

export function notes(c: Canvas, block: Extract<Block, { kind: 'notes' }>) {
  const doc = c.doc;
  for (let p = 0; p < block.pages; p++) {
    if (!c.atPageTop) c.newPage();
    if (p === 0) {
      // The first page opens the section: a heading in the contents and the bookmarks like any other.
      heading(c, { kind: 'heading', level: 1, text: block.title }, [], 0);
    } else {
      const y = doc.y;
      c.add('P', () => {
        textAt(c, block.title, 'semibold', theme.size.h3, theme.color.muted, c.left, y, { width: c.width });
      });
    }
    const start = doc.y + 14;
    c.artifact(() => {
      for (let ly = start + 24; ly < c.bottom; ly += 24) {
        doc.moveTo(c.left, ly).lineTo(c.left + c.width, ly).lineWidth(0.4).stroke(theme.color.rule);
      }
    });
    doc.y = c.bottom;
  }
}

export function pageBreak(c: Canvas, block: Extract<Block, { kind: 'pageBreak' }>) {
  // A soft break leaves a page that holds little so far (say, a short item that moved there) to be filled.
  if (block.ifFilled !== undefined && c.doc.y - c.top < block.ifFilled * (c.bottom - c.top)) return;
  if (!c.atPageTop) c.newPage();
}

export function drawBlock(c: Canvas, blocks: Block[], i: number) {
  const block = blocks[i]!;
  c.ensurePage();
  switch (block.kind) {
    case 'heading':
      return heading(c, block, blocks, i);
    case 'paragraph':
      return paragraph(c, block, blocks, i);
    case 'list':
      return drawList(c, block);
    case 'fields':
      return fields(c, block);
    case 'table':
      return dataTable(c, block, blocks[i + 1]);
    case 'figure':
      return figure(c, block);
    case 'toc':
      return tableOfContents(c, block, blocks.slice(i + 1));
    case 'notes':
      return notes(c, block);
    case 'pageBreak':
      return pageBreak(c, block);
    case 'spacer':
      c.doc.y += block.size;
      return;
  }
}
