// The cover page: kicker, title, subtitle, the facts, and the classification stamp with the version.
import type { Cover } from '../model';
import { theme } from '../theme';
import type { Canvas } from './core';
import { textAt } from './text';

export function drawCover(c: Canvas, cover: Cover) {
  c.hasCover = true;
  c.newPage();
  const doc = c.doc;
  const level = c.model.classification.level;
  c.artifact(() => {
    doc.rect(0, 0, c.pageWidth, 10).fill(theme.color.accent);
  });
  const sect = doc.struct('Sect');
  c.root.add(sect);
  let y = 190;
  c.add('P', () => {
    textAt(c, cover.kicker.toUpperCase(), 'semibold', theme.size.coverKicker, theme.color.accent, c.left, y, { width: c.width });
  }, {}, sect);
  y = doc.y + 10;
  c.add('H1', () => {
    textAt(c, cover.title, 'bold', theme.size.cover, theme.color.text, c.left, y, { width: c.width, lineGap: 2 });
  }, {}, sect);
  if (cover.subtitle) {
    y = doc.y + 8;
    c.add('P', () => {
      textAt(c, cover.subtitle!, 'regular', 13, theme.color.muted, c.left, y, { width: c.width, lineGap: 2 });
    }, {}, sect);
  }
  y = doc.y + 28;
  c.artifact(() => {
    doc.moveTo(c.left, y).lineTo(c.left + 120, y).lineWidth(1.5).stroke(theme.color.accent);
  });
  y += 18;
  const labelWidth = 150;
  for (const fact of cover.facts) {
    const rowY = y;
    c.add('P', () => {
      textAt(c, fact.label, 'semibold', 10, theme.color.muted, c.left, rowY, { width: labelWidth - 10, continued: false });
      textAt(c, fact.value, 'regular', 11, theme.color.text, c.left + labelWidth, rowY, { width: c.width - labelWidth });
    }, {}, sect);
    y = Math.max(doc.y, rowY + 14) + 6;
  }
  // Classification stamp and version at the foot of the cover.
  const boxY = c.pageHeight - 190;
  const color = theme.color.classification[level];
  c.artifact(() => {
    doc.roundedRect(c.left, boxY, 190, 30, 3).lineWidth(1.2).stroke(color);
  });
  c.add('P', () => {
    textAt(c, cover.classification.toUpperCase(), 'bold', 11, color, c.left, boxY + 9, { width: 190, align: 'center' });
  }, {}, sect);
  c.add('P', () => {
    textAt(c, cover.version, 'regular', 9, theme.color.muted, c.left, boxY + 44, { width: c.width });
  }, {}, sect);
  sect.end();
  // Content starts on the next page.
  c.newPage();
}
