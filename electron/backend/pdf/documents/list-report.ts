/**
 * The list report: the PDF an advisor hands to their head of department ("open cases by status",
 * "people in Kenya"). A title, the date, the filter and sort in words, and the list's shown columns
 * as one table whose header repeats on every page; running header and footer with the
 * classification the user chose (Internal by default) and page X of Y. Landscape when the columns would not fit upright.
 */
import { translator, type Language } from '../../../../shared/i18n';
import type { Block, ClassificationLevel, DocumentModel } from '../model';
import { formatDateTime } from './format';

export type ReportCell = string | number | { date: string } | null;

export interface ListReport {
  title: string;
  /** The filter in words; empty when nothing is filtered. */
  filter: string;
  /** "Sorted by Name, ascending." */
  sort: string;
  columns: Array<{ label: string; align?: 'right' }>;
  rows: ReportCell[][];
}

/** Text width of the page upright and turned (A4 less the margins), and what a character and a cell's padding take. */
const PORTRAIT = 463;
const LANDSCAPE = 709;
const CHAR = 6;
const PAD = 12;

const longestWord = (s: string) => Math.max(0, ...s.split(/\s+/).map((w) => w.length));
const p90 = (values: number[]) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!;
};

/**
 * Column widths in points from what the columns hold. Each column wants its usual cell on one line
 * (the 90th percentile of its lengths, capped, so one long note does not take the page) and needs at
 * least its longest header word and its usual longest word (a date, a code) unbroken. The page turns
 * to landscape when the wanted widths do not fit upright; what is left after every column's minimum
 * goes to the columns in proportion to how much more they want.
 */
export function columnLayout(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): { widths: number[]; orientation: 'portrait' | 'landscape' } {
  const sample = rows.slice(0, 2000);
  const want = headers.map((h, i) => Math.max(p90(sample.map((r) => (r[i] ?? '').length)) <= 12 ? Math.min(24, h.length) : longestWord(h), Math.min(36, p90(sample.map((r) => Math.max(...(r[i] ?? '').split('\n').map((l) => l.length)))))) * CHAR + PAD);
  // A column of short values (dates, codes, counts) keeps its whole header on one line: "Letzter Kontakt" over dates.
  const short = headers.map((_, i) => p90(sample.map((r) => (r[i] ?? '').length)) <= 12);
  const need = headers.map((h, i) => Math.max(short[i] ? Math.min(24, h.length) : longestWord(h), Math.min(12, p90(sample.map((r) => longestWord(r[i] ?? ''))))) * CHAR + PAD);
  const total = want.reduce((s, w) => s + w, 0);
  const orientation = total > PORTRAIT * 1.1 ? 'landscape' : 'portrait';
  const room = orientation === 'landscape' ? LANDSCAPE : PORTRAIT;
  if (total <= room) return { widths: want.map((w) => (w / total) * room), orientation };
  const floor = need.reduce((s, w) => s + w, 0);
  const extra = want.map((w, i) => Math.max(0, w - need[i]!));
  const extraTotal = extra.reduce((s, w) => s + w, 0) || 1;
  const left = Math.max(0, room - floor);
  return { widths: need.map((n, i) => n + (extra[i]! / extraTotal) * left), orientation };
}

/** Rows per table piece (see the table block's `continued`). */
const PIECE = 40;

const locale = (lang: Language) => (lang === 'de' ? 'de-DE' : 'en-GB');

export function listReportModel(report: ListReport, opts: { language: Language; generatedAt: Date; classification?: ClassificationLevel }): DocumentModel {
  const lang = opts.language;
  const t = translator(lang);
  // As the app's lists write dates: "26 Oct 2026" (unambiguous for any English reader), "26.10.2026".
  const days = new Intl.DateTimeFormat(locale(lang), lang === 'de' ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale(lang));
  const cell = (c: ReportCell): string => {
    if (c === null) return '—';
    if (typeof c === 'number') return numbers.format(c);
    if (typeof c === 'object') {
      const [y, m, d] = c.date.split('-').map(Number);
      return days.format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)));
    }
    return c;
  };
  const cells = report.rows.map((r) => r.map(cell));
  const layout = columnLayout(
    report.columns.map((c) => c.label),
    cells,
  );
  // The briefing book's levels and words: one marking vocabulary for every PDF the app prints.
  const level = opts.classification ?? 'internal';
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: report.title, toc: false },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: `${t('exports.report.generated', { date: formatDateTime(opts.generatedAt, lang) })} · ${t('exports.report.rows', { count: report.rows.length })}`,
    },
    { kind: 'paragraph', text: report.filter ? t('exports.report.filter', { filter: report.filter }) : t('exports.report.noFilter') },
    { kind: 'paragraph', text: report.sort, tone: 'muted' },
  ];
  // One table, in pieces of PIECE rows, so the layout yields to the event loop between them.
  const columns = report.columns.map((c, i) => ({ label: c.label, width: layout.widths[i]!, ...(c.align ? { align: c.align } : {}) }));
  for (let at = 0; at === 0 || at < cells.length; at += PIECE) blocks.push({ kind: 'table', columns, rows: cells.slice(at, at + PIECE), ...(at > 0 ? { continued: true } : {}) });
  return {
    title: report.title,
    subject: report.filter || undefined,
    language: lang,
    classification: { level, label: t(`book.classification.${level}`) },
    header: report.title,
    pageLabel: t('exports.report.page'),
    generatedAt: opts.generatedAt,
    orientation: layout.orientation,
    blocks,
  };
}
