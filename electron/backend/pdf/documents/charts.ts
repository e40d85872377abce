/**
 * Charts for the reports (country dossier, portfolio report) as document-model figures: bars and a
 * donut drawn as vector paths (the figure block's shapes, so pdfkit draws them as path operators, sharp
 * at any zoom and cheap in bytes), every bar and slice labelled with its name and number. A chart is
 * never the only carrier of its numbers: the documents print the same counts as a table beside it,
 * for screen readers and for copying.
 */
import type { Block, Shape } from '../model';

export interface ChartDatum {
  label: string;
  value: number;
}

/** Distinguishable on paper and in grey: the theme's blue first, then colours that keep AA against white text-free fills. */
export const chartPalette = ['#1f4e79', '#2f8f83', '#c17d11', '#8e3b74', '#5b7f2e', '#a11d2b', '#4f6d8f', '#7a5c3e', '#3d3d8f', '#6b6b6b'];

const WIDTH = 460;
const ROW = 18;
const LABEL = 170;
const NUMBER = 40;

/** A label that fits its column: cut at a character boundary (never inside a surrogate pair) with an ellipsis. */
export function fitLabel(label: string, max = 30): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

const num = (n: number) => Math.round(n * 10) / 10;
const rect = (x: number, y: number, w: number, h: number) => `M${num(x)} ${num(y)} L${num(x + w)} ${num(y)} L${num(x + w)} ${num(y + h)} L${num(x)} ${num(y + h)} Z`;

/**
 * Horizontal bars, one row per datum in the order given: the label left, the bar, its number at the
 * bar's end. A zero draws no bar but keeps its row and number. `format` writes the numbers in the
 * document's language.
 */
export function barChart(data: readonly ChartDatum[], opts: { alt: string; caption?: string; format: (n: number) => string; color?: string }): Block {
  const max = Math.max(0, ...data.map((d) => d.value));
  const barRoom = WIDTH - LABEL - NUMBER - 8;
  const shapes: Shape[] = [];
  // The axis: a thin rule where the bars start.
  shapes.push({ kind: 'path', d: `M${LABEL} 2 L${LABEL} ${data.length * ROW + 2}`, stroke: '#8a94a3', lineWidth: 0.6 });
  data.forEach((d, i) => {
    const y = i * ROW + 4;
    const w = max > 0 ? (d.value / max) * barRoom : 0;
    shapes.push({ kind: 'label', x: 0, y: y + 1, text: fitLabel(d.label), size: 8.5 });
    if (w > 0) shapes.push({ kind: 'path', d: rect(LABEL + 1, y, Math.max(1, w), ROW - 6), fill: opts.color ?? chartPalette[0] });
    shapes.push({ kind: 'label', x: LABEL + 4 + w, y: y + 1, text: opts.format(d.value), size: 8.5 });
  });
  return { kind: 'figure', alt: opts.alt, width: WIDTH, height: Math.max(1, data.length) * ROW + 6, shapes, ...(opts.caption ? { caption: opts.caption } : {}) };
}

/** A point on the circle around (cx, cy) at the fraction `f` of a turn, clockwise from twelve o'clock. */
function at(cx: number, cy: number, r: number, f: number): [number, number] {
  const a = f * 2 * Math.PI - Math.PI / 2;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
}

/** One slice of a ring from fraction a to b (at most a whole turn less a hair, so the arc stays defined). */
function ringSlice(cx: number, cy: number, outer: number, inner: number, a: number, b: number): string {
  const end = Math.min(b, a + 0.99999);
  const large = end - a > 0.5 ? 1 : 0;
  const [x1, y1] = at(cx, cy, outer, a);
  const [x2, y2] = at(cx, cy, outer, end);
  const [x3, y3] = at(cx, cy, inner, end);
  const [x4, y4] = at(cx, cy, inner, a);
  return `M${num(x1)} ${num(y1)} A${outer} ${outer} 0 ${large} 1 ${num(x2)} ${num(y2)} L${num(x3)} ${num(y3)} A${inner} ${inner} 0 ${large} 0 ${num(x4)} ${num(y4)} Z`;
}

/**
 * A donut: one slice per datum with a value, clockwise from twelve o'clock in the order given, the
 * total in the middle, and a legend (colour, label, number, share) to the right.
 */
export function donutChart(data: readonly ChartDatum[], opts: { alt: string; caption?: string; format: (n: number) => string; percent: (share: number) => string; centre?: string }): Block {
  const total = data.reduce((s, d) => s + d.value, 0);
  const r = 70;
  const cx = r + 10;
  const cy = r + 10;
  const shapes: Shape[] = [];
  if (total > 0) {
    let from = 0;
    data.forEach((d, i) => {
      if (d.value <= 0) return;
      const to = from + d.value / total;
      shapes.push({ kind: 'path', d: ringSlice(cx, cy, r, r * 0.55, from, to), fill: chartPalette[i % chartPalette.length]!, stroke: '#ffffff', lineWidth: 0.8 });
      from = to;
    });
  } else {
    shapes.push({ kind: 'path', d: ringSlice(cx, cy, r, r * 0.55, 0, 1), fill: '#dfe4ea' });
  }
  const centre = opts.centre ?? opts.format(total);
  shapes.push({ kind: 'label', x: cx - centre.length * 3.2, y: cy - 6, text: centre, size: 11, color: '#1d232b' });
  const legendX = 2 * r + 40;
  data.forEach((d, i) => {
    const y = 12 + i * 16;
    shapes.push({ kind: 'path', d: rect(legendX, y, 9, 9), fill: chartPalette[i % chartPalette.length]! });
    shapes.push({ kind: 'label', x: legendX + 15, y: y - 0.5, text: fitLabel(d.label, 34), size: 8.5 });
    shapes.push({ kind: 'label', x: WIDTH - 70, y: y - 0.5, text: `${opts.format(d.value)} · ${opts.percent(total > 0 ? d.value / total : 0)}`, size: 8.5 });
  });
  const height = Math.max(2 * r + 20, 16 * data.length + 20);
  return { kind: 'figure', alt: opts.alt, width: WIDTH, height, shapes, ...(opts.caption ? { caption: opts.caption } : {}) };
}
