/**
 * The reports' files (issue 13, part 7): the country dossier and the portfolio report, each gathered
 * from the store, laid out by the PDF kit and handed back as an ExportedFile for the exports
 * service's job (progress and Cancel as every export). The portfolio report reads its cooperations
 * through the Cooperations list operation itself, so it holds exactly the rows the screen's filters
 * select; a period, when given, keeps those active in it.
 */
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { countryName } from '../../../../shared/features/countries/names';
import { regionName } from '../../../../shared/features/countries/regions';
import { type CooperationListItem } from '../../../../shared/features/cooperations/schema';
import { displayName } from '../../../../shared/features/contacts/schema';
import { translator, type Language, type TranslationKey } from '../../../../shared/i18n';
import type { Database } from '../../../../shared/schemas/database';
import { safeFileName } from '../../pdf/documents/case-briefing';
import { countryDossierModel, gatherDossier } from '../../pdf/documents/country-dossier';
import { portfolioReportModel } from '../../pdf/documents/portfolio-report';
import { renderPdf } from '../../pdf/render';
import type { ExportedFile } from '../../platform';
import { localDate, type ServiceContext } from '../../records/context';
import { byId } from '../../records/indexes';
import { breathe, WINDOW } from './rows';

const PDF = 'application/pdf';

/** The country dossier as a PDF (progress 0…1; every report is a checkpoint for Cancel). */
export async function exportCountryDossier(ctx: ServiceContext, req: ParsedInputOf<'exports.countryDossier'>, progress: (fraction: number) => void): Promise<ExportedFile> {
  const generatedAt = ctx.now();
  const today = localDate(generatedAt);
  const data = gatherDossier(ctx.store.db, req.code, today);
  progress(0.1);
  await breathe();
  const model = countryDossierModel(data, { language: req.language, classification: req.classification, generatedAt, today });
  const { bytes } = await renderPdf(model, { onProgress: (done, total) => progress(0.1 + (0.9 * done) / Math.max(1, total)) });
  const base = safeFileName(req.language === 'de' ? 'Länderdossier' : 'country-dossier', countryName(req.code, req.language));
  return { fileName: `${base}-${today}.pdf`, mime: PDF, bytes };
}

type CooperationLists = Pick<ServiceOf<'cooperations'>, 'list'>;

/** Active in the period: started by its end and not ended before its start (an open date is open). */
export const activeIn = (c: Pick<CooperationListItem, 'start' | 'end'>, period: { from: string | null; to: string | null }) =>
  (!period.to || !c.start || c.start <= period.to) && (!period.from || !c.end || c.end >= period.from);

/** Every cooperation the list query selects, in the list's order, window by window (0…1 as they arrive). */
export async function portfolioRows(list: CooperationLists, req: ParsedInputOf<'exports.portfolioReport'>, progress: (fraction: number) => void = () => {}): Promise<CooperationListItem[]> {
  const rows: CooperationListItem[] = [];
  let total = Infinity;
  for (let offset = 0; offset < total; offset += WINDOW) {
    const page = await Promise.resolve(list.list({ ...req.query, offset, limit: WINDOW }));
    total = page.total;
    for (const r of page.rows) if (activeIn(r, req.period)) rows.push(r);
    if (page.rows.length === 0) break;
    progress(Math.min(1, (offset + page.rows.length) / Math.max(1, total)));
    await breathe();
  }
  return rows;
}

/** The Cooperations list's filter in words, as the list report writes filters: "status: Running · region: Africa". */
export function portfolioFilterSummary(db: Database, query: ParsedInputOf<'exports.portfolioReport'>['query'], lang: Language): string {
  const t = translator(lang);
  const parts: string[] = [];
  if (query.text.trim()) parts.push(t('exports.report.search', { text: query.text.trim() }));
  const part = (label: string, values: string[]) => values.length && parts.push(t('exports.report.part', { label, values: values.join(', ') }));
  const orgs = byId(db.organisations);
  part(t('exports.filters.statuses'), query.statuses.map((s) => t(`cooperations.statuses.${s}`)));
  part(t('exports.filters.countries'), query.countries.map((c) => countryName(c, lang)));
  part(t('exports.filters.regions'), query.regions.map((r) => regionName(r, lang)));
  part(t('exports.filters.topics'), query.topics);
  part(t('reports.portfolio.institute'), query.institutes.map((id) => orgs.get(id)?.name ?? id));
  part(t('reports.portfolio.group'), query.groups.map((id) => byId(db.groups).get(id)?.name ?? id));
  part(t('reports.portfolio.programme'), query.programmeIds.map((id) => byId(db.programmes).get(id)?.name ?? id));
  if (query.organisationId) part(t('exports.filters.organisationId'), [orgs.get(query.organisationId)?.name ?? query.organisationId]);
  if (query.contactId) {
    const c = byId(db.contacts).get(query.contactId);
    part(t('exports.filters.contactId' as TranslationKey), [c ? displayName(c) : query.contactId]);
  }
  return parts.join(' · ');
}

/** The portfolio report as a PDF. */
export async function exportPortfolioReport(ctx: ServiceContext, list: CooperationLists, req: ParsedInputOf<'exports.portfolioReport'>, progress: (fraction: number) => void): Promise<ExportedFile> {
  const generatedAt = ctx.now();
  const rows = await portfolioRows(list, req, (f) => progress(0.2 * f));
  const model = portfolioReportModel(
    { rows, filter: portfolioFilterSummary(ctx.store.db, req.query, req.language), period: req.period },
    { language: req.language, classification: req.classification, generatedAt },
  );
  const { bytes } = await renderPdf(model, { onProgress: (done, total) => progress(0.2 + (0.8 * done) / Math.max(1, total)) });
  const base = safeFileName(translator(req.language)('reports.portfolio.title')).toLowerCase() || 'portfolio';
  return { fileName: `${base}-${localDate(generatedAt)}.pdf`, mime: PDF, bytes };
}
