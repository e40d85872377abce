/**
 * The portfolio report (issue 13, part 7): the cooperations as the Cooperations list selects them
 * (its filters — region, topic, status, group … — and optionally a period) summed up for a head of
 * department: totals, then cooperations by partner region, by topic and by status as vector charts
 * (bars and a donut), each followed by the same numbers as a table, then the list itself. Counting is
 * plain data (`portfolioFigures`, testable alone); the model gives it the briefing book's look.
 */
import { regionName, regionsOfCountry } from '../../../../shared/features/countries/regions';
import { cooperationStatuses, type CooperationListItem, type CooperationStatus } from '../../../../shared/features/cooperations/schema';
import { translator, type Language } from '../../../../shared/i18n';
import type { Block, ClassificationLevel, DocumentModel } from '../model';
import { barChart, donutChart } from './charts';
import { formatDate, formatDateTime } from './format';

/** The cooperation fields the report reads (a list row of `cooperations.list`). */
export type PortfolioRow = Pick<CooperationListItem, 'title' | 'status' | 'partners' | 'countries' | 'topics' | 'start' | 'end' | 'volume'>;

/** The outermost region a country lies in (Africa, Americas, Asia, Europe, Oceania), or null for an unknown code. */
export const continentOf = (country: string): string | null => regionsOfCountry(country).at(-1) ?? null;

export interface PortfolioFigures {
  total: number;
  volume: number;
  countries: number;
  /** Region code (or null: no partner country) and count, most first. */
  byRegion: Array<{ region: string | null; count: number }>;
  byTopic: Array<{ topic: string | null; count: number }>;
  byStatus: Array<{ status: CooperationStatus; count: number }>;
}

/** Counts over the rows: a cooperation with partners in several regions, or with several topics, counts once under each. */
export function portfolioFigures(rows: readonly PortfolioRow[]): PortfolioFigures {
  const regions = new Map<string | null, number>();
  const topics = new Map<string | null, number>();
  const statuses = new Map<CooperationStatus, number>();
  const countries = new Set<string>();
  let volume = 0;
  for (const r of rows) {
    const own = new Set(r.countries.map(continentOf).filter((x): x is string => !!x));
    if (own.size === 0) regions.set(null, (regions.get(null) ?? 0) + 1);
    for (const g of own) regions.set(g, (regions.get(g) ?? 0) + 1);
    if (r.topics.length === 0) topics.set(null, (topics.get(null) ?? 0) + 1);
    for (const t of new Set(r.topics)) topics.set(t, (topics.get(t) ?? 0) + 1);
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    for (const c of r.countries) countries.add(c);
    volume += r.volume ?? 0;
  }
  // Most first; "none" last whatever its count; then by name for a stable order.
  const order = <K extends string | null>(m: Map<K, number>) =>
    [...m.entries()].sort((a, b) => Number(a[0] === null) - Number(b[0] === null) || b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  return {
    total: rows.length,
    volume,
    countries: countries.size,
    byRegion: order(regions).map(([region, count]) => ({ region, count })),
    byTopic: order(topics).map(([topic, count]) => ({ topic, count })),
    byStatus: cooperationStatuses.filter((s) => statuses.has(s)).map((status) => ({ status, count: statuses.get(status)! })),
  };
}

export interface PortfolioInput {
  rows: readonly PortfolioRow[];
  /** The list's filter in words ("" when not filtered), as the list report writes it. */
  filter: string;
  period: { from: string | null; to: string | null };
}

const PIECE = 40;
const locale = (lang: Language) => (lang === 'de' ? 'de-DE' : 'en-GB');

export function portfolioReportModel(input: PortfolioInput, opts: { language: Language; generatedAt: Date; classification?: ClassificationLevel }): DocumentModel {
  const lang = opts.language;
  const t = translator(lang);
  const numbers = new Intl.NumberFormat(locale(lang));
  const fmt = (n: number) => numbers.format(n);
  const euros = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 });
  const percent = (share: number) => t('reports.percent', { value: Math.round(share * 1000) / 10 });
  const date = (iso: string) => formatDate(iso, lang);
  const f = portfolioFigures(input.rows);
  const level = opts.classification ?? 'internal';
  const label = t(`book.classification.${level}`);
  const title = t('reports.portfolio.title');
  const period = input.period.from || input.period.to ? t('reports.portfolio.period', { from: input.period.from ? date(input.period.from) : '…', to: input.period.to ? date(input.period.to) : '…' }) : '';
  const filter = [input.filter, period].filter(Boolean).join('; ');
  const countCol = { label: t('reports.count'), width: 1.2, align: 'right' as const };
  const shareCol = { label: t('reports.share'), width: 1.2, align: 'right' as const };
  const share = (n: number) => percent(f.total ? n / f.total : 0);

  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: t('reports.portfolio.totals') },
    { kind: 'paragraph', tone: 'muted', text: t('reports.generated', { date: formatDateTime(opts.generatedAt, lang) }) },
    { kind: 'paragraph', text: filter ? t('exports.report.filter', { filter }) : t('exports.report.noFilter') },
    {
      kind: 'fields',
      rows: [
        { label: t('reports.portfolio.cooperations'), value: fmt(f.total) },
        { label: t('reports.portfolio.volume'), value: euros.format(f.volume) },
        { label: t('reports.portfolio.countries'), value: fmt(f.countries) },
      ],
    },
  ];
  if (f.total > 0) {
    const regionLabel = (r: string | null) => (r ? regionName(r, lang) : t('reports.portfolio.noRegion'));
    blocks.push({ kind: 'heading', level: 1, text: t('reports.portfolio.byRegion') });
    blocks.push(barChart(f.byRegion.map((x) => ({ label: regionLabel(x.region), value: x.count })), { alt: t('reports.portfolio.regionChartAlt'), format: fmt }));
    blocks.push({ kind: 'table', columns: [{ label: t('reports.portfolio.region'), width: 5 }, countCol, shareCol], rows: f.byRegion.map((x) => [regionLabel(x.region), fmt(x.count), share(x.count)]) });

    const topicLabel = (x: string | null) => x ?? t('reports.portfolio.noTopic');
    blocks.push({ kind: 'heading', level: 1, text: t('reports.portfolio.byTopic') });
    blocks.push(barChart(f.byTopic.slice(0, 15).map((x) => ({ label: topicLabel(x.topic), value: x.count })), { alt: t('reports.portfolio.topicChartAlt'), format: fmt, color: '#2f8f83' }));
    blocks.push({ kind: 'table', columns: [{ label: t('reports.portfolio.topic'), width: 5 }, countCol, shareCol], rows: f.byTopic.map((x) => [topicLabel(x.topic), fmt(x.count), share(x.count)]) });
    blocks.push({ kind: 'paragraph', text: t('reports.portfolio.severalRegions'), tone: 'small' });

    const statusLabel = (s: CooperationStatus) => t(`cooperations.statuses.${s}`);
    blocks.push({ kind: 'heading', level: 1, text: t('reports.portfolio.byStatus') });
    blocks.push(donutChart(f.byStatus.map((x) => ({ label: statusLabel(x.status), value: x.count })), { alt: t('reports.portfolio.statusChartAlt'), format: fmt, percent }));
    blocks.push({ kind: 'table', columns: [{ label: t('reports.portfolio.status'), width: 5 }, countCol, shareCol], rows: f.byStatus.map((x) => [statusLabel(x.status), fmt(x.count), share(x.count)]) });

    blocks.push({ kind: 'pageBreak', ifFilled: 0.5 }, { kind: 'heading', level: 1, text: t('reports.portfolio.list') });
    const columns = [
      { label: t('reports.portfolio.title_'), width: 4.2 },
      { label: t('reports.portfolio.status'), width: 1.6 },
      { label: t('reports.portfolio.partners'), width: 3.2 },
      { label: t('reports.portfolio.dates'), width: 2.4 },
    ];
    const cells = input.rows.map((r) => [
      r.title,
      statusLabel(r.status),
      r.partners.join(', ') || '—',
      r.start || r.end ? `${r.start ? date(r.start) : '…'} – ${r.end ? date(r.end) : '…'}` : '—',
    ]);
    // One table in pieces, so a long layout yields to the event loop (and to Cancel) between them.
    for (let at = 0; at < cells.length; at += PIECE) blocks.push({ kind: 'table', columns, rows: cells.slice(at, at + PIECE), ...(at > 0 ? { continued: true } : {}) });
  }
  return {
    title,
    ...(filter ? { subject: filter } : {}),
    language: lang,
    classification: { level, label },
    header: title,
    pageLabel: t('reports.page'),
    generatedAt: opts.generatedAt,
    blocks,
  };
}
