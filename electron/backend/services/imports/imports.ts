/**
 * The imports service: a staging area in memory for the file (slices from the web page, or the
 * bytes of a file chosen in Electron's dialog), the analysis and the apply as jobs, the preview,
 * and the report. Staged files never touch the disk, so an encrypted workspace leaks nothing.
 * The apply takes a backup, then writes every record in one store update with one Undo entry.
 */
import Papa from 'papaparse';
import type { ServiceOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { proposeMapping, suggestTarget } from '../../../../shared/features/imports/mapping';
import {
  IMPORT_CHUNK_BYTES,
  MAX_IMPORT_BYTES,
  type ApplyInput,
  type ImportApplied,
  type ImportParsed,
  type ImportPreview,
  type Mapping,
  type RowOutcome,
} from '../../../../shared/features/imports/schema';
import { translator, type Language } from '../../../../shared/i18n';
import type { Database } from '../../../../shared/schemas/database';
import type { Platform } from '../../platform';
import type { ServiceContext } from '../../records/context';
import { putRecords } from '../../records/records';
import { addImportEntry } from '../../records/trash';
import type { Jobs } from '../workspace/jobs';
import type { Staging, StagingRules } from '../workspace/uploads';
import { planAll, planInSlices, type Plan, type PlanOptions } from './plan';
import type { Table } from './read';
import { readStaged, type ReaderOptions } from './reader';

/** What the imports keep with a staged file: its name, then its table, then each row's outcome. */
interface ImportFile {
  fileName: string;
  table?: Table;
  outcomes?: RowOutcome[];
}

const accepted = /\.(csv|tsv|txt|tab|xlsx|vcf)$/i;

const tooLarge = (size: number) =>
  new AppError('VALIDATION', `The file is ${Math.round(size / 1024 / 1024)} MB; at most 200 MB can be imported.`, {
    messageKey: { key: 'imports.errors.tooLarge', params: { max: MAX_IMPORT_BYTES / 1024 / 1024 } },
  });

/** How an import's file is staged: up to 200 MB, dropped after an hour untouched, at most four at once. */
const importStaging: StagingRules = {
  maxBytes: MAX_IMPORT_BYTES,
  maxSlice: IMPORT_CHUNK_BYTES,
  expiresMs: 60 * 60 * 1000,
  maxFiles: 4,
  errors: {
    tooLarge,
    slice: (expected, got) => new AppError('CONFLICT', `Expected the slice at ${expected}, got ${got}.`, { messageKey: { key: 'imports.errors.slice' } }),
    gone: () => new AppError('NOT_FOUND', 'This import is no longer staged; choose the file again.', { messageKey: { key: 'imports.errors.gone' } }),
    incomplete: (received, size) => new AppError('VALIDATION', `Only ${received} of ${size} bytes arrived.`, { messageKey: { key: 'imports.errors.incomplete' } }),
  },
};

/** A CSV cell a spreadsheet would run as a formula is written with a leading apostrophe. */
const neutralise = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function createImportService(ctx: ServiceContext, platform: Platform, jobs: Jobs, staging: Staging, reader: ReaderOptions = {}) {
  const uploads = staging.area<ImportFile>('imports', importStaging);

  function stage(fileName: string, size: number): string {
    if (size > MAX_IMPORT_BYTES) throw tooLarge(size);
    if (size === 0) throw new AppError('VALIDATION', 'The file is empty.', { messageKey: { key: 'imports.errors.empty' } });
    if (!accepted.test(fileName)) {
      throw new AppError('VALIDATION', `${fileName} is not a CSV, Excel (.xlsx) or vCard (.vcf) file.`, { messageKey: { key: 'imports.errors.fileType' } });
    }
    return uploads.begin(size, { fileName }).id;
  }

  const find = (uploadId: string) => uploads.get(uploadId);

  function tableOf(uploadId: string): Table {
    const t = find(uploadId).meta.table;
    if (!t) throw new AppError('CONFLICT', 'The file has not been read yet.', { messageKey: { key: 'imports.errors.notRead' } });
    return t;
  }

  const fit = (mapping: Mapping, table: Table): Mapping => table.headers.map((_, i) => mapping[i] ?? null);

  function options(input: { target: PlanOptions['target']; mapping: Mapping }, table: Table, choice: PlanOptions['choice'], language: Language): PlanOptions {
    return {
      target: input.target,
      mapping: fit(input.mapping, table),
      choice,
      stamp: ctx.now().toISOString(),
      newId: ctx.newId,
      defaultRole: translator(language)('imports.defaultRole'),
    };
  }

  /** One store update: every new and changed record, and one trash entry that undoes them all. */
  function write(plan: Plan, label: string): Promise<string | null> {
    const { organisations, contacts, positions, cooperations } = plan;
    const nothing =
      !organisations.created.length && !organisations.updated.size && !contacts.created.length && !contacts.updated.size && !positions.length && !cooperations.created.length && !cooperations.updated.size;
    if (nothing) return Promise.resolve(null);
    return ctx.store.update((draft) => {
      const db = ctx.store.db;
      if (organisations.created.length || organisations.updated.size) {
        draft.organisations = db.organisations.rebuild((o) => organisations.updated.get(o.id)?.after ?? o, organisations.created);
      }
      if (contacts.created.length || contacts.updated.size) {
        draft.contacts = db.contacts.rebuild((c) => contacts.updated.get(c.id)?.after ?? c, contacts.created);
      }
      if (positions.length) draft.positions = db.positions.rebuild((p) => p, positions);
      putRecords(ctx.store, draft, 'cooperations', [...cooperations.updated.values()].map((u) => u.after), cooperations.created);
      return addImportEntry(
        ctx,
        draft,
        label,
        {
          organisations: organisations.created.map((r) => r.id),
          contacts: contacts.created.map((r) => r.id),
          positions: positions.map((r) => r.id),
          ...(cooperations.created.length ? { cooperations: cooperations.created.map((r) => r.id) } : {}),
        },
        {
          organisations: [...organisations.updated.values()].map((u) => u.before),
          contacts: [...contacts.updated.values()].map((u) => u.before),
          ...(cooperations.updated.size ? { cooperations: [...cooperations.updated.values()].map((u) => u.before) } : {}),
        },
      );
    });
  }

  return {
    begin({ fileName, size }) {
      return { uploadId: stage(fileName, size), fileName, size };
    },

    upload({ uploadId, offset, data }) {
      if (find(uploadId).meta.table) throw new AppError('CONFLICT', 'The file was read already.', { messageKey: { key: 'imports.errors.notRead' } });
      const bytes = Buffer.concat(data.map((piece) => Buffer.from(piece, 'base64')));
      return { received: uploads.append(uploadId, offset, bytes) };
    },

    async pick() {
      if (!platform.pickFile) throw new AppError('FORBIDDEN', 'This shell has no file dialog; upload the file.', { messageKey: { key: 'imports.errors.noDialog' } });
      const picked = await platform.pickFile([{ name: 'CSV, Excel, vCard', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'vcf'] }]);
      if (!picked) return { cancelled: true as const };
      const uploadId = stage(picked.fileName, picked.size); // refused before reading when too large
      const bytes = Buffer.from(await picked.read());
      uploads.fill(uploadId, bytes);
      return { cancelled: false as const, uploadId, fileName: picked.fileName, size: bytes.length };
    },

    analyse({ uploadId }) {
      const u = find(uploadId);
      const { fileName } = u.meta;
      // The reader's own copy (refused when not all of it arrived); the staged slices stay for another try.
      const bytes = u.meta.table ? null : uploads.copy(uploadId);
      return jobs.run('import', async (control): Promise<ImportParsed> => {
        const table = u.meta.table ?? (await readStaged(bytes!, fileName, control, reader));
        // Only a whole table is kept; a cancel or a refusal leaves the staged bytes for another try.
        u.meta.table = table;
        uploads.release(uploadId);
        const remembered = ctx.store.state === 'ready' ? (ctx.store.db.settings.importMappings ?? {}) : {};
        const people = proposeMapping('people', table.headers, remembered.people);
        const organisations = proposeMapping('organisations', table.headers, remembered.organisations);
        const cooperations = proposeMapping('cooperations', table.headers, remembered.cooperations);
        return {
          kind: 'importParsed',
          uploadId,
          fileName,
          format: table.format,
          encoding: table.encoding,
          delimiter: table.delimiter,
          rowCount: table.rows.length,
          columns: table.headers.map((header, index) => ({
            index,
            header,
            samples: table.rows
              .map((r) => (r[index] ?? '').trim())
              .filter(Boolean)
              .slice(0, 3)
              .map((s) => s.slice(0, 200)),
          })),
          proposal: { people, organisations, cooperations },
          suggestedTarget: table.format === 'vcard' ? 'people' : suggestTarget(people, organisations, cooperations),
          notes: table.notes,
        };
      });
    },

    async preview(input): Promise<ImportPreview> {
      const table = tableOf(input.uploadId);
      const plan = await planInSlices(ctx.store.db, table, options(input, table, { all: 'skip', rows: [] }, 'en'));
      const flagged = plan.counts.invalid + plan.counts.duplicates;
      const shownFlagged = plan.preview.filter((r) => r.errors.length || r.duplicate).length;
      return {
        rowCount: table.rows.length,
        valid: plan.counts.valid,
        invalid: plan.counts.invalid,
        duplicates: plan.counts.duplicates,
        organisationsToCreate: plan.organisations.created.length,
        rows: plan.preview,
        more: Math.max(0, flagged - shownFlagged),
      };
    },

    apply(input: ApplyInput) {
      const u = find(input.uploadId);
      const table = tableOf(input.uploadId);
      return jobs.run('import', async (control): Promise<ImportApplied> => {
        await ctx.store.backupNow('import');
        control.checkpoint();
        const opts = options(input, table, input.duplicates, input.language);
        const base: Database = ctx.store.db;
        const planned = await planInSlices(base, table, opts, { progress: (f) => control.progress(0.05 + f * 0.85), checkpoint: control.checkpoint });
        control.checkpoint();
        // Saves made while the plan was computed: plan again on the data the write will see.
        let plan = planned;
        const label = translator(input.language)('imports.undoLabel', { fileName: u.meta.fileName });
        const undoId = await (async () => {
          if (ctx.store.db !== base) plan = planAll(ctx.store.db, table, opts);
          return write(plan, label);
        })();
        u.meta.outcomes = plan.outcomes;
        const count = (o: RowOutcome['outcome']) => plan.outcomes.filter((r) => r.outcome === o).length;
        return {
          kind: 'importApplied',
          uploadId: input.uploadId,
          undoId,
          created: count('created'),
          updated: count('updated'),
          skipped: count('skipped'),
          organisationsCreated: plan.organisations.created.length,
          positionsCreated: plan.positions.length,
        };
      });
    },

    async report({ uploadId, language }) {
      const u = find(uploadId);
      if (!u.meta.outcomes) throw new AppError('CONFLICT', 'The import has not been applied.', { messageKey: { key: 'imports.errors.notApplied' } });
      const t = translator(language);
      const rows = u.meta.outcomes.map((o) => [
        String(o.row),
        t(`imports.outcomes.${o.outcome}`),
        neutralise(o.label),
        o.reason ? neutralise(t(o.reason.key, o.reason.params ?? {})) : '',
      ]);
      const csv = Papa.unparse({ fields: [t('imports.report.row'), t('imports.report.outcome'), t('imports.report.record'), t('imports.report.reason')], data: rows }, { delimiter: language === 'de' ? ';' : ',', newline: '\r\n' });
      const base = u.meta.fileName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'import';
      return platform.deliverFile({ fileName: `${base}-import-report.csv`, mime: 'text/csv', bytes: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8') });
    },

    discard({ uploadId }) {
      uploads.discard(uploadId);
      return { ok: true as const };
    },

    status: ({ jobId }) => jobs.importStatus(jobId),
  } satisfies ServiceOf<'imports'>;
}
