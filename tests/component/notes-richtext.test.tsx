import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RichDoc } from '../../shared/schemas/richtext';
import { RichTextView } from '../../renderer/src/screens/notes/RichTextView';
import { renderPlain } from './render';

const doc: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Ghana' }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Priorities' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Focus on ' },
        { type: 'text', text: 'climate', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'youth', marks: [{ type: 'italic' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'portal', marks: [{ type: 'link', attrs: { href: 'https://example.org/gh' } }, { type: 'bold' }] },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Water' }] }] }] },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Third' }] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted' }] }] },
    { type: 'horizontalRule' },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Partner' }] }] },
            { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'City' }] }] },
          ],
        },
        { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'KNUST, Kumasi' }] }] }] },
      ],
    },
  ],
};

describe('RichTextView', () => {
  it('renders headings, marks, links, lists, quotes and tables from a stored document', () => {
    const { container } = renderPlain(<RichTextView doc={doc} />);
    // Heading 1 of the text sits below the page's h2 title by default.
    expect(screen.getByRole('heading', { level: 3, name: 'Ghana' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Priorities' })).toBeInTheDocument();
    expect(container.querySelector('strong')).toHaveTextContent('climate');
    expect(container.querySelector('em')).toHaveTextContent('youth');
    expect(container.querySelector('br')).not.toBeNull();
    const link = screen.getByRole('link', { name: 'portal' });
    expect(link).toHaveAttribute('href', 'https://example.org/gh');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link.querySelector('strong')).not.toBeNull();
    const lists = screen.getAllByRole('list');
    expect(within(lists[0]!).getByRole('listitem')).toHaveTextContent('Water');
    expect(lists[1]!.tagName).toBe('OL');
    expect(lists[1]).toHaveAttribute('start', '3');
    expect(container.querySelector('blockquote')).toHaveTextContent('Quoted');
    expect(container.querySelector('hr')).not.toBeNull();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Partner', 'City']);
    expect(within(table).getByRole('cell', { name: 'KNUST, Kumasi' })).toHaveAttribute('colspan', '2');
  });

  it('nests its headings under a given level and caps them at h6', () => {
    renderPlain(<RichTextView doc={doc} headingLevel={5} />);
    expect(screen.getByRole('heading', { level: 5, name: 'Ghana' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 6, name: 'Priorities' })).toBeInTheDocument();
  });

  it('never renders an unsafe link, even from data that skipped the schema', () => {
    const unsafe = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click me', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    } as RichDoc;
    const { container } = renderPlain(<RichTextView doc={unsafe} />);
    expect(screen.getByText('click me')).toBeInTheDocument();
    expect(container.querySelector('a')).toBeNull();
  });

  it('shows the given placeholder for an empty document', () => {
    renderPlain(<RichTextView doc={{ type: 'doc', content: [{ type: 'paragraph' }] }} empty={<p>Nothing yet</p>} />);
    expect(screen.getByText('Nothing yet')).toBeInTheDocument();
  });
});
