/**
 * The document model: plain data that the backend assembles from the store and the layout renderer
 * draws. Nothing here knows pdfkit, so models are testable on their own.
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A string, or styled runs that flow as one paragraph. */
export type RichText = string | Run[];

export interface TableColumn {
  label: string;
  /** Relative width; the renderer scales all columns to the text width. */
  width: number;
  align?: 'left' | 'right';
}

/** Vector drawing for figures (maps), in the figure's own coordinate space. */
export type Shape =
  | { kind: 'path'; d: string; fill?: string; stroke?: string; lineWidth?: number }
  | { kind: 'label'; x: number; y: number; text: string; size?: number; color?: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; /** Listed in contents and bookmarks (default: level ≤ 2). */ toc?: boolean }
  | { kind: 'paragraph'; text: RichText; tone?: 'body' | 'muted' | 'small'; /** A subtitle line: kept on one page with what follows it (like a heading). */ keepWithNext?: boolean }
  | { kind: 'list'; ordered?: boolean; items: RichText[] }
  | { kind: 'fields'; rows: Array<{ label: string; value: RichText }>; /** Start on a new page rather than split, when it fits on one. */ keepTogether?: boolean }
  | {
      kind: 'table';
      columns: TableColumn[];
      rows: RichText[][];
      /** Draw and repeat the header row (default true). */
      header?: boolean;
      /**
       * Continues the table block before it (same columns): one table to readers (one structure
       * element, no header in between, the zebra going on), drawn in pieces so a long layout can
       * yield to the event loop between them (a report of thousands of rows).
       */
      continued?: boolean;
    }
  | { kind: 'figure'; alt: string; width: number; height: number; shapes: Shape[]; caption?: string; /** Clip shapes to the figure's box. */ clip?: boolean; background?: string }
  | { kind: 'toc'; title: string }
  | { kind: 'notes'; title: string; pages: number }
  | { kind: 'pageBreak'; /** A soft break: only when at least this fraction (0–1) of the current page's text height is used. */ ifFilled?: number }
  | { kind: 'spacer'; size: number };

export interface Cover {
  kicker: string;
  title: string;
  subtitle?: string;
  facts: Array<{ label: string; value: string }>;
  classification: string;
  version: string;
}

export type ClassificationLevel = 'public' | 'internal' | 'confidential';

export interface DocumentModel {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  language: 'en' | 'de';
  /** Printed in the header and footer of every page. */
  classification: { level: ClassificationLevel; label: string };
  /** Running header text (the document or trip title). */
  header: string;
  /** "Page {{page}} of {{pages}}" in the document's language. */
  pageLabel: string;
  generatedAt: Date;
  /** Landscape for wide tables (a list report with many columns); portrait by default. */
  orientation?: 'portrait' | 'landscape';
  cover?: Cover;
  blocks: Block[];
}

/** Plain text of rich text (for measuring, alt text and tests). */
export const plainText = (t: RichText): string => (typeof t === 'string' ? t : t.map((r) => r.text).join(''));

/** Blocks that belong to what follows them: a heading, a subtitle line kept with the next block, a break or a gap. */
const leadsIn = (b: Block) => b.kind === 'heading' || b.kind === 'pageBreak' || b.kind === 'spacer' || (b.kind === 'paragraph' && !!b.keepWithNext);

/** A table, list or field block that filtering left without rows says nothing. */
const isEmpty = (b: Block) => ((b.kind === 'table' || b.kind === 'fields') && b.rows.length === 0) || (b.kind === 'list' && b.items.length === 0);

/** Where the scope of a heading of this level ends: the next heading of the same or a higher level, or a section of its own. */
const endsScope = (b: Block, level: number) => (b.kind === 'heading' && b.level <= level) || b.kind === 'notes' || b.kind === 'toc';

/**
 * What a filtered model keeps: tables, lists and fields left without rows go, and so does every
 * heading with nothing under it (up to the next heading of its level or a higher one) — a day, a
 * section — with the subtitle lines and page breaks that led into it. So an audience filter applied
 * while building a model never leaves an empty heading, a bookmark or a contents line behind: the
 * renderer lists in the contents exactly the headings that remain. Returns, for each block, whether
 * it stays (so callers can map ranges of the original list).
 */
export function keptBlocks(blocks: readonly Block[]): boolean[] {
  const kept = blocks.map((b) => !isEmpty(b));
  const hasContent = (from: number, level: number) => {
    for (let j = from; j < blocks.length; j++) {
      const b = blocks[j]!;
      if (endsScope(b, level)) return false;
      if (kept[j] && !leadsIn(b)) return true;
    }
    return false;
  };
  // The level whose scope a subtitle line or a break belongs to: that of the heading before it.
  let level = 1;
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') {
      level = b.level;
      kept[i] = hasContent(i + 1, b.level);
    } else if (b.kind === 'paragraph' && b.keepWithNext) {
      kept[i] = hasContent(i + 1, level);
    } else if (b.kind === 'toc' || b.kind === 'notes') {
      level = 1;
    }
  });
  // A break (or gap) followed by nothing that stays before the next break, or the end, would only add a blank page.
  for (let i = blocks.length - 1, next = false; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'pageBreak' || b.kind === 'spacer') {
      if (!next) kept[i] = false;
      if (b.kind === 'pageBreak') next = false;
    } else if (kept[i]) next = true;
  }
  return kept;
}

/** The model's blocks without what filtering left empty (see keptBlocks). */
export function pruneEmpty(blocks: readonly Block[]): Block[] {
  const kept = keptBlocks(blocks);
  return blocks.filter((_, i) => kept[i]);
}
