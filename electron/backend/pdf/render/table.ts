// Tables and field lists: column widths, row heights measured once, rows that never split, and the
// header repeated on continuation pages.
import type { FontFace } from '../fonts';
import type { Block, RichText, TableColumn } from '../model';
import { theme } from '../theme';
import type { Canvas, Struct } from './core';
import { drawRich, heightOf } from './text';

export function columnWidths(c: Canvas, columns: TableColumn[]): number[] {
  const total = columns.reduce((s, col) => s + col.width, 0) || 1;
  return columns.map((col) => (col.width / total) * c.width);
}

export function fieldWidths(c: Canvas): number[] {
  return [c.width * 0.3, c.width * 0.7];
}

export function measure(c: Canvas, block: Extract<Block, { kind: 'table' | 'fields' }>): { header: number; rows: number[] } {
  let m = c.measured.get(block);
  if (!m) {
    if (block.kind === 'fields') {
      const widths = fieldWidths(c);
      m = { header: 0, rows: block.rows.map((r) => rowHeight(c, [r.label, r.value], widths)) };
    } else {
      const widths = columnWidths(c, block.columns);
      m = { header: block.header === false ? 0 : rowHeight(c, block.columns.map((col) => col.label), widths, 'semibold'), rows: block.rows.map((r) => rowHeight(c, r, widths)) };
    }
    c.measured.set(block, m);
  }
  return m;
}

export function rowHeight(c: Canvas, cells: RichText[], widths: number[], face: FontFace = 'regular') {
  let h = 0;
  cells.forEach((cell, i) => {
    h = Math.max(h, heightOf(c, cell, widths[i]! - 2 * theme.cell.padX, theme.size.body - 0.5, face, 2));
  });
  return h + 2 * theme.cell.padY;
}

export function drawRow(c: Canvas, table: Struct, cells: RichText[], widths: number[], height: number, opts: { header: boolean; rowHeader?: boolean; shade?: string; tagged: boolean; aligns?: Array<'left' | 'right' | undefined> }) {
  const doc = c.doc;
  const y = doc.y;
  c.artifact(() => {
    if (opts.shade) doc.rect(c.left, y, c.width, height).fill(opts.shade);
    doc.moveTo(c.left, y + height).lineTo(c.left + c.width, y + height).lineWidth(0.5).stroke(theme.color.rule);
  });
  const drawCell = (cell: RichText, i: number) => () => {
    const x = c.left + widths.slice(0, i).reduce((s, w) => s + w, 0) + theme.cell.padX;
    const face: FontFace = opts.header || (opts.rowHeader && i === 0) ? 'semibold' : 'regular';
    const color = opts.rowHeader && i === 0 ? theme.color.muted : theme.color.text;
    drawRich(c, cell, x, y + theme.cell.padY, widths[i]! - 2 * theme.cell.padX, theme.size.body - 0.5, color, face, {
      lineGap: 2,
      align: opts.aligns?.[i] ?? 'left',
    });
  };
  if (opts.tagged) {
    const tr = doc.struct('TR');
    table.add(tr);
    cells.forEach((cell, i) => {
      const th = opts.header || (opts.rowHeader && i === 0);
      tr.add(doc.struct(th ? 'TH' : 'TD', {}, drawCell(cell, i)));
    });
    tr.end();
  } else {
    // A header repeated on a continuation page is a visual aid, not content.
    c.artifact(() => cells.forEach((cell, i) => drawCell(cell, i)()));
  }
  doc.y = y + height;
}

interface Piece {
  /** This block continues an open table. */
  continued: boolean;
  /** The next block continues this one: leave the table open. */
  more: boolean;
}

function drawTable(
  c: Canvas,
  columns: TableColumn[] | null,
  rows: RichText[][],
  widths: number[],
  heights: { header: number; rows: number[] },
  rowHeader: boolean,
  keepTogether = false,
  piece: Piece = { continued: false, more: false },
) {
  const doc = c.doc;
  const headerHeight = columns ? heights.header : 0;
  if (keepTogether) {
    const total = headerHeight + heights.rows.reduce((s, h) => s + h, 0);
    if (total <= c.bottom - c.top) c.ensureSpace(total);
  }
  const open = piece.continued ? c.openTable : null;
  const table = open?.struct ?? doc.struct('Table');
  if (!open) c.root.add(table);
  const offset = open?.rows ?? 0;
  const header = columns?.map((col) => col.label) ?? null;
  const aligns = columns?.map((col) => col.align);
  if (!open) {
    c.ensureSpace(headerHeight + (heights.rows[0] ?? 0));
    if (header) drawRow(c, table, header, widths, headerHeight, { header: true, shade: theme.color.tableHeader, tagged: true, aligns });
  }
  rows.forEach((row, r) => {
    const h = heights.rows[r]!;
    // Rows never split: a row that does not fit starts the next page, under a repeated header.
    if (doc.y + h > c.bottom && doc.y > c.top + headerHeight + 1) {
      c.newPage();
      if (header) drawRow(c, table, header, widths, headerHeight, { header: true, shade: theme.color.tableHeader, tagged: false, aligns });
    }
    drawRow(c, table, row, widths, h, { header: false, rowHeader, shade: (offset + r) % 2 === 1 ? theme.color.zebra : undefined, tagged: true, aligns });
  });
  if (piece.more) {
    c.openTable = { struct: table, rows: offset + rows.length };
    return;
  }
  c.openTable = null;
  table.end();
  doc.y += theme.space.block;
}

export function dataTable(c: Canvas, block: Extract<Block, { kind: 'table' }>, next?: Block) {
  const piece = { continued: !!block.continued && !!c.openTable, more: next?.kind === 'table' && !!next.continued };
  drawTable(c, block.header === false ? null : block.columns, block.rows, columnWidths(c, block.columns), measure(c, block), false, false, piece);
}

export function fields(c: Canvas, block: Extract<Block, { kind: 'fields' }>) {
  drawTable(c, null, block.rows.map((r) => [r.label, r.value]), fieldWidths(c), measure(c, block), true, block.keepTogether);
}
