import { countryName } from '../../../../shared/domain/countries';
import { asciiFold } from '../../../../shared/domain/text';
import { translator, type Language } from '../../../../shared/i18n';
import type { CaseRecord } from '../../../../shared/schemas/case';
import type { ExportRequest } from '../../../../shared/schemas/export';
import type { ExportedFile } from '../../platform';
import type { ServiceContext } from '../../services/context';
import { findOrThrow } from '../../services/records';
import type { Block, DocumentModel } from '../model';
import { renderPdf } from '../render';
import { formatDate, formatDateTime } from './format';

/** The case briefing as a document model: cover, summary, details. */
export function caseBriefingModel(c: CaseRecord, lang: Language, generatedAt: Date): DocumentModel {
  const t = translator(lang);
  const none = t('common.none');
  const classification = t('pdf.internal');
  const countries = c.countries.map((k) => countryName(k, lang)).join(', ') || none;
  const paragraphs = c.summary.trim() ? c.summary.trim().split(/\n\s*\n/) : [];
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: t('pdf.summary') },
    ...(paragraphs.length
      ? paragraphs.map((p): Block => ({ kind: 'paragraph', text: p.replace(/\s*\n\s*/g, ' ') }))
      : [{ kind: 'paragraph', text: t('pdf.noSummary'), tone: 'muted' } as Block]),
    { kind: 'heading', level: 1, text: t('pdf.details') },
    {
      kind: 'fields',
      rows: [
        { label: t('cases.fields.reference'), value: c.reference },
        { label: t('cases.fields.title'), value: c.title },
        { label: t('cases.fields.client'), value: c.client || none },
        { label: t('cases.fields.countries'), value: countries },
        { label: t('cases.fields.topics'), value: c.topics.join(', ') || none },
        { label: t('cases.fields.status'), value: t(`cases.status.${c.status}`) },
        { label: t('cases.fields.priority'), value: t(`cases.priority.${c.priority}`) },
        { label: t('cases.fields.owner'), value: c.owner || none },
        { label: t('cases.fields.openedOn'), value: formatDate(c.openedOn, lang) },
        { label: t('cases.fields.dueOn'), value: c.dueOn ? formatDate(c.dueOn, lang) : none },
        { label: t('cases.fields.updatedAt'), value: formatDateTime(new Date(c.updatedAt), lang) },
      ],
    },
  ];
  return {
    title: c.title,
    subject: `${t('pdf.caseBriefing')} ${c.reference}`,
    keywords: [c.reference, ...c.topics],
    language: lang,
    classification: { level: 'internal', label: classification },
    header: `${c.reference} · ${c.title}`,
    pageLabel: t('pdf.page'),
    generatedAt,
    cover: {
      kicker: t('pdf.caseBriefing'),
      title: c.title,
      subtitle: c.reference,
      facts: [
        { label: t('cases.fields.client'), value: c.client || none },
        { label: t('cases.fields.countries'), value: countries },
        { label: t('cases.fields.status'), value: t(`cases.status.${c.status}`) },
        { label: t('pdf.date'), value: formatDate(generatedAt.toISOString().slice(0, 10), lang) },
        { label: t('pdf.classification'), value: classification },
      ],
      classification,
      version: t('pdf.generated', { date: formatDateTime(generatedAt, lang) }),
    },
    blocks,
  };
}

/** File names stay portable: ASCII letters, digits and dashes. */
export function safeFileName(...parts: string[]): string {
  return asciiFold(parts.join('-'))
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export async function exportCaseBriefing(ctx: ServiceContext, req: ExportRequest): Promise<ExportedFile> {
  const c = findOrThrow(ctx.store.db.cases, req.id, 'case');
  const model = caseBriefingModel(c, req.language, ctx.now());
  const { bytes } = await renderPdf(model);
  return { fileName: `${safeFileName(c.reference, c.title) || 'briefing'}.pdf`, mime: 'application/pdf', bytes };
}
