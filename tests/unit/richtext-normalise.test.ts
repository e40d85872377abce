import { getSchema, type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { RichDoc } from '../../shared/schemas/richtext';
import { noteExtensions } from '../../renderer/src/screens/notes/extensions';
import { linkFromInput, normaliseDoc, safeHref, toRichDoc } from '../../renderer/src/screens/notes/normalise';

/**
 * What the editor's `getJSON()` returns for a document: parsed by the editor's real schema, so
 * every node carries the default attributes Tiptap adds (textAlign-free here, but colwidth, align,
 * colspan 1, a link's target/rel/class/title, an ordered list's start and type).
 */
const schema = getSchema(noteExtensions());
const asEditorJson = (doc: JSONContent): JSONContent => schema.nodeFromJSON(doc).toJSON() as JSONContent;

const text = (t: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

describe('normaliseDoc', () => {
  it('turns a document written in the editor into the stored format, attribute defaults gone', () => {
    const json = asEditorJson({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Ghana country strategy')] },
        p(text('Climate adaptation is '), text('the', [{ type: 'bold' }]), text(' priority, see '), text('the portal', [{ type: 'link', attrs: { href: 'https://example.org/gh' } }]), { type: 'hardBreak' }, text('and more.')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('Water'))] }, { type: 'listItem', content: [p(text('Energy', [{ type: 'italic' }, { type: 'bold' }]))] }] },
        { type: 'orderedList', content: [{ type: 'listItem', content: [p(text('First'))] }] },
        { type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [p(text('Fourth'))] }] },
        { type: 'blockquote', content: [p(text('A quote'))] },
        { type: 'horizontalRule' },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [{ type: 'tableHeader', content: [p(text('Partner'))] }, { type: 'tableHeader', content: [p(text('City'))] }] },
            { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 2, colwidth: [120, 80] }, content: [p(text('Kumasi'))] }] },
          ],
        },
        p(),
      ],
    });
    // The editor's JSON really carries attributes the stored format does not define.
    expect(JSON.stringify(json)).toContain('"colwidth"');
    expect(JSON.stringify(json)).toContain('"target"');

    const doc = normaliseDoc(json);
    expect(RichDoc.safeParse(doc).success).toBe(true);
    expect(doc.content[0]).toEqual({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Ghana country strategy' }] });
    expect(doc.content[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Climate adaptation is ' },
        { type: 'text', text: 'the', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' priority, see ' },
        { type: 'text', text: 'the portal', marks: [{ type: 'link', attrs: { href: 'https://example.org/gh' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'and more.' },
      ],
    });
    expect(doc.content[3]).toEqual({ type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First' }] }] }] });
    expect(doc.content[4]).toMatchObject({ type: 'orderedList', attrs: { start: 4 } });
    expect(doc.content[7]).toEqual({
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Partner' }] }] },
            { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'City' }] }] },
          ],
        },
        { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kumasi' }] }] }] },
      ],
    });
    // The editor's trailing empty paragraph is not stored.
    expect(doc.content).toHaveLength(8);
  });

  it('is stable: a stored document passes through unchanged', () => {
    const stored: RichDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Łódź – Москва' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'italic' }] }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { rowspan: 2 }, content: [{ type: 'paragraph' }] }] }] },
      ],
    };
    expect(normaliseDoc(asEditorJson(stored))).toEqual(stored);
    expect(normaliseDoc(stored)).toEqual(stored);
  });

  it('drops unsafe links but keeps their words, and refuses to store them', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' java\tscript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'vbscript:x', '', 'https://exa mple.org']) {
      const doc = normaliseDoc({ type: 'doc', content: [p(text('click', [{ type: 'link', attrs: { href } }, { type: 'bold' }]))] });
      expect(doc.content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'bold' }] }] });
    }
    // Straight to the schema, an unsafe link is refused: the normaliser is what keeps saves valid.
    expect(RichDoc.safeParse({ type: 'doc', content: [p(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))] }).success).toBe(false);
    expect(normaliseDoc({ type: 'doc', content: [p(text('mail', [{ type: 'link', attrs: { href: 'mailto:a@example.org', target: '_blank', rel: 'x', class: null } }]))] }).content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'mail', marks: [{ type: 'link', attrs: { href: 'mailto:a@example.org' } }] }],
    });
  });

  it('reduces marks and nodes outside the format to what it can hold', () => {
    const doc = normaliseDoc({
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { textAlign: null }, content: [text('struck', [{ type: 'strike' }, { type: 'bold' }, { type: 'bold' }]), text('', [{ type: 'italic' }]), text(' code', [{ type: 'code' }])] },
        { type: 'heading', attrs: { level: 5, textAlign: 'left' }, content: [text('Deep')] },
        { type: 'heading', attrs: { level: null }, content: [] },
        { type: 'codeBlock', attrs: { language: null }, content: [text('npm run web')] },
        { type: 'image', attrs: { src: 'https://example.org/x.png' } },
        { type: 'details', content: [p(text('inside'))] },
        text('loose text'),
        { type: 'bulletList', content: [] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [] }, p(text('not an item'))] },
        { type: 'blockquote', content: [] },
        { type: 'table', content: [{ type: 'tableRow', content: [] }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null, align: 'center' }, content: [] }] }] },
      ],
    });
    expect(RichDoc.safeParse(doc).success).toBe(true);
    expect(doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'struck', marks: [{ type: 'bold' }] }, { type: 'text', text: ' code' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Deep' }] },
      { type: 'heading', attrs: { level: 1 } },
      { type: 'paragraph', content: [{ type: 'text', text: 'npm run web' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'inside' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'loose text' }] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph' }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'not an item' }] }] },
        ],
      },
      { type: 'blockquote', content: [{ type: 'paragraph' }] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph' }] }] }] },
    ]);
  });

  it('keeps one empty paragraph for an empty document', () => {
    expect(normaliseDoc({ type: 'doc', content: [] })).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(normaliseDoc({ type: 'doc', content: [p(), p(), p()] })).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(normaliseDoc(asEditorJson({ type: 'doc', content: [p()] }))).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});

describe('toRichDoc', () => {
  it('passes what the schema accepts and reports what it still refuses', () => {
    const ok = toRichDoc(asEditorJson({ type: 'doc', content: [p(text('Hello'))] }));
    expect(ok).toEqual({ ok: true, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] } });
    const tooLong = toRichDoc({ type: 'doc', content: [p(text('x'.repeat(100_001)))] });
    expect(tooLong.ok).toBe(false);
  });
});

describe('links', () => {
  it('accepts only http(s) and mailto addresses', () => {
    expect(safeHref(' https://example.org ')).toBe('https://example.org');
    expect(safeHref('HTTP://EXAMPLE.ORG')).toBe('HTTP://EXAMPLE.ORG');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
    for (const bad of ['javascript:alert(1)', 'ftp://example.org', '//example.org', '/notes/1', 'https://a\nb', 42, null, undefined]) expect(safeHref(bad)).toBeNull();
  });

  it('the shared schema, the trust boundary, refuses control characters and whitespace in an address as the editor does', () => {
    const linked = (href: string) => RichDoc.safeParse({ type: 'doc', content: [p(text('x', [{ type: 'link', attrs: { href } }]))] });
    expect(linked('https://example.org/a?b=c').success).toBe(true);
    expect(linked('mailto:a@example.org').success).toBe(true);
    const bad = ['java\tscript:alert(1)', 'https://example.org/\u0000', '\u0000https://example.org', 'https://exa\nmple.org', 'https://exa mple.org', 'https://example.org\u007f', 'https://example.org/\u0085', ' https://example.org'];
    for (const href of bad) {
      const result = linked(href);
      expect(result.success, JSON.stringify(href)).toBe(false);
      expect(result.error?.issues.some((i) => i.message === 'validation.unsafeLink'), JSON.stringify(href)).toBe(true);
      // One rule: what the schema refuses, the editor's normaliser drops too (after trimming what is typed around it).
      if (href.trim() === href) expect(safeHref(href), JSON.stringify(href)).toBeNull();
    }
  });

  it('reads what a person types into the link dialog', () => {
    expect(linkFromInput('https://www.bmbf.de/en')).toBe('https://www.bmbf.de/en');
    expect(linkFromInput('example.org/path?q=1')).toBe('https://example.org/path?q=1');
    expect(linkFromInput('name@example.org')).toBe('mailto:name@example.org');
    expect(linkFromInput('mailto:name@example.org?subject=Hi')).toBe('mailto:name@example.org?subject=Hi');
    for (const bad of ['', '   ', 'javascript:alert(1)', 'not a link', 'https://', 'mailto:', 'mailto:nobody', 'file:///etc/passwd', 'ftp://example.org']) expect(linkFromInput(bad)).toBeNull();
  });
});
