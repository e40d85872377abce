/**
 * The country dossier (issue 13, part 7): everything the workspace knows about one country as one
 * PDF for a head of department — the profile with the map (the briefing book's pieces), the strategy
 * priority and its goals, the cooperations with partners there by topic and by status (tables and
 * vector bar charts), the people there in their current positions, the recent timeline, the open
 * cases and the delegation trips, past and planned. Gathered here as plain numbers and rows
 * (`gatherDossier`, testable on its own) and turned into a document model with the briefing book's
 * cover, contents, typography and classification marking.
 */
import { countryName } from '../../../../shared/features/countries/names';
import { regionName, regionsOfCountry } from '../../../../shared/features/countries/regions';
import { cooperationStatuses, type CooperationStatus } from '../../../../shared/features/cooperations/schema';
import { displayName, isCurrentPosition } from '../../../../shared/features/contacts/schema';
import { translator, type Language } from '../../../../shared/i18n';
import type { Database } from '../../../../shared/schemas/database';
import { byId, indexes } from '../../records/indexes';
import type { Block, ClassificationLevel, DocumentModel } from '../model';
import { countryMapFigure } from './book/country-profile';
import { barChart } from './charts';
import { formatDate, formatDateTime } from './format';

/**
 * A strategy priority as the `priorities` collection stores it (shared/features/priorities/schema.ts):
 * only the fields the dossier prints.
 */
export interface PriorityLike {
  country: string | null;
  region: string | null;
  level: number;
  start: string | null;
  end: string | null;
  title: string;
  goals: string | readonly string[];
  topics: readonly string[];
  noteIds?: readonly string[];
}

/** The workspace's strategy priorities (only iterated with `filter`). */
export function prioritiesOf(db: Database): { filter(pick: (p: PriorityLike) => boolean): PriorityLike[] } {
  return db.priorities;
}

/** How far back the dossier's timeline reaches (days) and how many entries it prints at most. */
export const TIMELINE_DAYS = 365;
export const TIMELINE_MAX = 40;

const dayBefore = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export interface DossierData {
  code: string;
  /** Priorities for the country, or for a region it lies in, current on the day; the country's own first, then by level. */
  priorities: Array<PriorityLike & { viaRegion: string | null }>;
  cooperations: { total: number; byTopic: Array<{ topic: string; count: number }>; byStatus: Array<{ status: CooperationStatus; count: number }> };
  organisations: Array<{ name: string; city: string; kind: string; people: number }>;
  people: Array<{ name: string; nativeName: string; role: string; organisation: string; lastContact: string | null }>;
  timeline: Array<{ date: string; kind: string; title: string; caseTitle: string | null }>;
  timelineSince: string;
  openCases: Array<{ reference: string; title: string; status: string; dueOn: string | null }>;
  trips: { planned: Array<{ title: string; startDate: string; endDate: string }>; past: Array<{ title: string; startDate: string; endDate: string }> };
}

/** What the dossier prints about one country, as plain data (the model below only words and lays it out). */
export function gatherDossier(db: Database, code: string, today: string): DossierData {
  const ix = indexes(db);
  const regions = regionsOfCountry(code);
  const priorities = prioritiesOf(db)
    .filter((p) => (p.country === code || (p.country === null && !!p.region && regions.includes(p.region))) && (!p.start || p.start <= today) && (!p.end || p.end >= today))
    .map((p) => ({ ...p, viaRegion: p.country === code ? null : p.region }))
    .sort((a, b) => Number(a.viaRegion !== null) - Number(b.viaRegion !== null) || a.level - b.level || a.title.localeCompare(b.title));

  // Cooperations with a partner organisation in the country (its country comes from the organisation's record).
  const orgs = byId(db.organisations);
  const coops = db.cooperations.filter((c) => c.partners.some((id) => orgs.get(id)?.country === code));
  const topicCounts = new Map<string, number>();
  for (const c of coops) for (const t of c.topics) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
  const statusCounts = new Map<CooperationStatus, number>();
  for (const c of coops) statusCounts.set(c.status, (statusCounts.get(c.status) ?? 0) + 1);

  const here = db.organisations.filter((o) => o.country === code);
  const organisations = here
    .map((o) => ({ name: o.name, city: o.city, kind: o.kind, people: ix.positionsAt(o.id).filter((p) => isCurrentPosition(p, today)).length }))
    .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name))
    .slice(0, 40);
  // People in a current position at an organisation there, most recently in touch first; each once.
  const seen = new Set<string>();
  const people = here
    .flatMap((o) => ix.positionsAt(o.id).filter((p) => isCurrentPosition(p, today)).map((p) => ({ p, o, c: ix.contact(p.contactId) })))
    .flatMap((x) => (x.c ? [{ ...x, c: x.c, last: ix.lastContact(x.c.id) }] : []))
    .sort((a, b) => (b.last ?? '').localeCompare(a.last ?? '') || displayName(a.c).localeCompare(displayName(b.c)))
    .filter((x) => !seen.has(x.c.id) && !!seen.add(x.c.id))
    .slice(0, 60)
    .map(({ c, p, o, last }) => ({ name: displayName(c), nativeName: c.nativeName, role: p.role, organisation: o.name, lastContact: last }));

  // The timeline: entries of the last year on cases about the country or with people there.
  const since = dayBefore(today, TIMELINE_DAYS);
  const cases = db.cases.filter((c) => c.countries.includes(code));
  const caseIds = new Set(cases.map((c) => c.id));
  const peopleThere = new Set(here.flatMap((o) => ix.positionsAt(o.id).map((p) => p.contactId)));
  const timeline = db.activities
    .filter((a) => a.date >= since && a.date <= today && ((a.caseId !== null && caseIds.has(a.caseId)) || a.participantIds.some((id) => peopleThere.has(id))))
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title))
    .slice(0, TIMELINE_MAX)
    .map((a) => ({ date: a.date, kind: a.kind, title: a.title, caseTitle: a.caseId ? (ix.caseById(a.caseId)?.title ?? null) : null }));

  const openCases = cases
    .filter((c) => c.status !== 'closed')
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.reference.localeCompare(b.reference))
    .map((c) => ({ reference: c.reference, title: c.title, status: c.status, dueOn: c.dueOn }));

  const trips = db.trips.filter((t) => t.destinations.some((d) => d.country === code)).map((t) => ({ title: t.title, startDate: t.startDate, endDate: t.endDate }));
  return {
    code,
    priorities,
    cooperations: {
      total: coops.length,
      byTopic: [...topicCounts.entries()].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)),
      byStatus: cooperationStatuses.filter((s) => statusCounts.has(s)).map((status) => ({ status, count: statusCounts.get(status)! })),
    },
    organisations,
    people,
    timeline,
    timelineSince: since,
    openCases,
    trips: {
      planned: trips.filter((t) => t.endDate >= today).sort((a, b) => a.startDate.localeCompare(b.startDate)),
      past: trips.filter((t) => t.endDate < today).sort((a, b) => b.startDate.localeCompare(a.startDate)).slice(0, 20),
    },
  };
}

export interface DossierOptions {
  language: Language;
  classification?: ClassificationLevel;
  generatedAt: Date;
  today: string;
}

const locale = (lang: Language) => (lang === 'de' ? 'de-DE' : 'en-GB');

/** "Ada Lovelace (やまだ 花子)": the name as we write it and, when recorded, in the person's own script. */
const withNative = (name: string, native: string) => (native && native !== name ? `${name} (${native})` : name);

export function countryDossierModel(data: DossierData, opts: DossierOptions): DocumentModel {
  const lang = opts.language;
  const t = translator(lang);
  const none = t('reports.none');
  const date = (iso: string) => formatDate(iso, lang);
  const numbers = new Intl.NumberFormat(locale(lang));
  const fmt = (n: number) => numbers.format(n);
  const name = countryName(data.code, lang);
  const level = opts.classification ?? 'internal';
  const label = t(`book.classification.${level}`);
  const stamp = formatDateTime(opts.generatedAt, lang);
  const c = (key: Parameters<typeof t>[0]) => t(key);
  const blocks: Block[] = [{ kind: 'toc', title: t('book.contents') }];
  const chapter = (title: string) => blocks.push({ kind: 'pageBreak', ifFilled: 0.55 }, { kind: 'heading', level: 1, text: title });
  const emptyLine = () => blocks.push({ kind: 'paragraph', text: none, tone: 'muted' });

  // 1. The profile: names, regions and the map, as in the briefing book.
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t('reports.dossier.profile') });
  blocks.push({
    kind: 'fields',
    rows: [
      { label: t('book.country.names'), value: `${countryName(data.code, 'de')} · ${countryName(data.code, 'en')} (${data.code})` },
      { label: t('book.country.region'), value: regionsOfCountry(data.code).map((r) => regionName(r, lang)).join(' › ') || none },
    ],
  });
  const map = countryMapFigure(data.code, name, t);
  if (map) blocks.push(map);

  // 2. Priority and goals.
  chapter(t('reports.dossier.priority'));
  if (!data.priorities.length) blocks.push({ kind: 'paragraph', text: t('reports.dossier.noPriority') });
  for (const p of data.priorities) {
    blocks.push({ kind: 'heading', level: 2, text: p.title });
    const goals = typeof p.goals === 'string' ? [p.goals].filter(Boolean) : [...p.goals];
    const levelKey = String(p.level) as '1' | '2' | '3';
    blocks.push({
      kind: 'fields',
      rows: [
        { label: t('reports.dossier.level'), value: ['1', '2', '3'].includes(levelKey) ? t(`reports.dossier.levels.${levelKey}`) : String(p.level) },
        { label: t('reports.dossier.period'), value: `${p.start ? date(p.start) : '…'} – ${p.end ? date(p.end) : t('reports.dossier.openEnded')}` },
        ...(p.topics.length ? [{ label: t('reports.dossier.topics'), value: p.topics.join(', ') }] : []),
        ...(p.viaRegion ? [{ label: t('book.country.region'), value: t('reports.dossier.fromRegion', { region: regionName(p.viaRegion, lang) }) }] : []),
      ],
    });
    if (goals.length) {
      blocks.push({ kind: 'heading', level: 3, text: t('reports.dossier.goals'), toc: false });
      blocks.push(goals.length === 1 ? { kind: 'paragraph', text: goals[0]! } : { kind: 'list', items: goals });
    }
  }

  // 3. Cooperations by topic and by status: the chart, then the same numbers as a table.
  chapter(t('reports.dossier.cooperations'));
  blocks.push({ kind: 'paragraph', text: t('reports.dossier.cooperationsTotal', { count: data.cooperations.total, country: name }) });
  if (data.cooperations.total > 0) {
    const topics = data.cooperations.byTopic.slice(0, 15);
    if (topics.length) {
      blocks.push({ kind: 'heading', level: 2, text: t('reports.dossier.byTopic') });
      blocks.push(barChart(topics.map((x) => ({ label: x.topic, value: x.count })), { alt: t('reports.dossier.topicChartAlt', { country: name }), format: fmt }));
      blocks.push({ kind: 'table', columns: [{ label: c('reports.columns.topic'), width: 5 }, { label: t('reports.count'), width: 1.2, align: 'right' }], rows: data.cooperations.byTopic.map((x) => [x.topic, fmt(x.count)]) });
      blocks.push({ kind: 'paragraph', text: t('reports.dossier.severalTopics'), tone: 'small' });
    }
    blocks.push({ kind: 'heading', level: 2, text: t('reports.dossier.byStatus') });
    const statusRows = data.cooperations.byStatus.map((x) => ({ label: t(`cooperations.statuses.${x.status}`), value: x.count }));
    blocks.push(barChart(statusRows, { alt: t('reports.dossier.statusChartAlt', { country: name }), format: fmt, color: '#2f8f83' }));
    blocks.push({ kind: 'table', columns: [{ label: c('reports.columns.status'), width: 5 }, { label: t('reports.count'), width: 1.2, align: 'right' }], rows: statusRows.map((x) => [x.label, fmt(x.value)]) });
  }

  // 4. People and organisations there.
  chapter(t('reports.dossier.people'));
  blocks.push({ kind: 'heading', level: 2, text: t('reports.dossier.organisations') });
  if (data.organisations.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { label: c('reports.columns.organisation'), width: 4.6 },
        { label: c('reports.columns.city'), width: 1.7 },
        { label: c('reports.columns.kind'), width: 2 },
        // Wide enough for "Personen" on one line.
        { label: c('reports.columns.people'), width: 1.6, align: 'right' },
      ],
      rows: data.organisations.map((o) => [o.name, o.city || '—', t(`organisations.kinds.${o.kind}` as Parameters<typeof t>[0]), fmt(o.people)]),
    });
  } else emptyLine();
  blocks.push({ kind: 'heading', level: 2, text: t('reports.dossier.currentPositions') });
  if (data.people.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { label: c('reports.columns.name'), width: 3 },
        { label: c('reports.columns.function'), width: 4.4 },
        { label: c('reports.columns.lastContact'), width: 1.8 },
      ],
      rows: data.people.map((p) => [withNative(p.name, p.nativeName), [p.role, p.organisation].filter(Boolean).join(', '), p.lastContact ? date(p.lastContact) : '—']),
    });
  } else emptyLine();

  // 5. The recent timeline.
  chapter(t('reports.dossier.timeline'));
  blocks.push({ kind: 'paragraph', text: t('reports.dossier.timelineSince', { date: date(data.timelineSince) }), tone: 'muted' });
  if (data.timeline.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { label: c('reports.columns.date'), width: 1.8 },
        { label: c('reports.columns.kind'), width: 1.3 },
        { label: c('reports.columns.entry'), width: 3.8 },
        { label: c('reports.columns.case'), width: 3 },
      ],
      rows: data.timeline.map((a) => [date(a.date), t(`timeline.kinds.${a.kind}` as Parameters<typeof t>[0]), a.title || '—', a.caseTitle ?? '—']),
    });
  } else emptyLine();

  // 6. Open cases.
  chapter(t('reports.dossier.openCases'));
  if (data.openCases.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { label: c('reports.columns.reference'), width: 1.6 },
        { label: c('reports.columns.case'), width: 4.4 },
        { label: c('reports.columns.status'), width: 1.7 },
        { label: c('reports.columns.dueOn'), width: 1.7 },
      ],
      rows: data.openCases.map((k) => [k.reference, k.title, t(`cases.status.${k.status}` as Parameters<typeof t>[0]), k.dueOn ? date(k.dueOn) : '—']),
    });
  } else emptyLine();

  // 7. Trips, planned and past.
  chapter(t('reports.dossier.trips'));
  const tripTable = (rows: DossierData['trips']['planned']): Block => ({
    kind: 'table',
    columns: [
      { label: c('reports.columns.trip'), width: 5 },
      { label: c('reports.columns.dates'), width: 3.4 },
    ],
    rows: rows.map((x) => [x.title, `${date(x.startDate)} – ${date(x.endDate)}`]),
  });
  for (const [key, rows] of [
    ['reports.dossier.planned', data.trips.planned],
    ['reports.dossier.past', data.trips.past],
  ] as const) {
    blocks.push({ kind: 'heading', level: 2, text: t(key) });
    if (rows.length) blocks.push(tripTable(rows));
    else emptyLine();
  }

  const title = t('reports.dossier.title', { country: name });
  return {
    title,
    subject: t('reports.dossier.kicker'),
    keywords: [data.code, name],
    language: lang,
    classification: { level, label },
    header: title,
    pageLabel: t('reports.page'),
    generatedAt: opts.generatedAt,
    cover: {
      kicker: t('reports.dossier.kicker'),
      title: name,
      subtitle: regionsOfCountry(data.code).map((r) => regionName(r, lang)).join(' › ') || undefined,
      facts: [
        { label: t('book.country.names'), value: `${countryName(data.code, 'de')} · ${countryName(data.code, 'en')}` },
        { label: t('reports.dossier.cooperations'), value: fmt(data.cooperations.total) },
        { label: t('reports.dossier.openCases'), value: fmt(data.openCases.length) },
        { label: t('book.facts.classification'), value: label },
        { label: t('book.facts.version'), value: stamp },
      ],
      classification: label,
      version: t('book.versionStamp', { date: stamp }),
    },
    blocks,
  };
}
