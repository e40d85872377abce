/**
 * The exports slice of the contract: a list as it is shown (its filter, sort and chosen columns) to
 * CSV, Excel or a PDF report; people as vCard 4.0; and what we hold about one person (GDPR Art. 15).
 * Each runs as a job (jobs.status) and ends in an ExportResult delivered by the platform. The list
 * queries are the list operations' own input schemas, so an export selects exactly the rows the
 * screen shows.
 */
import { z } from 'zod';
import { op, type Operation } from '../../contract/define';
import { CountryCode, Id, IsoDate } from '../../schemas/common';
import { cooperationsContract } from '../cooperations/contract';
import { casesContract } from '../cases/contract';
import { contactsContract } from '../contacts/contract';
import { notesContract } from '../notes/contract';
import { organisationsContract } from '../organisations/contract';
import { tripsContract } from '../trips/contract';
import { Classification } from '../../schemas/classification';
import { ExportFormat, MAX_VCARD_IDS, exportColumns, exportLists, type ExportColumn, type ExportList } from './schema';

const Language = z.enum(['en', 'de']);
const window = { offset: true, limit: true } as const;

/** A list's query as the screen sends it, without the window: the export takes every row. */
export const listQueries = {
  cases: casesContract['cases.list'].input.omit(window),
  organisations: organisationsContract['organisations.list'].input.omit(window),
  contacts: contactsContract['contacts.list'].input.omit(window),
  notes: notesContract['notes.list'].input.omit(window),
  trips: tripsContract['trips.list'].input.omit(window),
};

/** What a list export's handler receives: the list, its own query parsed by its own schema, and its own columns. */
export type ListExportRequest = {
  [L in ExportList]: {
    list: L;
    query: z.output<(typeof listQueries)[L]>;
    columns: Array<ExportColumn<L>>;
    format: ExportFormat;
    language: 'en' | 'de';
    /** The PDF report's marking in header and footer (the briefing book's levels; Internal when absent); CSV and Excel carry none. */
    classification?: Classification;
  };
}[ExportList];

/** A query as the screen holds it; checked against the list's own query schema below. */
const AnyQuery = z.record(z.string().max(40), z.unknown());

function parseQuery<L extends ExportList>(list: L, query: unknown, ctx: z.RefinementCtx): z.output<(typeof listQueries)[L]> | typeof z.NEVER {
  const parsed = listQueries[list].safeParse(query);
  if (parsed.success) return parsed.data as z.output<(typeof listQueries)[L]>;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['query', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
  return z.NEVER;
}

/**
 * A list as it is shown: which list, its query (filter and sort, as the screen sends it to the list
 * operation), the columns shown in their order, the format, the UI language (German: semicolons) and,
 * for a PDF report, its classification (Internal unless the user chooses otherwise).
 */
export const ListExportRequest = z
  .object({
    list: z.enum(exportLists as [ExportList, ...ExportList[]]),
    query: AnyQuery,
    columns: z.array(z.string().max(40)).min(1).max(20),
    format: ExportFormat,
    language: Language,
    classification: Classification.default('internal'),
  })
  .transform((v, ctx): ListExportRequest => {
    const query = parseQuery(v.list, v.query, ctx);
    const allowed: readonly string[] = exportColumns[v.list];
    v.columns.forEach((c, i) => {
      if (!allowed.includes(c)) ctx.addIssue({ code: 'custom', path: ['columns', i], message: 'validation.invalidChoice' });
    });
    return { ...v, query, columns: v.columns } as ListExportRequest;
  });

/** People as one .vcf: the ones named, or every person the people list's query selects. */
export type VCardRequest = { ids: string[]; language: 'en' | 'de' } | { query: z.output<typeof listQueries.contacts>; language: 'en' | 'de' };
export const VCardRequest = z
  .object({ ids: z.array(Id).min(1).max(MAX_VCARD_IDS).optional(), query: AnyQuery.optional(), language: Language })
  .transform((v, ctx): VCardRequest => {
    if (v.ids) return { ids: v.ids, language: v.language };
    if (!v.query) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'validation.required' });
      return z.NEVER;
    }
    return { query: parseQuery('contacts', v.query, ctx), language: v.language };
  });

export const SubjectAccessRequest = z.object({ contactId: Id, language: Language });
export type SubjectAccessRequest = z.infer<typeof SubjectAccessRequest>;

/** The country dossier of one country, in a language, with the briefing book's classification (Internal unless chosen). */
export const CountryDossierRequest = z.object({ code: CountryCode, language: Language, classification: Classification.default('internal') });
export type CountryDossierRequest = z.infer<typeof CountryDossierRequest>;

/**
 * The portfolio report: the Cooperations list's query as the screen holds it (region, topic, status,
 * group … filters; sort for the list at the end), optionally a period the cooperations are active in.
 */
export const PortfolioReportRequest = z
  .object({
    query: cooperationsContract['cooperations.list'].input.omit(window).prefault({}),
    period: z.object({ from: IsoDate.nullable().default(null), to: IsoDate.nullable().default(null) }).default({ from: null, to: null }),
    language: Language,
    classification: Classification.default('internal'),
  })
  .superRefine((v, ctx) => {
    if (v.period.from && v.period.to && v.period.to < v.period.from) ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: 'validation.endBeforeStart' });
  });
export type PortfolioReportRequest = z.infer<typeof PortfolioReportRequest>;

const JobStarted = z.object({ jobId: Id });

export const exportsContract = {
  'exports.list': op(ListExportRequest, JobStarted),
  'exports.vcard': op(VCardRequest, JobStarted),
  'exports.subjectAccess': op(SubjectAccessRequest, JobStarted),
  'exports.countryDossier': op(CountryDossierRequest, JobStarted),
  'exports.portfolioReport': op(PortfolioReportRequest, JobStarted),
} as const satisfies Record<string, Operation>;
