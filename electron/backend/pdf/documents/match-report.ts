/**
 * The "Find partners" result as a PDF: the subject, the day it was ranked for, the weights it was
 * ranked with, and the ranked organisations and people, each with its score and every reason as a
 * sentence. The same typography, running header/footer, classification and page X of Y as the list
 * report, so it can go into a file or to a head of department as it is.
 */
import type { MatchFindResult } from '../../../../shared/features/matchmaking/contract';
import { reasonText } from '../../../../shared/features/matchmaking/match';
import { reasonKinds, type MatchCandidate } from '../../../../shared/features/matchmaking/schema';
import { countryName } from '../../../../shared/features/countries/names';
import { translator, type Language } from '../../../../shared/i18n';
import type { Block, ClassificationLevel, DocumentModel } from '../model';
import { formatDate, formatDateTime } from './format';

export function matchReportModel(result: MatchFindResult, opts: { language: Language; generatedAt: Date; classification?: ClassificationLevel }): DocumentModel {
  const lang = opts.language;
  const t = translator(lang);
  const title = t(result.direction === 'institutes' ? 'matchmaking.pdf.titleInstitutes' : 'matchmaking.pdf.title', { name: result.subject.name });
  const level = opts.classification ?? 'internal';
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title, toc: false },
    { kind: 'paragraph', tone: 'muted', text: `${t('matchmaking.pdf.generated', { date: formatDate(result.today, lang) })} · ${t('exports.report.generated', { date: formatDateTime(opts.generatedAt, lang) })}` },
    { kind: 'heading', level: 2, text: t('matchmaking.pdf.weights') },
    { kind: 'fields', rows: reasonKinds.map((k) => ({ label: t(`matchmaking.kinds.${k}`), value: String(result.weights[k]) })) },
  ];
  const section = (heading: string, list: readonly MatchCandidate[], total: number) => {
    blocks.push({ kind: 'heading', level: 2, text: `${heading} (${t('matchmaking.screen.shown', { shown: list.length, total })})` });
    if (list.length === 0) blocks.push({ kind: 'paragraph', tone: 'muted', text: t('matchmaking.screen.none') });
    list.forEach((c, i) => {
      const name = c.country ? `${c.name} (${countryName(c.country, lang)})` : c.name;
      blocks.push({ kind: 'heading', level: 3, text: t('matchmaking.pdf.candidate', { rank: i + 1, name, score: c.score }), toc: false });
      blocks.push({ kind: 'list', items: c.reasons.map((r) => `${reasonText(r, lang)} (${t('matchmaking.pdf.points', { points: r.points })})`) });
    });
  };
  section(t('matchmaking.screen.organisations'), result.organisations, result.totals.organisations);
  section(t('matchmaking.screen.people'), result.people, result.totals.people);
  return {
    title,
    subject: result.subject.name,
    language: lang,
    classification: { level, label: t(`book.classification.${level}`) },
    header: title,
    pageLabel: t('exports.report.page'),
    generatedAt: opts.generatedAt,
    orientation: 'portrait',
    blocks,
  };
}
