import type { RichBlockNode, RichDoc, RichInlineNode } from '../schemas/richtext';

export const emptyDoc = (): RichDoc => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/** Paragraphs separated by blank lines become paragraphs; single newlines become line breaks. */
export function docFromPlainText(text: string): RichDoc {
  const paragraphs = text.trim() ? text.trim().split(/\n\s*\n/) : [];
  if (!paragraphs.length) return emptyDoc();
  return {
    type: 'doc',
    content: paragraphs.map((p) => {
      const lines = p.split('\n');
      const content: RichInlineNode[] = [];
      lines.forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' });
        if (line) content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    }),
  };
}

function inlineText(nodes: RichInlineNode[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

function blockText(block: RichBlockNode, out: string[]): void {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      out.push(inlineText(block.content));
      return;
    case 'bulletList':
    case 'orderedList':
      for (const item of block.content) for (const b of item.content) blockText(b, out);
      return;
    case 'blockquote':
      for (const b of block.content) blockText(b, out);
      return;
    case 'table':
      for (const row of block.content) {
        const cells: string[] = [];
        for (const cell of row.content) {
          const parts: string[] = [];
          for (const b of cell.content) blockText(b, parts);
          cells.push(parts.join(' '));
        }
        out.push(cells.join(' | '));
      }
      return;
    case 'horizontalRule':
      return;
  }
}

/** Plain text of a document, one block per line: for search, excerpts and previews. */
export function richTextToPlain(doc: RichDoc): string {
  const out: string[] = [];
  for (const block of doc.content) blockText(block, out);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The first `max` characters of the text, cut at a word boundary. */
export function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
