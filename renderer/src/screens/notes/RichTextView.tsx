import type { ReactNode } from 'react';
import type { RichBlockNode, RichDoc, RichInlineNode, RichTableRow } from '../../../../shared/schemas/richtext';
import { safeHref } from './normalise';
import './notes.css';

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

interface Props {
  doc: RichDoc;
  /**
   * The HTML level of the text's first-level heading, so its headings nest under the page's own
   * (a note's title is an h2 on its screen, so its "Heading 1" is an h3 there).
   */
  headingLevel?: number;
  className?: string;
  /** Shown instead of an empty document. */
  empty?: ReactNode;
}

function inline(nodes: readonly RichInlineNode[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, i) => {
    if (node.type === 'hardBreak') return <br key={i} />;
    let out: ReactNode = node.text;
    // The link wraps outermost whatever the stored order, so formatting never splits an anchor.
    const marks = [...(node.marks ?? [])].sort((a, b) => Number(a.type === 'link') - Number(b.type === 'link'));
    for (const mark of marks) {
      if (mark.type === 'bold') out = <strong>{out}</strong>;
      else if (mark.type === 'italic') out = <em>{out}</em>;
      else {
        // The schema already refuses unsafe links; checking again costs nothing and keeps old or
        // foreign data from ever becoming a javascript: link.
        const href = safeHref(mark.attrs.href);
        out = href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {out}
          </a>
        ) : (
          out
        );
      }
    }
    return <span key={i}>{out}</span>;
  });
}

function rows(table: readonly RichTableRow[], level: number): ReactNode {
  const [first, ...rest] = table;
  // A first row made only of header cells is the table's head, as in the PDF.
  const headRow = first && first.content.every((c) => c.type === 'tableHeader') ? first : null;
  const renderRow = (row: RichTableRow, r: number, inHead: boolean) => (
    <tr key={r}>
      {row.content.map((cell, c) => {
        const props = { colSpan: cell.attrs?.colspan, rowSpan: cell.attrs?.rowspan };
        const content = blocks(cell.content, level);
        // An empty header cell heads nothing; as a data cell it does not confuse a screen reader.
        const empty = cell.content.every((b) => b.type === 'paragraph' && !b.content?.length);
        return cell.type === 'tableHeader' && !empty ? (
          <th key={c} scope={inHead ? 'col' : 'row'} {...props}>
            {content}
          </th>
        ) : (
          <td key={c} className={cell.type === 'tableHeader' ? 'rt-th' : undefined} {...props}>
            {content}
          </td>
        );
      })}
    </tr>
  );
  return (
    <>
      {headRow ? <thead>{renderRow(headRow, 0, true)}</thead> : null}
      <tbody>{(headRow ? rest : table).map((row, r) => renderRow(row, r + 1, false))}</tbody>
    </>
  );
}

function blocks(nodes: readonly RichBlockNode[], level: number): ReactNode[] {
  return nodes.map((block, i) => {
    switch (block.type) {
      case 'paragraph':
        return <p key={i}>{inline(block.content)}</p>;
      case 'heading': {
        const Tag = `h${Math.min(6, level + block.attrs.level - 1)}` as HeadingTag;
        return (
          <Tag key={i} className={`rt-h${block.attrs.level}`}>
            {inline(block.content)}
          </Tag>
        );
      }
      case 'bulletList':
        return (
          <ul key={i}>
            {block.content.map((item, j) => (
              <li key={j}>{blocks(item.content, level)}</li>
            ))}
          </ul>
        );
      case 'orderedList':
        return (
          <ol key={i} start={block.attrs?.start}>
            {block.content.map((item, j) => (
              <li key={j}>{blocks(item.content, level)}</li>
            ))}
          </ol>
        );
      case 'blockquote':
        return <blockquote key={i}>{blocks(block.content, level)}</blockquote>;
      case 'horizontalRule':
        return <hr key={i} />;
      case 'table':
        return <table key={i}>{rows(block.content, level)}</table>;
    }
  });
}

const isEmpty = (doc: RichDoc) => doc.content.every((b) => b.type === 'paragraph' && !b.content?.length);

/**
 * A stored rich-text document as React elements: headings, lists, quotes, tables, bold, italic and
 * links. No HTML string is ever parsed, so nothing in a note can inject markup or script.
 */
export function RichTextView({ doc, headingLevel = 3, className, empty }: Props) {
  if (empty !== undefined && isEmpty(doc)) return <>{empty}</>;
  return <div className={['rt', className].filter(Boolean).join(' ')}>{blocks(doc.content, Math.max(1, Math.min(6, headingLevel)))}</div>;
}
