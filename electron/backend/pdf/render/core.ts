// The state every part of the layout shares: the pdfkit document and its structure tree, the cursor
// (doc.y) with the page geometry, the fonts, and what is collected for the contents and bookmarks.
// The jobs themselves live beside it: text.ts (breaking and drawing text), cover.ts, flow.ts (headings,
// paragraphs, lists, figures, breaks), table.ts, contents.ts and decoration.ts.
import { fontKey, type FontFace } from '../fonts';
import type { Block, DocumentModel } from '../model';
import { Typesetter } from '../text-runs';
import { theme } from '../theme';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

/** Where each listed heading landed; the contents page and tests read this. */
export interface HeadingPlacement {
  level: number;
  text: string;
  /** 1-based physical page number, as printed in the footer. */
  page: number;
}

export const listedInToc = (b: Extract<Block, { kind: 'heading' }>) => b.toc ?? b.level <= 2;

export class Canvas {
  readonly headings: HeadingPlacement[] = [];
  readonly tocEntries: Array<HeadingPlacement & { dest: string }> = [];
  readonly outlineStack: Array<{ level: number; item: PDFKit.PDFOutline }> = [];
  /** The pages reserved for the contents (see contents.ts). */
  toc: { struct: Struct; firstPage: number; pages: number; title: string } | null = null;
  destCount = 0;
  hasCover = false;
  /** A table whose next block continues it (see the table block's `continued`): its structure element and rows so far. */
  openTable: { struct: Struct; rows: number } | null = null;
  /** Row heights of a table or fields block, measured once (keeping headings with it measures it too). */
  readonly measured = new WeakMap<Block, { header: number; rows: number[] }>();

  readonly ts: Typesetter;

  constructor(
    readonly doc: Doc,
    readonly root: Struct,
    readonly model: DocumentModel,
  ) {
    this.ts = new Typesetter(doc);
  }

  /** The page's size in points, turned for a landscape document. */
  get pageWidth() {
    return this.model.orientation === 'landscape' ? theme.page.height : theme.page.width;
  }
  get pageHeight() {
    return this.model.orientation === 'landscape' ? theme.page.width : theme.page.height;
  }
  get left() {
    return theme.margin.left;
  }
  get width() {
    return this.pageWidth - theme.margin.left - theme.margin.right;
  }
  get top() {
    return theme.margin.top;
  }
  get bottom() {
    return this.pageHeight - theme.margin.bottom;
  }
  get pageIndex() {
    return this.doc.bufferedPageRange().count - 1;
  }
  get atPageTop() {
    return this.doc.y <= this.top + 0.5;
  }

  newPage() {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  ensurePage() {
    if (this.doc.bufferedPageRange().count === 0) this.newPage();
  }

  ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom && !this.atPageTop) this.newPage();
  }

  use(face: FontFace, size: number, color: string = theme.color.text) {
    this.doc.font(fontKey[face]).fontSize(size).fillColor(color);
  }

  /** Decorative drawing (rules, shading) is marked as an artifact so readers skip it. */
  artifact(draw: () => void) {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  add(type: string, draw: () => void, options: Record<string, string> = {}, parent: Struct = this.root) {
    parent.add(this.doc.struct(type, options, draw));
  }
}
