/**
 * What each exportable column of each list holds: its header (the screen's own string) and the value
 * a row gives it, as text, a number or a date. The screens draw the same fields as badges and
 * ellipses; here they become cell values that CSV, Excel and the PDF report write in their own way.
 */
import type { CaseListItem } from '../../../../shared/features/cases/schema';
import type { ContactListItem } from '../../../../shared/features/contacts/schema';
import { countryName } from '../../../../shared/features/countries/names';
import { regionName } from '../../../../shared/features/countries/regions';
import type { ExportColumn, ExportList } from '../../../../shared/features/exports/schema';
import type { NoteListItem } from '../../../../shared/features/notes/schema';
import type { OrganisationListItem } from '../../../../shared/features/organisations/schema';
import type { TripListItem } from '../../../../shared/features/trips/schema';
import type { Language, TranslationKey } from '../../../../shared/i18n';
import type { translator } from '../../../../shared/i18n';

/** A cell: text, a number, a calendar day ("2026-11-21"), or empty. */
export type Cell = string | number | { date: string } | null;

export interface ColumnDef<R> {
  header: TranslationKey;
  align?: 'right';
  value: (row: R, t: ReturnType<typeof translator>, lang: Language) => Cell;
}

export interface RowOf {
  cases: CaseListItem;
  organisations: OrganisationListItem;
  contacts: ContactListItem;
  notes: NoteListItem;
  trips: TripListItem;
}

type Columns<L extends ExportList> = { [C in ExportColumn<L>]: ColumnDef<RowOf[L]> };

const text = (v: string | null | undefined): Cell => (v ? v : null);
const list = (v: readonly string[]): Cell => (v.length ? v.join(', ') : null);
/** A stored timestamp's calendar day, as the lists show it. */
const day = (v: string | null | undefined): Cell => (v ? { date: v.slice(0, 10) } : null);

export const columns: { [L in ExportList]: Columns<L> } = {
  cases: {
    reference: { header: 'cases.fields.reference', value: (r) => r.reference },
    title: { header: 'cases.fields.title', value: (r) => r.title },
    client: { header: 'cases.fields.client', value: (r) => text(r.clientName) },
    status: { header: 'cases.fields.status', value: (r, t) => t(`cases.status.${r.status}`) },
    priority: { header: 'cases.fields.priority', value: (r, t) => t(`cases.priority.${r.priority}`) },
    countries: { header: 'cases.columns.countries', value: (r) => list(r.countries) },
    programme: { header: 'cases.fields.programme', value: (r) => text(r.programmeName) },
    classification: { header: 'exports.columns.classification', value: (r, t) => t(`book.classification.${r.classification}`) },
    owner: { header: 'cases.fields.owner', value: (r) => text(r.owner) },
    dueOn: { header: 'cases.fields.dueOn', value: (r) => day(r.dueOn) },
    tasks: { header: 'exports.columns.tasks', align: 'right', value: (r) => r.openTasks },
    updatedAt: { header: 'cases.fields.updatedAt', value: (r) => day(r.updatedAt) },
  },
  organisations: {
    name: { header: 'organisations.fields.name', value: (r) => r.name },
    kind: { header: 'organisations.fields.kind', value: (r, t) => t(`organisations.kinds.${r.kind}`) },
    country: { header: 'organisations.fields.country', value: (r) => text(r.country) },
    city: { header: 'organisations.fields.city', value: (r) => text(r.city) },
    parent: { header: 'organisations.columns.parent', value: (r) => text(r.parentName) },
    topics: { header: 'organisations.columns.topics', value: (r) => list(r.topics) },
    owner: { header: 'organisations.columns.owner', value: (r) => text(r.owner) },
    people: { header: 'organisations.columns.people', align: 'right', value: (r) => r.people },
    cases: { header: 'organisations.columns.cases', align: 'right', value: (r) => r.cases },
    updatedAt: { header: 'organisations.fields.updatedAt', value: (r) => day(r.updatedAt) },
  },
  contacts: {
    name: { header: 'contacts.columns.name', value: (r) => r.name },
    role: { header: 'contacts.columns.role', value: (r) => text(r.role) },
    organisation: { header: 'contacts.columns.organisation', value: (r) => text(r.organisationName) },
    country: { header: 'contacts.columns.country', value: (r) => text(r.country) },
    email: { header: 'contacts.columns.email', value: (r) => text(r.email) },
    phone: { header: 'contacts.columns.phone', value: (r) => text(r.phone) },
    expertise: { header: 'contacts.columns.expertise', value: (r) => list(r.expertise) },
    languages: { header: 'contacts.columns.languages', value: (r) => list(r.languages) },
    owner: { header: 'contacts.columns.owner', value: (r) => text(r.owner) },
    lastContact: { header: 'contacts.columns.lastContact', value: (r) => day(r.lastContact) },
    updatedAt: { header: 'contacts.columns.updatedAt', value: (r) => day(r.updatedAt) },
  },
  notes: {
    title: { header: 'notes.fields.title', value: (r) => r.title },
    kind: { header: 'notes.fields.kind', value: (r, t) => t(`notes.kinds.${r.kind}`) },
    status: { header: 'notes.fields.status', value: (r, t) => t(`notes.statuses.${r.status}`) },
    countries: { header: 'notes.columns.countries', value: (r) => list(r.countries) },
    regions: { header: 'notes.columns.regions', value: (r, _t, lang) => list(r.regions.map((code) => regionName(code, lang))) },
    topics: { header: 'notes.columns.topics', value: (r) => list(r.topics) },
    owner: { header: 'notes.columns.owner', value: (r) => text(r.owner) },
    classification: { header: 'exports.columns.classification', value: (r, t) => t(`book.classification.${r.classification}`) },
    updatedAt: { header: 'notes.columns.updatedAt', value: (r) => day(r.updatedAt) },
  },
  trips: {
    title: { header: 'trips.columns.title', value: (r) => r.title },
    destinations: {
      header: 'trips.columns.destinations',
      value: (r, _t, lang) => list(r.destinations.map((d) => [d.city, countryName(d.country, lang)].filter(Boolean).join(', '))),
    },
    startDate: { header: 'exports.columns.startDate', value: (r) => day(r.startDate) },
    endDate: { header: 'exports.columns.endDate', value: (r) => day(r.endDate) },
    phase: { header: 'trips.columns.phase', value: (r, t) => t(`trips.phases.${r.phase}`) },
    classification: { header: 'exports.columns.classification', value: (r, t) => t(`book.classification.${r.classification}`) },
    head: { header: 'trips.columns.head', value: (r) => text(r.head) },
    meetings: { header: 'trips.columns.meetings', align: 'right', value: (r) => r.meetings },
  },
};

/** The header a sort key is named by in the report's "Sorted by …" line. */
export const sortLabels: { [L in ExportList]: Record<string, TranslationKey> } = {
  cases: { openedOn: 'exports.sortKeys.openedOn', client: 'cases.fields.client' },
  organisations: {},
  contacts: { organisation: 'contacts.columns.organisation' },
  notes: {},
  trips: { startDate: 'exports.sortKeys.startDate', updatedAt: 'contacts.columns.updatedAt' },
};

export function sortLabel(list: ExportList, key: string): TranslationKey | undefined {
  return sortLabels[list][key] ?? (columns[list] as Record<string, ColumnDef<unknown>>)[key]?.header;
}
