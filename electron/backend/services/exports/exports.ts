/**
 * The exports service (contract namespace `exports`): a list as it is shown to CSV, Excel or a PDF
 * report; people as vCard 4.0; and the subject-access export. Each checks its input at once (an
 * unknown person, a PDF of too many rows fails before a job starts), then runs as a job whose
 * progress the window polls (jobs.status) and whose file goes out through the platform (a save
 * dialog in Electron, a download in the browser). The renderer never builds a file.
 */
import { zipSync, strToU8 } from 'fflate';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { displayName, type ContactRecord } from '../../../../shared/features/contacts/schema';
import type { ListExportRequest } from '../../../../shared/features/exports/contract';
import { MAX_PDF_ROWS, type ExportList } from '../../../../shared/features/exports/schema';
import { AppError } from '../../../../shared/errors';
import { translator, type Language } from '../../../../shared/i18n';
import { safeFileName } from '../../pdf/documents/case-briefing';
import { listReportModel } from '../../pdf/documents/list-report';
import { subjectAccessModel } from '../../pdf/documents/subject-access';
import { renderPdf } from '../../pdf/render';
import type { ExportedFile, Platform } from '../../platform';
import { localDate, type ServiceContext } from '../../records/context';
import { byId } from '../../records/indexes';
import { findOrThrow } from '../../records/records';
import type { Jobs } from '../workspace/jobs';
import { columns, type Cell, type ColumnDef } from './columns';
import { breathe, countRows, fetchAllRows, filterSummary, sortSummary, type ListServices } from './rows';
import { writeCsv, writeXlsx, type Sheet } from './sheet';
import { collectSubjectAccess } from './subject-access';
import { exportCountryDossier, exportPortfolioReport, portfolioRows } from './reports';
import { writeVCards } from './vcard';

const mimes = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** "people-2026-11-21.csv" / "personen-2026-11-21.xlsx": the list's name in the UI language and the day. */
function fileBase(list: ExportList, lang: Language, day: string): string {
  return `${safeFileName(translator(lang)(`exports.titles.${list}`)).toLowerCase() || list}-${day}`;
}

/** The shown columns' headers and each row's cells, in the order the screen shows them. */
export function buildSheet<L extends ExportList>(req: ListExportRequest & { list: L }, rows: readonly unknown[]): Sheet & { aligns: Array<'right' | undefined> } {
  const lang = req.language;
  const t = translator(lang);
  const defs = (req.columns as string[]).map((id) => (columns[req.list] as Record<string, ColumnDef<unknown>>)[id]!);
  return {
    name: t(`exports.titles.${req.list}`),
    headers: defs.map((d) => t(d.header)),
    aligns: defs.map((d) => d.align),
    rows: rows.map((r) => defs.map((d): Cell => d.value(r, t, lang))),
  };
}

/** A list export's file, from the rows the list operation selects (progress 0…1). */
export async function exportList(ctx: ServiceContext, lists: ListServices, req: ListExportRequest, progress: (fraction: number) => void): Promise<ExportedFile> {
  const rows = await fetchAllRows(lists, req, (f) => progress(0.3 * f));
  const sheet = buildSheet(req, rows);
  const base = fileBase(req.list, req.language, localDate(ctx.now()));
  const rest = (f: number) => progress(0.3 + 0.7 * f);
  if (req.format === 'csv') return { fileName: `${base}.csv`, mime: mimes.csv, bytes: await writeCsv(sheet, req.language, rest) };
  if (req.format === 'xlsx') return { fileName: `${base}.xlsx`, mime: mimes.xlsx, bytes: await writeXlsx(sheet, req.language, rest) };
  const model = listReportModel(
    {
      title: sheet.name,
      filter: filterSummary(ctx.store.db, req, req.language),
      sort: sortSummary(req, req.language),
      columns: sheet.headers.map((label, i) => ({ label, ...(sheet.aligns[i] ? { align: sheet.aligns[i] } : {}) })),
      rows: sheet.rows,
    },
    { language: req.language, generatedAt: ctx.now(), ...(req.classification ? { classification: req.classification } : {}) },
  );
  const { bytes } = await renderPdf(model, { onProgress: (done, total) => rest(done / Math.max(1, total)) });
  return { fileName: `${base}.pdf`, mime: mimes.pdf, bytes };
}

/** The subject-access export: the PDF and the JSON in one zip, ready to send. */
export async function exportSubjectAccess(ctx: ServiceContext, contactId: string, language: Language, progress: (fraction: number) => void): Promise<ExportedFile> {
  const generatedAt = ctx.now();
  const data = collectSubjectAccess(ctx.store.db, contactId, { generatedAt, language });
  await breathe(); // the window's calls (progress, Cancel) are answered between the steps
  progress(0.2);
  const { bytes: pdf } = await renderPdf(subjectAccessModel(data, { language, generatedAt }), { onProgress: (done, total) => progress(0.2 + (0.7 * done) / Math.max(1, total)) });
  const base = `${safeFileName(language === 'de' ? 'Auskunft' : 'subject-access', displayName(data.person) || data.person.familyName)}-${localDate(generatedAt)}`;
  const mtime = generatedAt;
  const zip = zipSync({
    [`${base}.pdf`]: [pdf, { mtime, level: 6 }],
    [`${base}.json`]: [strToU8(`${JSON.stringify(data, null, 2)}\n`), { mtime, level: 6 }],
  });
  return { fileName: `${base}.zip`, mime: 'application/zip', bytes: zip };
}

export function createExportService(ctx: ServiceContext, platform: Platform, jobs: Jobs, lists: ListServices, cooperations: Pick<ServiceOf<'cooperations'>, 'list'>) {
  /**
   * Runs an export as a job that honours Cancel: every progress report is a checkpoint (the writers
   * report between windows of rows and pieces of layout), and one more comes after the file is built,
   * so a cancelled export delivers nothing. Files are built in memory, so nothing is left to remove.
   */
  const run = (work: (progress: (fraction: number) => void) => Promise<ExportedFile>) =>
    jobs.start(async (_progress, control) => {
      const file = await work((fraction) => {
        control.checkpoint();
        control.progress(fraction);
      });
      control.checkpoint();
      return platform.deliverFile(file);
    });

  return {
    async list(req: ParsedInputOf<'exports.list'>) {
      const count = await countRows(lists, req);
      if (req.format === 'pdf' && count > MAX_PDF_ROWS) {
        throw new AppError('VALIDATION', `A PDF report takes at most ${MAX_PDF_ROWS} rows; this list has ${count}.`, {
          messageKey: { key: 'exports.tooManyForPdf', params: { max: MAX_PDF_ROWS, count } },
        });
      }
      return run((progress) => exportList(ctx, lists, req, progress));
    },

    async vcard(req: ParsedInputOf<'exports.vcard'>) {
      const db = ctx.store.db;
      let ids: string[];
      if ('ids' in req) {
        for (const id of req.ids) findOrThrow(db.contacts, id, 'contact');
        ids = req.ids;
      } else {
        ids = (await fetchAllRows(lists, { list: 'contacts', query: req.query, columns: ['name'], format: 'csv', language: req.language })).map((r) => r.id);
      }
      if (ids.length === 0) throw new AppError('VALIDATION', 'There is nothing to export.', { messageKey: { key: 'exports.nothingToExport' } });
      return run(async (progress) => {
        const now = ctx.store.db; // the people as they are when the job runs
        const contacts = byId(now.contacts);
        const people = ids.map((id) => contacts.get(id)).filter((c): c is ContactRecord => !!c);
        const text = writeVCards(now, people, localDate(ctx.now()), req.language);
        progress(0.9);
        const base = people.length === 1 ? safeFileName(displayName(people[0]!) || people[0]!.familyName) || 'contact' : fileBase('contacts', req.language, localDate(ctx.now()));
        return { fileName: `${base}.vcf`, mime: 'text/vcard;charset=utf-8', bytes: Buffer.from(text, 'utf8') };
      });
    },

    subjectAccess({ contactId, language }: ParsedInputOf<'exports.subjectAccess'>) {
      findOrThrow(ctx.store.db.contacts, contactId, 'contact'); // an unknown person fails now, not inside the job
      return run((progress) => exportSubjectAccess(ctx, contactId, language, progress));
    },

    countryDossier(req: ParsedInputOf<'exports.countryDossier'>) {
      return run((progress) => exportCountryDossier(ctx, req, progress));
    },

    async portfolioReport(req: ParsedInputOf<'exports.portfolioReport'>) {
      // As the list report: more cooperations than a PDF should hold fail now, with the count, not inside the job.
      const count = (await portfolioRows(cooperations, req)).length;
      if (count > MAX_PDF_ROWS) {
        throw new AppError('VALIDATION', `A PDF report takes at most ${MAX_PDF_ROWS} rows; this list has ${count}.`, {
          messageKey: { key: 'exports.tooManyForPdf', params: { max: MAX_PDF_ROWS, count } },
        });
      }
      return run((progress) => exportPortfolioReport(ctx, cooperations, req, progress));
    },
  } satisfies ServiceOf<'exports'>;
}
