import { z } from 'zod';

/**
 * Rich text is stored as a documented JSON document: the ProseMirror/Tiptap document format,
 * restricted to the nodes and marks below. Anything else is refused on the way in, so every
 * stored note can be rendered to screen, PDF and plain text.
 *
 *   doc        → block*
 *   block      → paragraph | heading(level 1–3) | bulletList | orderedList | blockquote | table | horizontalRule
 *   paragraph  → inline*            heading → inline*
 *   bulletList / orderedList → listItem+        listItem → block+
 *   table → tableRow+   tableRow → (tableHeader | tableCell)+   cell → block+
 *   inline     → text(marks: bold | italic | link(href http/https/mailto)) | hardBreak
 */
const SAFE_LINK_SCHEME = /^(https?:\/\/|mailto:)/i;
// Control characters and whitespace never belong inside a stored address; a browser would strip
// some of them and then read "java\tscript:" as a script URL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_LINK_CHARS = /[\u0000-\u0020\u007f-\u009f]/;
export const MAX_LINK_LENGTH = 2000;

/**
 * The one rule for a stored link address, at the trust boundary (this schema) and in the editor
 * (renderer/.../notes/normalise.ts): http(s) or mailto, at most 2,000 characters, and no control
 * character or whitespace anywhere in it.
 */
export function isSafeHref(href: string): boolean {
  return href.length > 0 && href.length <= MAX_LINK_LENGTH && !UNSAFE_LINK_CHARS.test(href) && SAFE_LINK_SCHEME.test(href);
}

const SafeHref = z.string().max(MAX_LINK_LENGTH).refine(isSafeHref, { message: 'validation.unsafeLink' });

export const RichMark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: SafeHref }) }),
]);

export const RichText = z.object({ type: z.literal('text'), text: z.string().min(1).max(100_000), marks: z.array(RichMark).max(5).optional() });
export const HardBreak = z.object({ type: z.literal('hardBreak') });
export const RichInline = z.discriminatedUnion('type', [RichText, HardBreak]);

export type RichInlineNode = z.infer<typeof RichInline>;
export type RichBlockNode =
  | { type: 'paragraph'; content?: RichInlineNode[] }
  | { type: 'heading'; attrs: { level: 1 | 2 | 3 }; content?: RichInlineNode[] }
  | { type: 'bulletList'; content: RichListItem[] }
  | { type: 'orderedList'; attrs?: { start?: number }; content: RichListItem[] }
  | { type: 'blockquote'; content: RichBlockNode[] }
  | { type: 'horizontalRule' }
  | { type: 'table'; content: RichTableRow[] };
export type RichListItem = { type: 'listItem'; content: RichBlockNode[] };
export type RichTableCell = { type: 'tableCell' | 'tableHeader'; attrs?: { colspan?: number; rowspan?: number }; content: RichBlockNode[] };
export type RichTableRow = { type: 'tableRow'; content: RichTableCell[] };

const inlines = z.array(RichInline).max(10_000).optional();

export const RichBlock: z.ZodType<RichBlockNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), content: inlines }),
    z.object({ type: z.literal('heading'), attrs: z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }), content: inlines }),
    z.object({ type: z.literal('bulletList'), content: z.array(ListItem).min(1) }),
    z.object({ type: z.literal('orderedList'), attrs: z.object({ start: z.number().int().min(0).optional() }).optional(), content: z.array(ListItem).min(1) }),
    z.object({ type: z.literal('blockquote'), content: z.array(RichBlock).min(1) }),
    z.object({ type: z.literal('horizontalRule') }),
    z.object({ type: z.literal('table'), content: z.array(TableRow).min(1) }),
  ]),
);

const ListItem: z.ZodType<RichListItem> = z.lazy(() => z.object({ type: z.literal('listItem'), content: z.array(RichBlock).min(1) }));
const TableCell: z.ZodType<RichTableCell> = z.lazy(() =>
  z.object({
    type: z.enum(['tableCell', 'tableHeader']),
    attrs: z.object({ colspan: z.number().int().min(1).max(50).optional(), rowspan: z.number().int().min(1).max(500).optional() }).optional(),
    content: z.array(RichBlock).min(1),
  }),
);
const TableRow: z.ZodType<RichTableRow> = z.lazy(() => z.object({ type: z.literal('tableRow'), content: z.array(TableCell).min(1) }));

export const RichDoc = z.object({ type: z.literal('doc'), content: z.array(RichBlock).max(20_000) });
export type RichDoc = z.infer<typeof RichDoc>;
