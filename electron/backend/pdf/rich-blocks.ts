import type { RichBlockNode, RichDoc, RichInlineNode } from '../../../shared/schemas/richtext';
import type { Block, Run } from './model';

function runs(nodes: RichInlineNode[] | undefined): Run[] {
  const out: Run[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') out.push({ text: '\n' });
    else {
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      const link = n.marks?.find((m) => m.type === 'link');
      const text = link && link.type === 'link' && link.attrs.href !== n.text ? `${n.text} (${link.attrs.href})` : n.text;
      out.push({ text, bold: marks.has('bold'), italic: marks.has('italic') });
    }
  }
  return out;
}

const plain = (r: Run[]) => r.map((x) => x.text).join('');

function listItems(items: Array<{ content: RichBlockNode[] }>): Run[][] {
  return items.map((item) => {
    const parts: Run[] = [];
    item.content.forEach((b, i) => {
      if (i > 0) parts.push({ text: ' ' });
      if (b.type === 'paragraph' || b.type === 'heading') parts.push(...runs(b.content));
      else if (b.type === 'bulletList' || b.type === 'orderedList') {
        // Nested lists read as a continuation: "— a; b".
        parts.push({ text: ` — ${listItems(b.content).map(plain).join('; ')}` });
      }
    });
    return parts;
  });
}

/**
 * A stored rich-text document as layout blocks. Headings inside the text become level-3 headings
 * (the book's own sections own levels 1 and 2); lists, quotes and tables keep their shape.
 */
export function richBlocks(doc: RichDoc, opts: { headingLevel?: 3 } = {}): Block[] {
  const out: Block[] = [];
  const visit = (b: RichBlockNode) => {
    switch (b.type) {
      case 'paragraph': {
        const r = runs(b.content);
        if (plain(r).trim()) out.push({ kind: 'paragraph', text: r });
        return;
      }
      case 'heading': {
        // An empty heading would print as a blank line kept with nothing.
        const text = plain(runs(b.content));
        if (text.trim()) out.push({ kind: 'heading', level: opts.headingLevel ?? 3, text, toc: false });
        return;
      }
      case 'bulletList':
      case 'orderedList': {
        // An empty item (the editor leaves one after a final Enter) would print as a lone bullet,
        // possibly on a page of its own.
        const items = listItems(b.content).filter((runs) => plain(runs).trim());
        if (items.length) out.push({ kind: 'list', ordered: b.type === 'orderedList', items });
        return;
      }
      case 'blockquote':
        for (const inner of b.content) {
          if (inner.type === 'paragraph') out.push({ kind: 'paragraph', text: runs(inner.content).map((r) => ({ ...r, italic: true })), tone: 'muted' });
          else visit(inner);
        }
        return;
      case 'horizontalRule':
        out.push({ kind: 'spacer', size: 8 });
        return;
      case 'table': {
        const rows = b.content.map((row) =>
          row.content.map((cell) =>
            cell.content
              .map((x) => (x.type === 'paragraph' || x.type === 'heading' ? plain(runs(x.content)) : ''))
              .join(' ')
              .trim(),
          ),
        );
        const headerRow = b.content[0]?.content.every((c) => c.type === 'tableHeader');
        const width = Math.max(...rows.map((r) => r.length));
        const columns = Array.from({ length: width }, (_, i) => ({ label: headerRow ? (rows[0]![i] ?? '') : '', width: 1 }));
        out.push({ kind: 'table', columns, rows: (headerRow ? rows.slice(1) : rows).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')) });
        return;
      }
    }
  };
  doc.content.forEach(visit);
  return out;
}
