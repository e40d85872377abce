/**
 * The rows of a list export, taken from the list operation itself: the same query (filter and sort)
 * goes to the same service method the screen pages through, window by window, so an export holds
 * exactly the rows the screen shows, in its order. Also the report's filter summary in words.
 */
import type { ServiceOf } from '../../../../shared/contract';
import { countryName } from '../../../../shared/features/countries/names';
import { regionName } from '../../../../shared/features/countries/regions';
import type { ListExportRequest } from '../../../../shared/features/exports/contract';
import type { ExportList } from '../../../../shared/features/exports/schema';
import { displayName } from '../../../../shared/features/contacts/schema';
import { translator, type Language, type TranslationKey } from '../../../../shared/i18n';
import type { Database } from '../../../../shared/schemas/database';
import { byId } from '../../records/indexes';
import { sortLabel, type RowOf } from './columns';

/** The list operations an export reads through. */
export interface ListServices {
  cases: Pick<ServiceOf<'cases'>, 'list'>;
  organisations: Pick<ServiceOf<'organisations'>, 'list'>;
  contacts: Pick<ServiceOf<'contacts'>, 'list'>;
  notes: Pick<ServiceOf<'notes'>, 'list'>;
  trips: Pick<ServiceOf<'trips'>, 'list'>;
}

/** Rows per window: the largest a list operation serves. */
export const WINDOW = 1000;

/** Lets the event loop breathe between windows, so the window and the progress stay alive. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

type Page<R> = { total: number; rows: R[] };

/** How many rows the query selects (one row fetched). */
export async function countRows(lists: ListServices, req: ListExportRequest): Promise<number> {
  return (await fetchWindow(lists, req, 0, 1)).total;
}

function fetchWindow(lists: ListServices, req: ListExportRequest, offset: number, limit: number): Promise<Page<unknown>> {
  // The discriminated request keeps each list's query with its own list; the service parses nothing again.
  switch (req.list) {
    case 'cases':
      return Promise.resolve(lists.cases.list({ ...req.query, offset, limit }));
    case 'organisations':
      return Promise.resolve(lists.organisations.list({ ...req.query, offset, limit }));
    case 'contacts':
      return Promise.resolve(lists.contacts.list({ ...req.query, offset, limit }));
    case 'notes':
      return Promise.resolve(lists.notes.list({ ...req.query, offset, limit }));
    case 'trips':
      return Promise.resolve(lists.trips.list({ ...req.query, offset, limit }));
  }
}

/** Every row the query selects, in its order; `progress` goes from 0 to 1 as windows arrive. */
export async function fetchAllRows<L extends ExportList>(lists: ListServices, req: ListExportRequest & { list: L }, progress: (fraction: number) => void = () => {}): Promise<Array<RowOf[L]>> {
  const rows: unknown[] = [];
  let total = Infinity;
  for (let offset = 0; offset < total; offset += WINDOW) {
    const page = await fetchWindow(lists, req, offset, WINDOW);
    total = page.total;
    for (const r of page.rows) rows.push(r);
    if (page.rows.length === 0) break;
    progress(Math.min(1, rows.length / Math.max(1, total)));
    await breathe();
  }
  return rows as Array<RowOf[L]>;
}

const skipped = new Set(['text', 'sort', 'direction', 'ids']);

/**
 * The filter in words, as the report prints it: "text “nai” · country: Kenya, Ghana · status: Open".
 * Empty when nothing is filtered.
 */
export function filterSummary(db: Database, req: ListExportRequest, lang: Language): string {
  const t = translator(lang);
  const parts: string[] = [];
  const query = req.query as Record<string, unknown>;
  if (typeof query.text === 'string' && query.text.trim()) parts.push(t('exports.report.search', { text: query.text.trim() }));
  // A selection on screen narrows the list to its rows: said as their number, not as ids.
  if (Array.isArray(query.ids)) parts.push(t('exports.report.selected', { count: query.ids.length }));
  const languageNames = new Intl.DisplayNames([lang], { type: 'language' });
  for (const [key, value] of Object.entries(query)) {
    if (skipped.has(key) || value === undefined || value === null) continue;
    const values = Array.isArray(value) ? (value as string[]) : [String(value)];
    if (values.length === 0) continue;
    const names = values.map((v) => valueName(db, req.list, key, v, lang, t, languageNames));
    parts.push(t('exports.report.part', { label: t(`exports.filters.${key}` as TranslationKey), values: names.join(', ') }));
  }
  return parts.join(' · ');
}

function valueName(db: Database, list: ExportList, key: string, v: string, lang: Language, t: ReturnType<typeof translator>, languages: Intl.DisplayNames): string {
  switch (key) {
    case 'countries':
      return countryName(v, lang);
    case 'regions':
      return regionName(v, lang);
    case 'statuses':
      return list === 'notes' ? t(`notes.statuses.${v}` as TranslationKey) : t(`cases.status.${v}` as TranslationKey);
    case 'kinds':
      return list === 'notes' ? t(`notes.kinds.${v}` as TranslationKey) : t(`organisations.kinds.${v}` as TranslationKey);
    case 'organisationKinds':
      return t(`organisations.kinds.${v}` as TranslationKey);
    case 'phases':
      return t(`trips.phases.${v}` as TranslationKey);
    case 'classifications':
      return t(`book.classification.${v}` as TranslationKey);
    case 'languages':
      return languages.of(v) ?? v;
    case 'clientId':
    case 'organisationId':
    case 'parentId':
      return byId(db.organisations).get(v)?.name ?? v;
    case 'caseId': {
      const c = byId(db.cases).get(v);
      return c ? `${c.reference} ${c.title}` : v;
    }
    case 'contactId': {
      const c = byId(db.contacts).get(v);
      return c ? displayName(c) : v;
    }
    case 'programmeIds':
      return byId(db.programmes).get(v)?.name ?? v;
    default:
      return v;
  }
}

/** "Sorted by Name, ascending." */
export function sortSummary(req: ListExportRequest, lang: Language): string {
  const t = translator(lang);
  const key = sortLabel(req.list, req.query.sort);
  return t('exports.report.sorted', { column: key ? t(key) : req.query.sort, direction: t(`exports.report.${req.query.direction}`) });
}
