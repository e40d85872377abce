// Page decoration: the running header and the footer with the classification and "page X of Y".
import { theme } from '../theme';
import type { Canvas } from './core';
import { textAt } from './text';

/** Running header and footer on every page, drawn last so "page X of Y" knows Y. */
export function decoratePages(c: Canvas) {
  const doc = c.doc;
  const { count } = doc.bufferedPageRange();
  const level = c.model.classification.level;
  const color = theme.color.classification[level];
  for (let i = 0; i < count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing into the margin must not start a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    const headerY = theme.headerY;
    if (!(c.hasCover && i === 0)) {
      textAt(c, c.model.header, 'regular', theme.size.header, theme.color.muted, c.left, headerY, { width: c.width * 0.7, lineBreak: false, ellipsis: true, height: 12 });
      textAt(c, c.model.classification.label.toUpperCase(), 'bold', theme.size.header, color, c.left, headerY, { width: c.width, align: 'right', lineBreak: false });
      doc.moveTo(c.left, headerY + 14).lineTo(c.left + c.width, headerY + 14).lineWidth(0.5).stroke(theme.color.rule);
    }
    const footerY = c.pageHeight - theme.footerGap;
    doc.moveTo(c.left, footerY - 8).lineTo(c.left + c.width, footerY - 8).lineWidth(0.5).stroke(theme.color.rule);
    textAt(c, c.model.classification.label.toUpperCase(), 'bold', theme.size.header, color, c.left, footerY, { width: c.width / 2, lineBreak: false });
    c.use('regular', theme.size.header, theme.color.muted);
    const label = c.model.pageLabel.replace('{{page}}', String(i + 1)).replace('{{pages}}', String(count));
    doc.text(label, c.left, footerY, { width: c.width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = savedBottom;
  }
}
