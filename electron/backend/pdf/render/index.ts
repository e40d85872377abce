// The layout renderer's entry point: sets up the pdfkit document (fonts, tagging, metadata), lays out
// the model block by block with the jobs in this folder, and returns the bytes. See core.ts for the parts.
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { fontFaces, fontKey, mainFonts, shareFontWork } from '../fonts';
import type { DocumentModel } from '../model';
import { settleToUnicode } from '../text-layer';
import { theme } from '../theme';
import { finishToc } from './contents';
import { Canvas, type HeadingPlacement } from './core';
import { drawCover } from './cover';
import { decoratePages } from './decoration';
import { drawBlock } from './flow';

export type { HeadingPlacement } from './core';

export interface RenderOptions {
  /** Called as blocks are laid out (done of total), so a long export can show progress. */
  onProgress?: (done: number, total: number) => void;
}

export interface RenderResult {
  bytes: Buffer;
  pages: number;
  headings: HeadingPlacement[];
}

const langTag = (lang: 'en' | 'de') => (lang === 'de' ? 'de-DE' : 'en-GB');

/** Lets the event loop breathe during long layouts, so the window and progress stay alive. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lays out a document model with pdfkit: embedded fonts, tagged structure, bookmarks, contents, page X of Y. */
export async function renderPdf(model: DocumentModel, options: RenderOptions = {}): Promise<RenderResult> {
  // Parsed once per process, with their shaped words (see fonts.ts): a document only subsets them.
  const fonts = mainFonts();
  const doc = new PDFDocument({
    size: theme.page.size,
    layout: model.orientation ?? 'portrait',
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
  shareFontWork(doc);
  for (const face of fontFaces) doc.registerFont(fontKey[face], fonts[face] as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const root = doc.struct('Document', { lang: langTag(model.language) } as Record<string, string>);
  doc.addStructure(root);
  const canvas = new Canvas(doc, root, model);
  if (model.cover) drawCover(canvas, model.cover);
  const total = model.blocks.length;
  // Yield every 25 blocks or 40 ms of layout, whichever comes first (a long table comes in pieces).
  let since = performance.now();
  for (let i = 0; i < total; i++) {
    drawBlock(canvas, model.blocks, i);
    if (i % 25 === 24 || performance.now() - since > 40) {
      options.onProgress?.(i + 1, total);
      await breathe();
      since = performance.now();
    }
  }
  finishToc(canvas);
  decoratePages(canvas);
  settleToUnicode(doc);
  options.onProgress?.(total, total);
  const pages = doc.bufferedPageRange().count;
  root.end();
  doc.end();
  await finished;
  return { bytes: Buffer.concat(chunks), pages, headings: canvas.headings };
}
