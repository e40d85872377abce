import type { RichBlockNode, RichDoc, RichInlineNode, RichListItem, RichTableRow } from '../../../shared/schemas/richtext';

/**
 * The sample notes are written in a small, markdown-like markup so they read as text in code:
 *
 *   # / ## / ###  heading 1–3           - item        bullet list
 *   1. item       ordered list          > text        quotation
 *   | a | b |     table (first row is the header; a "|---|" row is skipped)
 *   ---           horizontal rule       blank line    new paragraph
 *   **bold**  *italic*  [text](https://…)
 *
 * Lines of a paragraph or list item are joined with spaces. No nesting; this is sample data, not a
 * Markdown implementation.
 */
export function markup(source: string): RichDoc {
  const raw = source.replace(/^\n+|\s+$/g, '').split('\n').map((l) => l.trimEnd());
  const indent = Math.min(...raw.filter((l) => l !== '').map((l) => /^ */.exec(l)![0].length));
  const lines = raw.map((l) => l.slice(indent));
  const blocks: RichBlockNode[] = [];
  let i = 0;
  const at = (k: number) => lines[k] ?? '';
  const isBlockStart = (l: string) => /^(#{1,3} |- |\d+\. |> |\||---$)/.test(l) || l === '';

  while (i < lines.length) {
    const line = at(i);
    if (line === '') {
      i++;
      continue;
    }
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', attrs: { level: heading[1]!.length as 1 | 2 | 3 }, content: inline(heading[2]!) });
      i++;
      continue;
    }
    if (line === '---') {
      blocks.push({ type: 'horizontalRule' });
      i++;
      continue;
    }
    if (line.startsWith('|')) {
      const rows: RichTableRow[] = [];
      while (at(i).startsWith('|')) {
        const cells = at(i).replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
        if (!cells.every((c) => /^:?-+:?$/.test(c))) {
          const header = rows.length === 0;
          rows.push({
            type: 'tableRow',
            content: cells.map((c) => ({ type: header ? 'tableHeader' : 'tableCell', content: [paragraph(c)] })),
          });
        }
        i++;
      }
      blocks.push({ type: 'table', content: rows });
      continue;
    }
    const bullet = /^- /.test(line);
    const ordered = /^(\d+)\. /.exec(line);
    if (bullet || ordered) {
      const items: RichListItem[] = [];
      const marker = bullet ? /^- (.*)$/ : /^\d+\. (.*)$/;
      while (marker.test(at(i))) {
        let text = marker.exec(at(i))![1]!;
        i++;
        // Continuation lines are indented by two spaces in the source.
        while (i < lines.length && /^ {2}\S/.test(lines[i]!)) text += ` ${lines[i++]!.trim()}`;
        items.push({ type: 'listItem', content: [paragraph(text)] });
      }
      const start = ordered ? Number(ordered[1]) : 1;
      blocks.push(bullet ? { type: 'bulletList', content: items } : { type: 'orderedList', ...(start !== 1 ? { attrs: { start } } : {}), content: items });
      continue;
    }
    if (line.startsWith('> ')) {
      const parts: string[] = [];
      while (at(i).startsWith('> ')) parts.push(at(i++).slice(2).trim());
      blocks.push({ type: 'blockquote', content: [paragraph(parts.join(' '))] });
      continue;
    }
    const parts: string[] = [];
    while (i < lines.length && (parts.length === 0 || !isBlockStart(at(i)))) parts.push(at(i++).trim());
    blocks.push(paragraph(parts.join(' ')));
  }
  return { type: 'doc', content: blocks };
}

function paragraph(text: string): RichBlockNode {
  const content = inline(text);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

const token = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inline(text: string): RichInlineNode[] {
  const out: RichInlineNode[] = [];
  let last = 0;
  for (const m of text.matchAll(token)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'text', text: m[1], marks: [{ type: 'bold' }] });
    else if (m[2] !== undefined) out.push({ type: 'text', text: m[2], marks: [{ type: 'italic' }] });
    else out.push({ type: 'text', text: m[3]!, marks: [{ type: 'link', attrs: { href: m[4]! } }] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
