import type { z } from 'zod';
import {
  isSafeHref,
  RichDoc,
  type RichBlockNode,
  type RichInlineNode,
  type RichListItem,
  type RichTableCell,
  type RichTableRow,
} from '../../../../shared/schemas/richtext';

/**
 * The shape of the JSON an editor produces (Tiptap's `JSONContent`), declared here so this module
 * stays pure: the unit tests run it in Node without a DOM or an editor.
 */
export interface EditorNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: EditorNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}

type RichMarkNode = NonNullable<Extract<RichInlineNode, { type: 'text' }>['marks']>[number];

/** The address as stored (trimmed), or null when the schema's rule (`isSafeHref`) refuses it. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const href = raw.trim();
  return isSafeHref(href) ? href : null;
}

/**
 * What a person typed into the link dialog, as a link address: "example.org" becomes
 * "https://example.org", "name@example.org" becomes "mailto:name@example.org"; anything that is
 * not a well-formed http(s) or mailto address (javascript:, file:, ftp:, "not a link") is null.
 */
export function linkFromInput(input: string): string | null {
  let s = input.trim();
  if (!s) return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) {
    if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(s)) s = `mailto:${s}`;
    else if (/^[^\s/:]+\.[^\s/:]{2,}(?::\d+)?(\/\S*)?$/.test(s)) s = `https://${s}`;
    else return null;
  }
  const href = safeHref(s);
  if (!href) return null;
  if (/^mailto:/i.test(href)) return /^mailto:[^\s@]+@[^\s@]+$/i.test(href.split('?')[0]!) ? href : null;
  try {
    const url = new URL(href);
    return url.hostname ? href : null;
  } catch {
    return null;
  }
}

const isInline = (n: EditorNode) => n.type === 'text' || n.type === 'hardBreak';

function marksOf(node: EditorNode): RichMarkNode[] {
  const out: RichMarkNode[] = [];
  const seen = new Set<string>();
  for (const mark of node.marks ?? []) {
    if (seen.has(mark.type)) continue;
    if (mark.type === 'bold' || mark.type === 'italic') out.push({ type: mark.type });
    else if (mark.type === 'link') {
      // An unsafe link loses its mark but keeps its words: the text is the author's, the address is not trusted.
      const href = safeHref(mark.attrs?.href);
      if (href) out.push({ type: 'link', attrs: { href } });
    } else continue; // strike, code, underline, highlight…: not in the stored format
    seen.add(mark.type);
  }
  return out;
}

function inlines(nodes: readonly EditorNode[] | undefined): RichInlineNode[] {
  const out: RichInlineNode[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') out.push({ type: 'hardBreak' });
    else if (node.type === 'text' || typeof node.text === 'string') {
      if (!node.text) continue;
      const marks = marksOf(node);
      out.push(marks.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
    } else if (node.content) {
      // An inline node the format lacks (a mention, an emoji): keep whatever text it carries.
      out.push(...inlines(node.content));
    }
  }
  return out;
}

const paragraph = (content: RichInlineNode[]): RichBlockNode => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });

/** At least one block, as the format requires inside list items, quotes and cells. */
const atLeastOne = (blocks: RichBlockNode[]): RichBlockNode[] => (blocks.length ? blocks : [{ type: 'paragraph' }]);

const positiveInt = (v: unknown, max: number): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v > 1 && v <= max ? v : undefined;

function listItems(nodes: readonly EditorNode[] | undefined): RichListItem[] {
  const out: RichListItem[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'listItem' || node.type === 'taskItem') out.push({ type: 'listItem', content: atLeastOne(blocks(node.content)) });
    else {
      const content = blocks([node]);
      if (content.length) out.push({ type: 'listItem', content });
    }
  }
  return out;
}

function cell(node: EditorNode): RichTableCell {
  const colspan = positiveInt(node.attrs?.colspan, 50);
  const rowspan = positiveInt(node.attrs?.rowspan, 500);
  const attrs = colspan || rowspan ? { ...(colspan ? { colspan } : {}), ...(rowspan ? { rowspan } : {}) } : undefined;
  const type = node.type === 'tableHeader' ? 'tableHeader' : 'tableCell';
  return attrs ? { type, attrs, content: atLeastOne(blocks(node.content)) } : { type, content: atLeastOne(blocks(node.content)) };
}

function rows(nodes: readonly EditorNode[] | undefined): RichTableRow[] {
  const out: RichTableRow[] = [];
  for (const row of nodes ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells = (row.content ?? []).filter((c) => c.type === 'tableCell' || c.type === 'tableHeader').map(cell);
    if (cells.length) out.push({ type: 'tableRow', content: cells });
  }
  return out;
}

function headingLevel(v: unknown): 1 | 2 | 3 {
  const n = typeof v === 'number' ? v : Number(v);
  if (n === 1 || n === 2 || n === 3) return n;
  // Deeper headings (pasted h4–h6) keep being headings, at the smallest level the format has.
  return Number.isFinite(n) && n > 3 ? 3 : 1;
}

function blocks(nodes: readonly EditorNode[] | undefined): RichBlockNode[] {
  const out: RichBlockNode[] = [];
  let loose: EditorNode[] = [];
  const flushLoose = () => {
    if (loose.length) out.push(paragraph(inlines(loose)));
    loose = [];
  };
  for (const node of nodes ?? []) {
    if (isInline(node)) {
      loose.push(node);
      continue;
    }
    flushLoose();
    switch (node.type) {
      case 'paragraph':
        out.push(paragraph(inlines(node.content)));
        break;
      case 'heading': {
        const content = inlines(node.content);
        const level = headingLevel(node.attrs?.level);
        out.push(content.length ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } });
        break;
      }
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        const items = listItems(node.content);
        if (!items.length) break;
        if (node.type === 'orderedList') {
          const start = node.attrs?.start;
          const keep = typeof start === 'number' && Number.isInteger(start) && start >= 0 && start !== 1;
          out.push(keep ? { type: 'orderedList', attrs: { start }, content: items } : { type: 'orderedList', content: items });
        } else out.push({ type: 'bulletList', content: items });
        break;
      }
      case 'blockquote':
        out.push({ type: 'blockquote', content: atLeastOne(blocks(node.content)) });
        break;
      case 'horizontalRule':
        out.push({ type: 'horizontalRule' });
        break;
      case 'table': {
        const r = rows(node.content);
        if (r.length) out.push({ type: 'table', content: r });
        break;
      }
      default: {
        // A node the format lacks, or one out of place (a stray list item or table row): a code block's
        // lines become a paragraph, a wrapper's blocks stay.
        const children = node.content ?? [];
        if (!children.length) break;
        if (children.every((c) => isInline(c) || (c.content === undefined && typeof c.text === 'string'))) out.push(paragraph(inlines(children)));
        else out.push(...blocks(children));
      }
    }
  }
  flushLoose();
  return out;
}

const isEmptyParagraph = (b: RichBlockNode) => b.type === 'paragraph' && !b.content?.length;

/**
 * Tiptap's JSON → the stored rich-text format: only the documented nodes and marks, no null or
 * default attributes (textAlign, colwidth, colspan 1, a link's target and rel), links only when safe,
 * and without the empty paragraphs the editor keeps at the end of a document.
 */
export function normaliseDoc(json: EditorNode): RichDoc {
  const content = blocks(json.type === 'doc' ? json.content : [json]);
  while (content.length > 1 && isEmptyParagraph(content[content.length - 1]!)) content.pop();
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

export type RichDocResult = { ok: true; doc: RichDoc } | { ok: false; error: z.ZodError };

/** Normalises, then checks against the schema the backend applies, so a save is never refused for the text's shape. */
export function toRichDoc(json: EditorNode): RichDocResult {
  const parsed = RichDoc.safeParse(normaliseDoc(json));
  return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, error: parsed.error };
}
