import PDFDocument from 'pdfkit';
import { fontBuffers, fontFaces, fontKey, type FontFace } from './fonts';
import { plainText, type Block, type Cover, type DocumentModel, type RichText, type Run, type Shape, type TableColumn } from './model';
import { settleToUnicode, Typesetter, type SetLine, type Span } from './text-runs';
import { theme } from './theme';

type Doc = PDFKit.PDFDocument;
type SetAlign = 'left' | 'right' | 'center' | 'justify' | undefined;
type Struct = PDFKit.PDFStructureElement;

export interface RenderOptions {
  /** Called as blocks are laid out (done of total), so a long export can show progress. */
  onProgress?: (done: number, total: number) => void;
}

/** Where each listed heading landed; the contents page and tests read this. */
export interface HeadingPlacement {
  level: number;
  text: string;
  /** 1-based physical page number, as printed in the footer. */
  page: number;
}

export interface RenderResult {
  bytes: Buffer;
  pages: number;
  headings: HeadingPlacement[];
}

const langTag = (lang: 'en' | 'de') => (lang === 'de' ? 'de-DE' : 'en-GB');

/** Control characters other than tab and newline make pdfkit draw boxes; they never belong in a document. */
// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

const listedInToc = (b: Extract<Block, { kind: 'heading' }>) => b.toc ?? b.level <= 2;

/** Rich text split at its explicit line breaks, each line a list of styled runs. */
function segmentsOf(text: RichText, face: FontFace): Run[][] {
  const runs: Run[] = typeof text === 'string' ? [{ text, bold: face === 'bold' || face === 'semibold', italic: face === 'italic' }] : text;
  const out: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part) out[out.length - 1]!.push({ ...run, text: part });
    });
  }
  return out.length ? out : [[]];
}

/** Where a long token may break: after '@', '/' and '-', and before a '.' (never at its start). */
const breakPoints = /(?<=[@/-])(?=.)|(?<=[^.])(?=\.)/;
const breakable = /[@./-]/;
const longTokens = new Map<number, RegExp>();
/** Matches a run of at least n characters without a space (cached per n). */
function longToken(n: number): RegExp {
  let re = longTokens.get(n);
  if (!re) longTokens.set(n, (re = new RegExp(`\\S{${n},}`)));
  return re;
}

/** Lets the event loop breathe during long layouts, so the window and progress stay alive. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

class Layout {
  readonly headings: HeadingPlacement[] = [];
  private readonly tocEntries: Array<HeadingPlacement & { dest: string }> = [];
  private readonly outlineStack: Array<{ level: number; item: PDFKit.PDFOutline }> = [];
  private toc: { struct: Struct; firstPage: number; pages: number; title: string } | null = null;
  private destCount = 0;
  private hasCover = false;

  private readonly ts: Typesetter;

  constructor(
    private readonly doc: Doc,
    private readonly root: Struct,
    private readonly model: DocumentModel,
  ) {
    this.ts = new Typesetter(doc);
  }

  private get left() {
    return theme.margin.left;
  }
  private get width() {
    return theme.page.width - theme.margin.left - theme.margin.right;
  }
  private get top() {
    return theme.margin.top;
  }
  private get bottom() {
    return theme.page.height - theme.margin.bottom;
  }
  private get pageIndex() {
    return this.doc.bufferedPageRange().count - 1;
  }
  private get atPageTop() {
    return this.doc.y <= this.top + 0.5;
  }

  private newPage() {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  private ensurePage() {
    if (this.doc.bufferedPageRange().count === 0) this.newPage();
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom && !this.atPageTop) this.newPage();
  }

  private use(face: FontFace, size: number, color: string = theme.color.text) {
    this.doc.font(fontKey[face]).fontSize(size).fillColor(color);
  }

  /** Decorative drawing (rules, shading) is marked as an artifact so readers skip it. */
  private artifact(draw: () => void) {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  private add(type: string, draw: () => void, options: Record<string, string> = {}, parent: Struct = this.root) {
    parent.add(this.doc.struct(type, options, draw));
  }

  private faceOf(bold?: boolean, italic?: boolean): FontFace {
    if (bold && italic) return 'boldItalic';
    if (bold) return 'bold';
    if (italic) return 'italic';
    return 'regular';
  }

  /**
   * Height of rich text as drawn: each line segment (between explicit line breaks) is measured in
   * the boldest face it uses, so mixed runs never come out taller than measured.
   */
  private heightOf(text: RichText, width: number, size: number, face: FontFace = 'regular', lineGap = theme.lineGap.body) {
    let height = 0;
    for (const segment of this.lines(text, face, width, size)) {
      const complex = this.complexLines(segment, face, width, size, lineGap);
      if (complex) {
        height += this.ts.height(complex, { size, width, lineGap });
        continue;
      }
      const bold = segment.some((r) => r.bold);
      const italic = segment.every((r) => r.italic);
      this.use(bold ? (face === 'semibold' ? 'semibold' : 'bold') : italic ? 'italic' : face === 'semibold' ? 'semibold' : 'regular', size);
      height += this.doc.heightOfString(clean(segment.map((r) => r.text).join('')) || ' ', { width, lineGap });
    }
    return height;
  }

  /**
   * A line segment in other scripts (or anything pdfkit cannot set alone) laid out by the
   * typesetter; null for plain Latin, Greek and Cyrillic, which pdfkit sets as it always has.
   */
  private complexLines(segment: Run[], face: FontFace, width: number, size: number, lineGap: number, align?: SetAlign): SetLine[] | null {
    const spans: Span[] = segment.map((run) => ({ text: clean(run.text), face: this.runFace(run, face) }));
    if (this.ts.isSimple(spans.map((s) => s.text).join(''))) return null;
    return this.ts.layout(spans, { size, width, lineGap, align });
  }

  /**
   * Text in one face at (x, y), leaving doc.y below it: what pdfkit's doc.text does, for text in any
   * script (anything but plain Latin, Greek and Cyrillic goes through the typesetter).
   */
  private textAt(text: string, face: FontFace, size: number, color: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions = {}) {
    const t = clean(text);
    if (this.ts.isSimple(t)) {
      this.use(face, size, color);
      this.doc.text(t, x, y, opts);
      return;
    }
    const set = { size, width: opts.width ?? this.width, lineGap: opts.lineGap ?? 0, align: opts.align as SetAlign };
    const lines =
      opts.lineBreak === false
        ? [opts.ellipsis ? this.ts.fitLine([{ text: t, face }], set) : this.ts.layout([{ text: t, face }], { ...set, width: Infinity })[0]!]
        : t.split('\n').flatMap((part) => this.ts.layout([{ text: part, face }], set));
    this.ts.draw(lines, x, y, { ...set, color, goTo: opts.goTo, destination: opts.destination });
  }

  /** Width of one line of text in a face. */
  private widthOf(text: string, face: FontFace, size: number): number {
    if (this.ts.isSimple(text)) {
      this.use(face, size);
      return this.doc.widthOfString(text);
    }
    return this.ts.layout([{ text, face }], { size, width: Infinity, lineGap: 0 })[0]!.width;
  }

  private runFace(run: Run, face: FontFace): FontFace {
    return run.bold ? (face === 'semibold' ? 'semibold' : run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : face === 'semibold' ? 'semibold' : 'regular';
  }

  /**
   * Rich text as the lines it is drawn in: split at its explicit line breaks, and with a custom
   * line-breaker for tokens wider than the line (e-mail addresses, URLs, domain names). pdfkit would
   * break those between any two letters; here they break after '@' if that is enough, otherwise at
   * the last '@', '/', '-' or before the last '.' that fits. The breaks exist only in the drawn text
   * (as line ends): the model keeps the address whole and no invisible characters reach the PDF.
   */
  private lines(text: RichText, face: FontFace, width: number, size: number): Run[][] {
    const segments = segmentsOf(text, face);
    // Nothing is wider than about 1 em per character, so shorter tokens always fit.
    const minChars = Math.max(1, Math.floor(width / (size * 1.05)));
    const candidate = (token: string) => token.length >= minChars && breakable.test(token);
    const long = longToken(minChars);
    const hasCandidate = (run: Run) => breakable.test(run.text) && long.test(run.text) && run.text.split(/\s+/).some(candidate);
    if (!segments.some((segment) => segment.some(hasCandidate))) return segments;
    const out: Run[][] = [];
    for (const segment of segments) {
      let line: Run[] = [];
      for (const run of segment) {
        let current = '';
        for (const token of run.text.split(/(\s+)/)) {
          const pieces = candidate(token) ? this.breakToken(token, this.runFace(run, face), width, size) : [token];
          pieces.forEach((piece, k) => {
            if (k > 0) {
              if (current) line.push({ ...run, text: current });
              out.push(line);
              line = [];
              current = '';
            }
            current += piece;
          });
        }
        if (current) line.push({ ...run, text: current });
      }
      out.push(line);
    }
    return out;
  }

  /** One token as the pieces that each fit the width (a piece that cannot be broken is left to pdfkit). */
  private breakToken(token: string, face: FontFace, width: number, size: number): string[] {
    this.doc.font(fontKey[face]).fontSize(size);
    const fits = (s: string) => this.doc.widthOfString(s) <= width;
    if (fits(token)) return [token];
    const at = token.lastIndexOf('@');
    if (at > 0 && at < token.length - 1 && fits(token.slice(0, at + 1)) && fits(token.slice(at + 1))) return [token.slice(0, at + 1), token.slice(at + 1)];
    const pieces: string[] = [];
    let current = '';
    for (const atom of token.split(breakPoints)) {
      if (current && !fits(current + atom)) {
        pieces.push(current);
        current = atom;
      } else current += atom;
    }
    pieces.push(current);
    return pieces;
  }

  /** Draws rich text at (x, y) within width, line segment by line segment; leaves doc.y below it. */
  private drawRich(text: RichText, x: number, y: number, width: number, size: number, color: string, face: FontFace = 'regular', extra: PDFKit.Mixins.TextOptions = {}) {
    const opts = { width, lineGap: theme.lineGap.body, ...extra };
    let top = y;
    for (const segment of this.lines(text, face, width, size)) {
      if (segment.every((r) => r.text === '')) {
        this.use('regular', size, color);
        top += this.doc.heightOfString(' ', opts);
        this.doc.y = top;
        continue;
      }
      const complex = this.complexLines(segment, face, width, size, opts.lineGap, opts.align as SetAlign);
      if (complex) {
        top = this.ts.draw(complex, x, top, { size, width, lineGap: opts.lineGap, align: opts.align as SetAlign, color });
        continue;
      }
      segment.forEach((run, i) => {
        this.use(this.runFace(run, face), size, color);
        const continued = i < segment.length - 1;
        if (i === 0) this.doc.text(clean(run.text), x, top, { ...opts, continued });
        else this.doc.text(clean(run.text), { ...opts, continued });
      });
      top = this.doc.y;
    }
    this.doc.y = top;
  }

  // ——— cover ———

  cover(cover: Cover) {
    this.hasCover = true;
    this.newPage();
    const doc = this.doc;
    const level = this.model.classification.level;
    this.artifact(() => {
      doc.rect(0, 0, theme.page.width, 10).fill(theme.color.accent);
    });
    const sect = doc.struct('Sect');
    this.root.add(sect);
    let y = 190;
    this.add('P', () => {
      this.textAt(cover.kicker.toUpperCase(), 'semibold', theme.size.coverKicker, theme.color.accent, this.left, y, { width: this.width });
    }, {}, sect);
    y = doc.y + 10;
    this.add('H1', () => {
      this.textAt(cover.title, 'bold', theme.size.cover, theme.color.text, this.left, y, { width: this.width, lineGap: 2 });
    }, {}, sect);
    if (cover.subtitle) {
      y = doc.y + 8;
      this.add('P', () => {
        this.textAt(cover.subtitle!, 'regular', 13, theme.color.muted, this.left, y, { width: this.width, lineGap: 2 });
      }, {}, sect);
    }
    y = doc.y + 28;
    this.artifact(() => {
      doc.moveTo(this.left, y).lineTo(this.left + 120, y).lineWidth(1.5).stroke(theme.color.accent);
    });
    y += 18;
    const labelWidth = 150;
    for (const fact of cover.facts) {
      const rowY = y;
      this.add('P', () => {
        this.textAt(fact.label, 'semibold', 10, theme.color.muted, this.left, rowY, { width: labelWidth - 10, continued: false });
        this.textAt(fact.value, 'regular', 11, theme.color.text, this.left + labelWidth, rowY, { width: this.width - labelWidth });
      }, {}, sect);
      y = Math.max(doc.y, rowY + 14) + 6;
    }
    // Classification stamp and version at the foot of the cover.
    const boxY = theme.page.height - 190;
    const color = theme.color.classification[level];
    this.artifact(() => {
      doc.roundedRect(this.left, boxY, 190, 30, 3).lineWidth(1.2).stroke(color);
    });
    this.add('P', () => {
      this.textAt(cover.classification.toUpperCase(), 'bold', 11, color, this.left, boxY + 9, { width: 190, align: 'center' });
    }, {}, sect);
    this.add('P', () => {
      this.textAt(cover.version, 'regular', 9, theme.color.muted, this.left, boxY + 44, { width: this.width });
    }, {}, sect);
    sect.end();
    // Content starts on the next page.
    this.newPage();
  }

  // ——— blocks ———

  /**
   * The space a heading (or a subtitle line) needs below it: any headings and subtitle lines that
   * directly follow, then the first piece of the content. So a chain like "section title, subtitle,
   * first subheading" never ends a page without its first lines of text.
   */
  private keptHeight(blocks: Block[], from: number): number {
    let height = 0;
    for (let j = from; j < blocks.length; j++) {
      const b = blocks[j]!;
      if (b.kind === 'heading') height += this.headingHeight(b);
      else if (b.kind === 'paragraph' && b.keepWithNext) height += this.paragraphHeight(b) + theme.space.paragraph;
      // A spacer (a rule in rich text) is not content: the heading stays with what comes after it.
      else if (b.kind === 'spacer') height += b.size;
      else return height + this.minHeightOf(b);
    }
    return height;
  }

  /** A rough height of the first piece of a block, for keeping headings with what follows. */
  private minHeightOf(block: Block | undefined): number {
    if (!block) return 0;
    const line = theme.size.body * 1.45;
    switch (block.kind) {
      case 'paragraph':
        return Math.min(this.heightOf(block.text, this.width, theme.size.body), line * 3);
      case 'list': {
        const first = block.items.find((item) => plainText(item).trim());
        return first ? Math.min(this.heightOf(first, this.width - 16, theme.size.body), line * 2) : 0;
      }
      case 'table': {
        const { header, rows } = this.measure(block);
        return header + (rows[0] ?? 0);
      }
      case 'fields': {
        const { rows } = this.measure(block);
        const all = rows.reduce((s, h) => s + h, 0);
        // A block kept together moves as a whole, so the heading must be kept with all of it.
        return block.keepTogether && all <= this.bottom - this.top ? all : (rows[0] ?? 0);
      }
      case 'figure':
        return this.figureSize(block).height + 20;
      default:
        return 0;
    }
  }

  private headingStyle(level: 1 | 2 | 3) {
    if (level === 1) return { size: theme.size.h1, before: theme.space.beforeH1, after: theme.space.afterH1, face: 'semibold' as const, color: theme.color.accent };
    if (level === 2) return { size: theme.size.h2, before: theme.space.beforeH2, after: theme.space.afterH2, face: 'semibold' as const, color: theme.color.text };
    return { size: theme.size.h3, before: theme.space.beforeH3, after: theme.space.afterH3, face: 'semibold' as const, color: theme.color.text };
  }

  private headingHeight(block: Extract<Block, { kind: 'heading' }>) {
    const s = this.headingStyle(block.level);
    return s.before + this.heightOf(block.text, this.width, s.size, s.face, theme.lineGap.heading) + s.after + (block.level === 1 ? 6 : 0);
  }

  heading(block: Extract<Block, { kind: 'heading' }>, blocks: Block[], i: number) {
    const doc = this.doc;
    const s = this.headingStyle(block.level);
    // No orphaned headings: the heading moves to the next page with the start of what follows it.
    this.ensureSpace(this.headingHeight(block) + this.keptHeight(blocks, i + 1));
    if (!this.atPageTop) doc.y += s.before;
    const dest = `section-${++this.destCount}`;
    const y = doc.y;
    const page = this.pageIndex + 1;
    this.add(`H${block.level}`, () => {
      this.textAt(block.text, s.face, s.size, s.color, this.left, y, { width: this.width, lineGap: theme.lineGap.heading, destination: dest });
    });
    if (block.level === 1) {
      const ruleY = doc.y + 3;
      this.artifact(() => doc.moveTo(this.left, ruleY).lineTo(this.left + this.width, ruleY).lineWidth(0.8).stroke(theme.color.rule));
      doc.y = ruleY + 3;
    }
    doc.y += s.after;
    const placement = { level: block.level, text: block.text, page };
    this.headings.push(placement);
    if (listedInToc(block)) {
      this.tocEntries.push({ ...placement, dest });
      while (this.outlineStack.length && this.outlineStack[this.outlineStack.length - 1]!.level >= block.level) this.outlineStack.pop();
      const parent = this.outlineStack[this.outlineStack.length - 1]?.item ?? doc.outline;
      const item = parent.addItem(block.text, { top: y } as Parameters<PDFKit.PDFOutline['addItem']>[1]);
      this.outlineStack.push({ level: block.level, item });
    }
  }

  private paragraphHeight(block: Extract<Block, { kind: 'paragraph' }>) {
    return this.heightOf(block.text, this.width, block.tone === 'small' ? theme.size.small : theme.size.body);
  }

  paragraph(block: Extract<Block, { kind: 'paragraph' }>, blocks: Block[], i: number) {
    const size = block.tone === 'small' ? theme.size.small : theme.size.body;
    const color = block.tone === 'body' || !block.tone ? theme.color.text : theme.color.muted;
    if (block.keepWithNext) this.ensureSpace(this.paragraphHeight(block) + theme.space.paragraph + this.keptHeight(blocks, i + 1));
    // A paragraph may break across pages, but never leaves a single line at a page bottom.
    const lineHeight = this.heightOf('x', this.width, size);
    this.ensureSpace(Math.min(this.paragraphHeight(block), lineHeight * 2));
    const y = this.doc.y;
    this.add('P', () => this.drawRich(block.text, this.left, y, this.width, size, color));
    this.doc.y += theme.space.paragraph;
  }

  list(block: Extract<Block, { kind: 'list' }>) {
    const doc = this.doc;
    const list = doc.struct('L');
    this.root.add(list);
    const indent = 16;
    // An empty item prints as a lone bullet (alone on a page, at worst): it is left out.
    block.items.filter((item) => plainText(item).trim()).forEach((item, i) => {
      const h = this.heightOf(item, this.width - indent, theme.size.body);
      this.ensureSpace(Math.min(h, this.bottom - this.top));
      const y = doc.y;
      const li = doc.struct('LI');
      list.add(li);
      const label = block.ordered ? `${i + 1}.` : '•';
      this.add('Lbl', () => {
        this.use('regular', theme.size.body, theme.color.muted);
        doc.text(label, this.left, y, { width: indent - 2, lineBreak: false });
      }, {}, li);
      this.add('LBody', () => this.drawRich(item, this.left + indent, y, this.width - indent, theme.size.body, theme.color.text), {}, li);
      li.end();
      doc.y += 3;
    });
    list.end();
    doc.y += theme.space.paragraph - 3;
  }

  // ——— tables ———

  private columnWidths(columns: TableColumn[]): number[] {
    const total = columns.reduce((s, c) => s + c.width, 0) || 1;
    return columns.map((c) => (c.width / total) * this.width);
  }

  private fieldWidths(): number[] {
    return [this.width * 0.3, this.width * 0.7];
  }

  /** Row heights of a table or fields block, measured once (keeping headings with it measures it too). */
  private readonly measured = new WeakMap<Block, { header: number; rows: number[] }>();

  private measure(block: Extract<Block, { kind: 'table' | 'fields' }>): { header: number; rows: number[] } {
    let m = this.measured.get(block);
    if (!m) {
      if (block.kind === 'fields') {
        const widths = this.fieldWidths();
        m = { header: 0, rows: block.rows.map((r) => this.rowHeight([r.label, r.value], widths)) };
      } else {
        const widths = this.columnWidths(block.columns);
        m = { header: block.header === false ? 0 : this.rowHeight(block.columns.map((c) => c.label), widths, 'semibold'), rows: block.rows.map((r) => this.rowHeight(r, widths)) };
      }
      this.measured.set(block, m);
    }
    return m;
  }

  private rowHeight(cells: RichText[], widths: number[], face: FontFace = 'regular') {
    let h = 0;
    cells.forEach((cell, i) => {
      h = Math.max(h, this.heightOf(cell, widths[i]! - 2 * theme.cell.padX, theme.size.body - 0.5, face, 2));
    });
    return h + 2 * theme.cell.padY;
  }

  private drawRow(table: Struct, cells: RichText[], widths: number[], height: number, opts: { header: boolean; rowHeader?: boolean; shade?: string; tagged: boolean; aligns?: Array<'left' | 'right' | undefined> }) {
    const doc = this.doc;
    const y = doc.y;
    this.artifact(() => {
      if (opts.shade) doc.rect(this.left, y, this.width, height).fill(opts.shade);
      doc.moveTo(this.left, y + height).lineTo(this.left + this.width, y + height).lineWidth(0.5).stroke(theme.color.rule);
    });
    const drawCell = (cell: RichText, i: number) => () => {
      const x = this.left + widths.slice(0, i).reduce((s, w) => s + w, 0) + theme.cell.padX;
      const face: FontFace = opts.header || (opts.rowHeader && i === 0) ? 'semibold' : 'regular';
      const color = opts.rowHeader && i === 0 ? theme.color.muted : theme.color.text;
      this.drawRich(cell, x, y + theme.cell.padY, widths[i]! - 2 * theme.cell.padX, theme.size.body - 0.5, color, face, {
        lineGap: 2,
        align: opts.aligns?.[i] ?? 'left',
      });
    };
    if (opts.tagged) {
      const tr = doc.struct('TR');
      table.add(tr);
      cells.forEach((cell, i) => {
        const th = opts.header || (opts.rowHeader && i === 0);
        tr.add(doc.struct(th ? 'TH' : 'TD', {}, drawCell(cell, i)));
      });
      tr.end();
    } else {
      // A header repeated on a continuation page is a visual aid, not content.
      this.artifact(() => cells.forEach((cell, i) => drawCell(cell, i)()));
    }
    doc.y = y + height;
  }

  private table(
    columns: TableColumn[] | null,
    rows: RichText[][],
    widths: number[],
    heights: { header: number; rows: number[] },
    rowHeader: boolean,
    keepTogether = false,
  ) {
    const doc = this.doc;
    const headerHeight = columns ? heights.header : 0;
    if (keepTogether) {
      const total = headerHeight + heights.rows.reduce((s, h) => s + h, 0);
      if (total <= this.bottom - this.top) this.ensureSpace(total);
    }
    const table = doc.struct('Table');
    this.root.add(table);
    const header = columns?.map((c) => c.label) ?? null;
    const aligns = columns?.map((c) => c.align);
    this.ensureSpace(headerHeight + (heights.rows[0] ?? 0));
    if (header) this.drawRow(table, header, widths, headerHeight, { header: true, shade: theme.color.tableHeader, tagged: true, aligns });
    rows.forEach((row, r) => {
      const h = heights.rows[r]!;
      // Rows never split: a row that does not fit starts the next page, under a repeated header.
      if (doc.y + h > this.bottom && doc.y > this.top + headerHeight + 1) {
        this.newPage();
        if (header) this.drawRow(table, header, widths, headerHeight, { header: true, shade: theme.color.tableHeader, tagged: false, aligns });
      }
      this.drawRow(table, row, widths, h, { header: false, rowHeader, shade: r % 2 === 1 ? theme.color.zebra : undefined, tagged: true, aligns });
    });
    table.end();
    doc.y += theme.space.block;
  }

  dataTable(block: Extract<Block, { kind: 'table' }>) {
    this.table(block.header === false ? null : block.columns, block.rows, this.columnWidths(block.columns), this.measure(block), false);
  }

  fields(block: Extract<Block, { kind: 'fields' }>) {
    this.table(null, block.rows.map((r) => [r.label, r.value]), this.fieldWidths(), this.measure(block), true, block.keepTogether);
  }

  // ——— figures ———

  private figureSize(block: Extract<Block, { kind: 'figure' }>) {
    const scale = Math.min(1, this.width / block.width);
    return { scale, width: block.width * scale, height: block.height * scale };
  }

  figure(block: Extract<Block, { kind: 'figure' }>) {
    const doc = this.doc;
    const size = this.figureSize(block);
    const captionHeight = block.caption ? this.heightOf(block.caption, this.width, theme.size.small) + 6 : 0;
    this.ensureSpace(size.height + captionHeight);
    const x = this.left + (this.width - size.width) / 2;
    const y = doc.y;
    this.add('Figure', () => {
      doc.save();
      if (block.clip || block.background) {
        doc.rect(x, y, size.width, size.height);
        if (block.background) doc.fillColor(block.background).fill();
        doc.rect(x, y, size.width, size.height).clip();
      }
      doc.translate(x, y).scale(size.scale);
      for (const shape of block.shapes) this.shape(shape);
      doc.restore();
    }, { alt: block.alt });
    doc.y = y + size.height + 4;
    if (block.caption) {
      const cy = doc.y;
      this.add('Caption', () => this.drawRich(block.caption!, this.left, cy, this.width, theme.size.small, theme.color.muted, 'italic', { align: 'center' }));
    }
    doc.y += theme.space.block;
  }

  private shape(shape: Shape) {
    const doc = this.doc;
    if (shape.kind === 'path') {
      doc.path(shape.d);
      if (shape.fill && shape.stroke) doc.lineWidth(shape.lineWidth ?? 0.5).fillAndStroke(shape.fill, shape.stroke);
      else if (shape.fill) doc.fill(shape.fill);
      else doc.lineWidth(shape.lineWidth ?? 0.5).stroke(shape.stroke ?? theme.color.text);
    } else {
      this.textAt(shape.text, 'regular', shape.size ?? 8, shape.color ?? theme.color.text, shape.x, shape.y, { lineBreak: false });
    }
  }

  // ——— contents, notes, breaks ———

  private tocLineHeight = theme.size.tocEntry * 1.9;

  /** Reserves pages for the contents; they are filled in once every heading's page is known. */
  tableOfContents(block: Extract<Block, { kind: 'toc' }>, rest: Block[]) {
    if (!this.atPageTop) this.newPage();
    const entries = rest.filter((b) => (b.kind === 'heading' && listedInToc(b)) || b.kind === 'notes').length;
    const titleSpace = theme.size.h1 * 1.4 + theme.space.afterH1 + 12;
    const firstPageRows = Math.floor((this.bottom - this.top - titleSpace) / this.tocLineHeight);
    const otherRows = Math.floor((this.bottom - this.top) / this.tocLineHeight);
    const pages = entries <= firstPageRows ? 1 : 1 + Math.ceil((entries - firstPageRows) / otherRows);
    const struct = this.doc.struct('TOC');
    this.root.add(struct);
    this.toc = { struct, firstPage: this.pageIndex, pages, title: block.title };
    for (let i = 1; i < pages; i++) this.newPage();
    this.newPage();
  }

  finishToc() {
    if (!this.toc) return;
    const doc = this.doc;
    const { struct, firstPage, title } = this.toc;
    doc.switchToPage(firstPage);
    let y = this.top;
    struct.add(doc.struct('H1', {}, () => {
      this.textAt(title, 'semibold', theme.size.h1, theme.color.accent, this.left, y, { width: this.width });
    }));
    y = doc.y + theme.space.afterH1 + 12;
    let page = firstPage;
    const numberWidth = 34;
    for (const entry of this.tocEntries) {
      if (y + this.tocLineHeight > this.bottom) {
        doc.switchToPage(++page);
        y = this.top;
      }
      const indent = entry.level === 1 ? 0 : 16;
      const face: FontFace = entry.level === 1 ? 'semibold' : 'regular';
      const rowY = y;
      const maxTitle = this.width - indent - numberWidth - 12;
      let text = clean(entry.text);
      const size = theme.size.tocEntry;
      while (this.widthOf(text, face, size) > maxTitle && [...text].length > 4) text = `${[...text].slice(0, -2).join('').trimEnd()}…`;
      const titleEnd = this.left + indent + this.widthOf(text, face, size) + 4;
      const numberX = this.left + this.width - numberWidth;
      // The dot leader is decoration: an artifact beside (not inside) the entry's tagged content.
      this.artifact(() => {
        this.use('regular', theme.size.tocEntry, theme.color.rule);
        const dots = Math.max(0, Math.floor((numberX - titleEnd - 4) / doc.widthOfString('.')));
        doc.text('.'.repeat(dots), titleEnd, rowY, { lineBreak: false });
      });
      struct.add(doc.struct('TOCI', {}, () => {
        this.textAt(text, face, theme.size.tocEntry, theme.color.text, this.left + indent, rowY, { width: maxTitle, lineBreak: false, goTo: entry.dest });
        this.use(face, theme.size.tocEntry, theme.color.text);
        doc.text(String(entry.page), numberX, rowY, { width: numberWidth, align: 'right', lineBreak: false, goTo: entry.dest });
      }));
      y += this.tocLineHeight;
    }
    struct.end();
  }

  notes(block: Extract<Block, { kind: 'notes' }>) {
    const doc = this.doc;
    for (let p = 0; p < block.pages; p++) {
      if (!this.atPageTop) this.newPage();
      if (p === 0) {
        // The first page opens the section: a heading in the contents and the bookmarks like any other.
        this.heading({ kind: 'heading', level: 1, text: block.title }, [], 0);
      } else {
        const y = doc.y;
        this.add('P', () => {
          this.textAt(block.title, 'semibold', theme.size.h3, theme.color.muted, this.left, y, { width: this.width });
        });
      }
      const start = doc.y + 14;
      this.artifact(() => {
        for (let ly = start + 24; ly < this.bottom; ly += 24) {
          doc.moveTo(this.left, ly).lineTo(this.left + this.width, ly).lineWidth(0.4).stroke(theme.color.rule);
        }
      });
      doc.y = this.bottom;
    }
  }

  pageBreak(block: Extract<Block, { kind: 'pageBreak' }>) {
    // A soft break leaves a page that holds little so far (say, a short item that moved there) to be filled.
    if (block.ifFilled !== undefined && this.doc.y - this.top < block.ifFilled * (this.bottom - this.top)) return;
    if (!this.atPageTop) this.newPage();
  }

  block(blocks: Block[], i: number) {
    const block = blocks[i]!;
    this.ensurePage();
    switch (block.kind) {
      case 'heading':
        return this.heading(block, blocks, i);
      case 'paragraph':
        return this.paragraph(block, blocks, i);
      case 'list':
        return this.list(block);
      case 'fields':
        return this.fields(block);
      case 'table':
        return this.dataTable(block);
      case 'figure':
        return this.figure(block);
      case 'toc':
        return this.tableOfContents(block, blocks.slice(i + 1));
      case 'notes':
        return this.notes(block);
      case 'pageBreak':
        return this.pageBreak(block);
      case 'spacer':
        this.doc.y += block.size;
        return;
    }
  }

  /** Running header and footer on every page, drawn last so "page X of Y" knows Y. */
  decoratePages() {
    const doc = this.doc;
    const { count } = doc.bufferedPageRange();
    const level = this.model.classification.level;
    const color = theme.color.classification[level];
    for (let i = 0; i < count; i++) {
      doc.switchToPage(i);
      const savedBottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing into the margin must not start a new page
      doc.markContent('Artifact', { type: 'Pagination' });
      const headerY = theme.headerY;
      if (!(this.hasCover && i === 0)) {
        this.textAt(this.model.header, 'regular', theme.size.header, theme.color.muted, this.left, headerY, { width: this.width * 0.7, lineBreak: false, ellipsis: true, height: 12 });
        this.textAt(this.model.classification.label.toUpperCase(), 'bold', theme.size.header, color, this.left, headerY, { width: this.width, align: 'right', lineBreak: false });
        doc.moveTo(this.left, headerY + 14).lineTo(this.left + this.width, headerY + 14).lineWidth(0.5).stroke(theme.color.rule);
      }
      const footerY = theme.page.height - theme.footerGap;
      doc.moveTo(this.left, footerY - 8).lineTo(this.left + this.width, footerY - 8).lineWidth(0.5).stroke(theme.color.rule);
      this.textAt(this.model.classification.label.toUpperCase(), 'bold', theme.size.header, color, this.left, footerY, { width: this.width / 2, lineBreak: false });
      this.use('regular', theme.size.header, theme.color.muted);
      const label = this.model.pageLabel.replace('{{page}}', String(i + 1)).replace('{{pages}}', String(count));
      doc.text(label, this.left, footerY, { width: this.width, align: 'right', lineBreak: false });
      doc.endMarkedContent();
      doc.page.margins.bottom = savedBottom;
    }
  }
}

/** Lays out a document model with pdfkit: embedded fonts, tagged structure, bookmarks, contents, page X of Y. */
export async function renderPdf(model: DocumentModel, options: RenderOptions = {}): Promise<RenderResult> {
  const fonts = fontBuffers();
  const doc = new PDFDocument({
    size: theme.page.size,
    margins: theme.margin,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    lang: langTag(model.language),
    displayTitle: true,
    // The default font must be ours: pdfkit would otherwise load Helvetica, which is never embedded.
    font: fonts.regular as unknown as string,
    info: {
      Title: model.title,
      Author: model.author ?? 'Attaché',
      Subject: model.subject ?? '',
      Keywords: (model.keywords ?? []).join(', '),
      Creator: 'Attaché',
      Producer: 'Attaché (pdfkit)',
      CreationDate: model.generatedAt,
    },
  });
  for (const face of fontFaces) doc.registerFont(fontKey[face], fonts[face]);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const root = doc.struct('Document', { lang: langTag(model.language) } as Record<string, string>);
  doc.addStructure(root);
  const layout = new Layout(doc, root, model);
  if (model.cover) layout.cover(model.cover);
  const total = model.blocks.length;
  for (let i = 0; i < total; i++) {
    layout.block(model.blocks, i);
    if (i % 25 === 24) {
      options.onProgress?.(i + 1, total);
      await breathe();
    }
  }
  layout.finishToc();
  layout.decoratePages();
  settleToUnicode(doc);
  options.onProgress?.(total, total);
  const pages = doc.bufferedPageRange().count;
  root.end();
  doc.end();
  await finished;
  return { bytes: Buffer.concat(chunks), pages, headings: layout.headings };
}
