// Text: breaking rich text into lines (explicit breaks, long e-mail addresses and URLs), measuring
// it, and drawing it with pdfkit or, for other scripts, with the typesetter of text-runs.ts.
import { fontKey, type FontFace } from '../fonts';
import type { RichText, Run } from '../model';
import type { SetLine, Span } from '../text-runs';
import { theme } from '../theme';
import type { Canvas } from './core';

type SetAlign = 'left' | 'right' | 'center' | 'justify' | undefined;

/** Control characters other than tab and newline make pdfkit draw boxes; they never belong in a document. */
// eslint-disable-next-line no-control-regex
export const clean = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

/** Rich text split at its explicit line breaks, each line a list of styled runs. */
function segmentsOf(text: RichText, face: FontFace): Run[][] {
  const runs: Run[] = typeof text === 'string' ? [{ text, bold: face === 'bold' || face === 'semibold', italic: face === 'italic' }] : text;
  const out: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part) out[out.length - 1]!.push({ ...run, text: part });
    });
  }
  return out.length ? out : [[]];
}

/** Where a long token may break: after '@', '/' and '-', and before a '.' (never at its start). */
const breakPoints = /(?<=[@/-])(?=.)|(?<=[^.])(?=\.)/;
const breakable = /[@./-]/;
const longTokens = new Map<number, RegExp>();
/** Matches a run of at least n characters without a space (cached per n). */
function longToken(n: number): RegExp {
  let re = longTokens.get(n);
  if (!re) longTokens.set(n, (re = new RegExp(`\\S{${n},}`)));
  return re;
}

/**
 * Height of rich text as drawn: each line segment (between explicit line breaks) is measured in
 * the boldest face it uses, so mixed runs never come out taller than measured.
 */
export function heightOf(c: Canvas, text: RichText, width: number, size: number, face: FontFace = 'regular', lineGap = theme.lineGap.body) {
  const key = heightKey(text, width, size, face, lineGap);
  const known = heights.get(key);
  if (known !== undefined) return known;
  let height = 0;
  let simple = true;
  for (const segment of breakLines(c, text, face, width, size)) {
    const complex = complexLines(c, segment, face, width, size, lineGap);
    if (complex) {
      simple = false;
      height += c.ts.height(complex, { size, width, lineGap });
      continue;
    }
    const bold = segment.some((r) => r.bold);
    const italic = segment.every((r) => r.italic);
    c.use(bold ? (face === 'semibold' ? 'semibold' : 'bold') : italic ? 'italic' : face === 'semibold' ? 'semibold' : 'regular', size);
    height += c.doc.heightOfString(clean(segment.map((r) => r.text).join('')) || ' ', { width, lineGap });
  }
  // Text other scripts set is measured per document: measuring it registers the fallback fonts it needs.
  if (simple && key.length <= HEIGHT_KEYS_CHARS) {
    if (heightChars + key.length > HEIGHT_KEYS_CHARS) {
      heights.clear();
      heightChars = 0;
    }
    heights.set(key, height);
    heightChars += key.length;
  }
  return height;
}

/**
 * Heights of text pdfkit sets alone, per process: they depend only on the text, face, size, width and
 * line gap (the fonts are the same in every document), and a table row or a heading kept with what
 * follows is measured before it is drawn, in every export again. Bounded by the characters of the
 * keys (about 2 bytes each): emptied when full.
 */
const heights = new Map<string, number>();
const HEIGHT_KEYS_CHARS = 4_000_000;
let heightChars = 0;
function heightKey(text: RichText, width: number, size: number, face: FontFace, lineGap: number): string {
  const runs = typeof text === 'string' ? text : text.map((r) => `${r.bold ? 'b' : ''}${r.italic ? 'i' : ''}\u0002${r.text}`).join('\u0003');
  return `${face}\u0001${size}\u0001${width}\u0001${lineGap}\u0001${typeof text === 'string' ? 's' : 'r'}\u0001${runs}`;
}

/**
 * A line segment in other scripts (or anything pdfkit cannot set alone) laid out by the
 * typesetter; null for plain Latin, Greek and Cyrillic, which pdfkit sets as it always has.
 */
export function complexLines(c: Canvas, segment: Run[], face: FontFace, width: number, size: number, lineGap: number, align?: SetAlign): SetLine[] | null {
  const spans: Span[] = segment.map((run) => ({ text: clean(run.text), face: runFace(run, face) }));
  if (c.ts.isSimple(spans.map((s) => s.text).join(''))) return null;
  return c.ts.layout(spans, { size, width, lineGap, align });
}

/**
 * Text in one face at (x, y), leaving doc.y below it: what pdfkit's doc.text does, for text in any
 * script (anything but plain Latin, Greek and Cyrillic goes through the typesetter).
 */
export function textAt(c: Canvas, text: string, face: FontFace, size: number, color: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions = {}) {
  const t = clean(text);
  if (c.ts.isSimple(t)) {
    c.use(face, size, color);
    c.doc.text(t, x, y, opts);
    return;
  }
  const set = { size, width: opts.width ?? c.width, lineGap: opts.lineGap ?? 0, align: opts.align as SetAlign };
  const lines =
    opts.lineBreak === false
      ? [opts.ellipsis ? c.ts.fitLine([{ text: t, face }], set) : c.ts.layout([{ text: t, face }], { ...set, width: Infinity })[0]!]
      : t.split('\n').flatMap((part) => c.ts.layout([{ text: part, face }], set));
  c.ts.draw(lines, x, y, { ...set, color, goTo: opts.goTo, destination: opts.destination });
}

/** Width of one line of text in a face. */
export function widthOf(c: Canvas, text: string, face: FontFace, size: number): number {
  if (c.ts.isSimple(text)) {
    c.use(face, size);
    return c.doc.widthOfString(text);
  }
  return c.ts.layout([{ text, face }], { size, width: Infinity, lineGap: 0 })[0]!.width;
}

export function runFace(run: Run, face: FontFace): FontFace {
  return run.bold ? (face === 'semibold' ? 'semibold' : run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : face === 'semibold' ? 'semibold' : 'regular';
}

/**
 * Rich text as the lines it is drawn in: split at its explicit line breaks, and with a custom
 * line-breaker for tokens wider than the line (e-mail addresses, URLs, domain names). pdfkit would
 * break those between any two letters; here they break after '@' if that is enough, otherwise at
 * the last '@', '/', '-' or before the last '.' that fits. The breaks exist only in the drawn text
 * (as line ends): the model keeps the address whole and no invisible characters reach the PDF.
 */
export function breakLines(c: Canvas, text: RichText, face: FontFace, width: number, size: number): Run[][] {
  const segments = segmentsOf(text, face);
  // Nothing is wider than about 1 em per character, so shorter tokens always fit.
  const minChars = Math.max(1, Math.floor(width / (size * 1.05)));
  const candidate = (token: string) => token.length >= minChars && breakable.test(token);
  const long = longToken(minChars);
  const hasCandidate = (run: Run) => breakable.test(run.text) && long.test(run.text) && run.text.split(/\s+/).some(candidate);
  if (!segments.some((segment) => segment.some(hasCandidate))) return segments;
  const out: Run[][] = [];
  for (const segment of segments) {
    let line: Run[] = [];
    for (const run of segment) {
      let current = '';
      for (const token of run.text.split(/(\s+)/)) {
        const pieces = candidate(token) ? breakToken(c, token, runFace(run, face), width, size) : [token];
        pieces.forEach((piece, k) => {
          if (k > 0) {
            if (current) line.push({ ...run, text: current });
            out.push(line);
            line = [];
            current = '';
          }
          current += piece;
        });
      }
      if (current) line.push({ ...run, text: current });
    }
    out.push(line);
  }
  return out;
}

/** One token as the pieces that each fit the width (a piece that cannot be broken is left to pdfkit). */
export function breakToken(c: Canvas, token: string, face: FontFace, width: number, size: number): string[] {
  c.doc.font(fontKey[face]).fontSize(size);
  const fits = (s: string) => c.doc.widthOfString(s) <= width;
  if (fits(token)) return [token];
  const at = token.lastIndexOf('@');
  if (at > 0 && at < token.length - 1 && fits(token.slice(0, at + 1)) && fits(token.slice(at + 1))) return [token.slice(0, at + 1), token.slice(at + 1)];
  const pieces: string[] = [];
  let current = '';
  for (const atom of token.split(breakPoints)) {
    if (current && !fits(current + atom)) {
      pieces.push(current);
      current = atom;
    } else current += atom;
  }
  pieces.push(current);
  return pieces;
}

/** Draws rich text at (x, y) within width, line segment by line segment; leaves doc.y below it. */
export function drawRich(c: Canvas, text: RichText, x: number, y: number, width: number, size: number, color: string, face: FontFace = 'regular', extra: PDFKit.Mixins.TextOptions = {}) {
  const opts = { width, lineGap: theme.lineGap.body, ...extra };
  let top = y;
  for (const segment of breakLines(c, text, face, width, size)) {
    if (segment.every((r) => r.text === '')) {
      c.use('regular', size, color);
      top += c.doc.heightOfString(' ', opts);
      c.doc.y = top;
      continue;
    }
    const complex = complexLines(c, segment, face, width, size, opts.lineGap, opts.align as SetAlign);
    if (complex) {
      top = c.ts.draw(complex, x, top, { size, width, lineGap: opts.lineGap, align: opts.align as SetAlign, color });
      continue;
    }
    segment.forEach((run, i) => {
      c.use(runFace(run, face), size, color);
      const continued = i < segment.length - 1;
      if (i === 0) c.doc.text(clean(run.text), x, top, { ...opts, continued });
      else c.doc.text(clean(run.text), { ...opts, continued });
    });
    top = c.doc.y;
  }
  c.doc.y = top;
}
