import type { Extensions } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { safeHref } from './normalise';

/**
 * The editor's schema is the stored format (shared/schemas/richtext.ts) and nothing more, so
 * what a person can type, paste or shortcut into a note is always what the backend accepts:
 * no strike, code, underline, code blocks or deep headings; links only to http(s) and mailto.
 */
export function noteExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      strike: false,
      code: false,
      codeBlock: false,
      underline: false,
      link: {
        openOnClick: false,
        // Typed addresses stay text until linked on purpose (Ctrl+K); with autolink on, the link
        // mark would also spread to whatever is typed after a link.
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => safeHref(url) !== null,
        // Stored links carry only their address; the view decides how they open.
        HTMLAttributes: { target: null, rel: 'noopener noreferrer', class: null },
      },
    }),
    // Column widths are not part of the format, so columns are not resizable.
    Table.configure({ resizable: false, allowTableNodeSelection: false }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}
