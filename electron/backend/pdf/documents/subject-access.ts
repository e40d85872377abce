/**
 * The subject-access export's PDF (GDPR Art. 15): the same records as its JSON, laid out to be
 * read by the person they are about — their own record as fields, then each section's records with
 * why they are included and how many other people were left out. Classified confidential.
 */
import { countryName } from '../../../../shared/features/countries/names';
import { displayName, isCurrentPosition } from '../../../../shared/features/contacts/schema';
import type { SubjectAccessExport } from '../../../../shared/features/exports/schema';
import { richTextToPlain } from '../../../../shared/domain/richtext';
import { translator, type Language, type TranslationKey } from '../../../../shared/i18n';
import type { Block, DocumentModel } from '../model';
import { formatDate, formatDateTime } from './format';

export function subjectAccessModel(data: SubjectAccessExport, opts: { language: Language; generatedAt: Date }): DocumentModel {
  const lang = opts.language;
  const t = translator(lang);
  const k = (key: string) => t(`exports.subjectAccess.${key}` as TranslationKey);
  const f = (key: string) => t(`exports.subjectAccess.fields.${key}` as TranslationKey);
  const date = (iso: string | null | undefined) => (iso ? formatDate(iso.slice(0, 10), lang) : '—');
  const none = k('none');
  const p = data.person;
  const name = displayName(p);
  const title = t('exports.subjectAccess.title', { name });
  const blocks: Block[] = [];
  const paragraphs = (text: string) => {
    for (const para of text.trim().split(/\n\s*\n/)) if (para.trim()) blocks.push({ kind: 'paragraph', text: para.trim().replace(/\s*\n\s*/g, ' ') });
  };
  const why = (reasons: readonly string[], others: number) => {
    const because = reasons.map((r) => t(`exports.subjectAccess.reasons.${r}` as TranslationKey)).join(', ');
    const left = others > 0 ? ` · ${t('exports.subjectAccess.others', { count: others })}` : '';
    blocks.push({ kind: 'paragraph', tone: 'muted', text: `${k('why')}: ${because}${left}` });
  };
  const section = <R>(heading: string, items: readonly R[], draw: (item: R) => void) => {
    blocks.push({ kind: 'heading', level: 2, text: heading });
    if (!items.length) blocks.push({ kind: 'paragraph', tone: 'muted', text: none });
    items.forEach(draw);
  };

  blocks.push({ kind: 'heading', level: 1, text: title, toc: false });
  blocks.push({ kind: 'paragraph', tone: 'muted', text: `${k('kicker')} · ${t('exports.subjectAccess.generated', { date: formatDateTime(opts.generatedAt, lang) })}` });
  blocks.push({ kind: 'paragraph', text: k('intro') });

  // What the person page shows, never less: the country taken from the current position when the
  // record has none, languages by name, the salutation on its own row, the consent and review dates.
  const today = opts.generatedAt.toISOString().slice(0, 10);
  const positionCountry = data.positions.find(({ record, organisation }) => organisation?.country && isCurrentPosition(record, today))?.organisation?.country ?? null;
  const country = p.country
    ? countryName(p.country, lang)
    : positionCountry
      ? `${countryName(positionCountry, lang)} (${k('fromPosition')})`
      : '—';
  const languageNames = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
  const languageName = (code: string) => {
    try {
      return languageNames.of(code) ?? code;
    } catch {
      return code;
    }
  };

  blocks.push({ kind: 'heading', level: 2, text: k('person') });
  blocks.push({
    kind: 'fields',
    rows: [
      { label: f('honorific'), value: p.honorific || '—' },
      { label: f('name'), value: name },
      { label: f('nativeName'), value: [p.nativeName, p.transliteration].filter(Boolean).join(' · ') || '—' },
      { label: f('emails'), value: p.emails.map((e) => e.address).join(', ') || '—' },
      { label: f('phones'), value: p.phones.map((x) => x.number).join(', ') || '—' },
      { label: f('country'), value: country },
      { label: f('languages'), value: p.languages.map(languageName).join(', ') || '—' },
      { label: f('expertise'), value: p.expertise.join(', ') || '—' },
      { label: f('owner'), value: p.owner || '—' },
      { label: f('gdpr'), value: [t(`contacts.gdpr.bases.${p.gdpr.lawfulBasis}` as TranslationKey), p.gdpr.source].filter(Boolean).join(' · ') },
      { label: f('consentOn'), value: date(p.gdpr.consentOn) },
      { label: f('reviewOn'), value: date(p.gdpr.reviewOn) },
      { label: f('notes'), value: p.notes || '—' },
      { label: f('createdAt'), value: date(p.createdAt) },
      { label: f('updatedAt'), value: date(p.updatedAt) },
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: k('positions') });
  if (data.positions.length)
    blocks.push({
      kind: 'table',
      columns: [
        { label: f('role'), width: 2 },
        { label: f('organisation'), width: 2.4 },
        { label: f('from'), width: 1 },
        { label: f('to'), width: 1 },
      ],
      rows: data.positions.map(({ record, organisation }) => [record.role || '—', organisation?.name ?? '—', date(record.from), date(record.to)]),
    });
  else blocks.push({ kind: 'paragraph', tone: 'muted', text: none });

  section(k('activities'), data.activities, ({ record, reasons, otherPeople }) => {
    blocks.push({ kind: 'heading', level: 3, text: [date(record.date), record.title].filter(Boolean).join(' · ') });
    paragraphs(record.text);
    why(reasons, otherPeople);
  });
  section(k('cases'), data.cases, ({ record, reasons, otherPeople }) => {
    blocks.push({ kind: 'heading', level: 3, text: `${record.reference} ${record.title}` });
    blocks.push({ kind: 'paragraph', tone: 'muted', text: `${f('status')}: ${t(`cases.status.${record.status}` as TranslationKey)}` });
    paragraphs(record.summary);
    why(reasons, otherPeople);
  });
  section(k('notes'), data.notes, ({ record, reasons, otherPeople }) => {
    blocks.push({ kind: 'heading', level: 3, text: record.title });
    paragraphs(richTextToPlain(record.body));
    why(reasons, otherPeople);
  });
  section(k('trips'), data.trips, ({ record, reasons, otherPeople }) => {
    blocks.push({ kind: 'heading', level: 3, text: record.title });
    blocks.push({ kind: 'paragraph', tone: 'muted', text: `${date(record.startDate)} – ${date(record.endDate)}` });
    why(reasons, otherPeople);
  });
  section(k('agendaItems'), data.agendaItems, ({ record, reasons, otherPeople }) => {
    blocks.push({ kind: 'heading', level: 3, text: `${date(record.date)} ${record.start} · ${record.title}` });
    paragraphs(record.objectives);
    if (record.debrief?.agreed) paragraphs(record.debrief.agreed);
    why(reasons, otherPeople);
  });
  section(k('cooperations'), data.cooperations, ({ record, reasons, otherPeople }) => {
    blocks.push({ kind: 'heading', level: 3, text: record.title });
    blocks.push({ kind: 'paragraph', tone: 'muted', text: `${f('status')}: ${t(`cooperations.statuses.${record.status}` as TranslationKey)}` });
    paragraphs(record.notes);
    why(reasons, otherPeople);
  });
  section(k('reminders'), data.reminders, (r) => {
    blocks.push({ kind: 'paragraph', text: `${date(r.dueOn)} · ${r.text}${r.done ? ` (${date(r.doneOn)})` : ''}` });
  });
  blocks.push({ kind: 'paragraph', tone: 'muted', text: t('exports.subjectAccess.trash', { count: data.trash.entries }) });

  const classification = k('confidential');
  return {
    title,
    subject: k('kicker'),
    language: lang,
    classification: { level: 'confidential', label: classification },
    header: title,
    pageLabel: t('exports.report.page'),
    generatedAt: opts.generatedAt,
    blocks,
  };
}
