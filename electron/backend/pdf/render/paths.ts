// Vector paths as PDF path operators, made once per path: a country map is some thousand points per
// neighbour, and pdfkit's SVG path parser turns each into objects and a content write of its own in
// every export. Polylines (M, L, Z: what d3-geo draws) are turned into the operators pdfkit would write,
// number for number, and kept; anything else (curves, arcs, relative commands) goes to pdfkit as before.
import type { Doc } from './core';

/** pdfkit's number format in content streams (PDFObject.number): at most six decimals. */
const pdfNumber = (n: number) => {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`);
  return Math.round(n * 1e6) / 1e6;
};

/** Only these characters: absolute moveto, lineto and closepath, numbers, commas and spaces. */
const polylineChars = /^[MLZ\d.,\-+e\s]*$/;
const token = /[MLZ]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g;

/** The operators for an absolute polyline path, or null for a path pdfkit has to parse itself. */
export function polylineOperators(d: string): string | null {
  if (!/^\s*M/.test(d) || !polylineChars.test(d)) return null;
  const ops: string[] = [];
  let command = '';
  let x: number | null = null;
  for (const t of d.match(token) ?? []) {
    if (t === 'M' || t === 'L' || t === 'Z') {
      if (x !== null) return null;
      command = t;
      if (t === 'Z') ops.push('h');
      continue;
    }
    if (command === 'Z') return null;
    if (x === null) {
      x = Number.parseFloat(t);
      continue;
    }
    ops.push(`${pdfNumber(x)} ${pdfNumber(Number.parseFloat(t))} ${command === 'M' ? 'm' : 'l'}`);
    x = null;
    // Further pairs after a moveto are linetos, as in SVG.
    if (command === 'M') command = 'L';
  }
  return x === null && ops.length ? ops.join('\n') : null;
}

/** Bounded by characters kept (path data and operators; about 2 bytes each): emptied when full. */
const CHARS_KEPT = 8_000_000;
const operators = new Map<string, string | null>();
let chars = 0;

/** Adds a path to the document (to be filled or stroked next), as `doc.path(d)` would. */
export function addPath(doc: Doc, d: string): void {
  let ops = operators.get(d);
  if (ops === undefined) {
    ops = polylineOperators(d);
    const size = d.length + (ops?.length ?? 0);
    if (chars + size > CHARS_KEPT) {
      operators.clear();
      chars = 0;
    }
    // A path larger than the whole budget is converted each time, never kept.
    if (size <= CHARS_KEPT) {
      operators.set(d, ops);
      chars += size;
    }
  }
  if (ops === null) doc.path(d);
  else doc.addContent(ops);
}
