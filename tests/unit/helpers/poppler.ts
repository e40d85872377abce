import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Poppler's command-line tools read a real PDF back: what a reader and a screen reader get. */
export function savePdf(dir: string, bytes: Uint8Array, name = 'out.pdf'): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export const pdftotext = (path: string, ...args: string[]) => execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });

/** Text of each page, in order. */
export function pageTexts(path: string): string[] {
  return pdftotext(path, '-layout').split('\f').slice(0, -1);
}

export function pdfinfo(path: string, ...args: string[]): Record<string, string> & { raw: string } {
  const raw = execFileSync('pdfinfo', [...args, path], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of raw.split('\n')) {
    const m = /^([A-Za-z ]+):\s+(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return Object.assign(info, { raw });
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdffonts(path: string): FontRow[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    // The last columns are fixed: emb sub uni object-id generation.
    const parts = line.trim().split(/\s+/);
    const [emb, sub, uni] = parts.slice(-5, -2);
    return { name: parts[0]!, type: parts.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

export interface Line {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every text line with its bounding box (pdftotext -bbox-layout). */
export function textLines(path: string): Line[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: Line[] = [];
  let page = 0;
  for (const chunk of html.split(/<page /).slice(1)) {
    page++;
    for (const m of chunk.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const text = [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
      lines.push({ page, text, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) });
    }
  }
  return lines;
}

/**
 * The cells of the table row whose first cell starts with `first` (the first such row after the line
 * `after`, if given), each cell's lines joined by a
 * space: the row runs from that line down to the next row's first cell (or the end of the table),
 * and a cell is the lines that start at the same x.
 */
export function rowCells(lines: Line[], first: string, after?: string): string[] {
  const from = after === undefined ? 0 : lines.findIndex((l) => l.text === after);
  const start = from < 0 ? undefined : lines.slice(from).find((l) => l.text.startsWith(first));
  if (!start) return [];
  const page = lines.filter((l) => l.page === start.page && l.y0 >= start.y0 - 0.5).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  // The row ends where the first column starts its next cell (after the row's padding, wider than
  // the gap between lines of one cell), or where text starts left of the table (a heading, the footer).
  let bottom = start.y1;
  let end = Infinity;
  for (const l of page) {
    if (l.y0 <= start.y0 || l.x0 > start.x0 + 1) continue;
    if (l.x0 < start.x0 - 1 || l.y0 - bottom > 4) {
      end = l.y0;
      break;
    }
    bottom = l.y1;
  }
  const inRow = page.filter((l) => l.y0 < end);
  const cells = new Map<number, string[]>();
  for (const l of inRow) {
    const x = [...cells.keys()].find((k) => Math.abs(k - l.x0) < 1) ?? l.x0;
    cells.set(x, [...(cells.get(x) ?? []), l.text]);
  }
  return [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, texts]) => texts.join(' '));
}
