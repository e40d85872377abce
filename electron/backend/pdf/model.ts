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
  | { kind: 'table'; columns: TableColumn[]; rows: RichText[][]; /** Draw and repeat the header row (default true). */ header?: boolean }
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
  cover?: Cover;
  blocks: Block[];
}

/** Plain text of rich text (for measuring, alt text and tests). */
export const plainText = (t: RichText): string => (typeof t === 'string' ? t : t.map((r) => r.text).join(''));
