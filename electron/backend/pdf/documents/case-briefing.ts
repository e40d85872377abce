/**
 * The case briefing: the PDF an advisor takes into a meeting about one case (cases.exportBriefing,
 * the case screen's Export button and Ctrl+Shift+E). Built as a document model, laid out by render.ts.
 */
import { countryName } from '../../../../shared/features/countries/names';
import { regionName, regionsOfCountry } from '../../../../shared/features/countries/regions';
import { excerpt, richTextToPlain } from '../../../../shared/domain/richtext';
import { asciiFold } from '../../../../shared/domain/text';
import { translator, type Language } from '../../../../shared/i18n';
import type { CaseRecord } from '../../../../shared/features/cases/schema';
import { displayName, isCurrentPosition, type ContactRecord } from '../../../../shared/features/contacts/schema';
import { stricterClassification } from '../../../../shared/schemas/classification';
import type { Database } from '../../../../shared/schemas/database';
import type { ExportRequest } from '../../../../shared/schemas/export';
import type { OrganisationRecord } from '../../../../shared/features/organisations/schema';
import type { RichDoc } from '../../../../shared/schemas/richtext';
import type { ExportedFile } from '../../platform';
import { localDate, type ServiceContext } from '../../records/context';
import { indexes } from '../../records/indexes';
import { findOrThrow } from '../../records/records';
import { plainText, type Block, type DocumentModel, type RichText } from '../model';
import { richBlocks } from '../rich-blocks';
import { renderPdf } from '../render';
import { formatDate, formatDateTime } from './format';

/** How many timeline entries the briefing prints (the latest ones). */
export const TIMELINE_ENTRIES = 10;
/** At most this many people at the client organisation (most recently in touch first). */
const CLIENT_PEOPLE = 30;

export interface CaseBriefingOptions {
  language: Language;
  generatedAt: Date;
  /** The local day the briefing is made on: current positions and overdue tasks are judged by it. */
  today: string;
}

/**
 * The case briefing as a document model: a cover, then the case as one reads it before a meeting —
 * summary and details, the client organisation with its people in their current positions and the
 * case's client contacts, the partners (organisations and countries), the status history, the open
 * tasks (overdue ones marked), the latest timeline entries and the linked notes' summaries. Marked
 * with the case's classification, or a linked note's where that is stricter.
 */
export function caseBriefingModel(db: Database, c: CaseRecord, opts: CaseBriefingOptions): DocumentModel {
  const lang = opts.language;
  const t = translator(lang);
  const ix = indexes(db);
  const none = t('common.none');
  const date = (iso: string) => formatDate(iso, lang);
  // The case's own marking, or a linked note's if stricter: the briefing prints the notes' summaries.
  const level = ix.notesOfCase(c.id).reduce((l, n) => stricterClassification(l, n.classification), c.classification);
  const classification = t(`book.classification.${level}`);
  const client = ix.organisation(c.clientId);
  const clientName = client?.name ?? (c.client.trim() || none);
  const countries = c.countries.map((k) => countryName(k, lang)).join(', ') || none;
  const kindOf = (o: OrganisationRecord) => t(`organisations.kinds.${o.kind}`);
  const placeOf = (o: OrganisationRecord) => [o.city, o.country ? countryName(o.country, lang) : ''].filter(Boolean).join(', ') || none;
  /** A role at a department is named with the department ("Director, Office of International Relations"). */
  const roleAt = (role: string, o: OrganisationRecord | undefined, top?: OrganisationRecord) => {
    if (!o) return role;
    const unit = role.includes(o.name) || o.id === top?.id ? [] : [o.name];
    return [role, ...unit].filter(Boolean).join(', ');
  };
  const currentPosition = (contact: ContactRecord) =>
    ix
      .positionsOfContact(contact.id)
      .filter((p) => isCurrentPosition(p, opts.today))
      .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0];
  const muted = (text: string): Block => ({ kind: 'paragraph', text, tone: 'muted' });

  const blocks: Block[] = [];
  const h1 = (text: string) => blocks.push({ kind: 'heading', level: 1, text });
  const h2 = (text: string) => blocks.push({ kind: 'heading', level: 2, text });

  // ——— summary and details ———
  const paragraphs = c.summary.trim() ? c.summary.trim().split(/\n\s*\n/) : [];
  h1(t('pdf.summary'));
  if (paragraphs.length) for (const p of paragraphs) blocks.push({ kind: 'paragraph', text: p.replace(/\s*\n\s*/g, ' ') });
  else blocks.push(muted(t('pdf.noSummary')));
  h1(t('pdf.details'));
  blocks.push({
    kind: 'fields',
    rows: [
      { label: t('cases.fields.reference'), value: c.reference },
      { label: t('cases.fields.title'), value: c.title },
      { label: t('cases.fields.client'), value: clientName },
      { label: t('cases.fields.countries'), value: countries },
      { label: t('cases.fields.topics'), value: c.topics.join(', ') || none },
      { label: t('cases.fields.fundingInstruments'), value: c.fundingInstruments.join(', ') || none },
      { label: t('cases.fields.status'), value: t(`cases.status.${c.status}`) },
      { label: t('cases.fields.priority'), value: t(`cases.priority.${c.priority}`) },
      { label: t('cases.fields.owner'), value: c.owner || none },
      { label: t('cases.fields.openedOn'), value: date(c.openedOn) },
      { label: t('cases.fields.dueOn'), value: c.dueOn ? date(c.dueOn) : none },
      { label: t('cases.fields.updatedAt'), value: formatDateTime(new Date(c.updatedAt), lang) },
    ],
  });

  // ——— the client ———
  h1(t('cases.fields.client'));
  if (client) {
    const parent = ix.organisation(client.parentId);
    blocks.push({
      kind: 'fields',
      rows: [
        { label: t('book.columns.organisation'), value: [{ text: client.name, bold: true }, ...(client.shortName ? [{ text: ` (${client.shortName})` }] : [])] },
        { label: t('book.columns.kind'), value: kindOf(client) },
        { label: t('pdf.location'), value: placeOf(client) },
        ...(parent ? [{ label: t('pdf.partOf'), value: parent.name }] : []),
        ...(client.website ? [{ label: t('pdf.website'), value: client.website }] : []),
      ],
    });
    // The organisation and its departments (and theirs): who holds a role there today.
    const units: OrganisationRecord[] = [];
    const queue = [client];
    const seenUnits = new Set<string>();
    while (queue.length) {
      const o = queue.shift()!;
      if (seenUnits.has(o.id)) continue;
      seenUnits.add(o.id);
      units.push(o);
      queue.push(...ix.childrenOf(o.id));
    }
    const seenPeople = new Set<string>();
    const people = units
      .flatMap((o) => ix.positionsAt(o.id).filter((p) => isCurrentPosition(p, opts.today)).map((p) => ({ p, o, person: ix.contact(p.contactId) })))
      .filter((x): x is typeof x & { person: ContactRecord } => !!x.person)
      .map((x) => ({ ...x, last: ix.lastContact(x.person.id) }))
      .sort((a, b) => (b.last ?? '').localeCompare(a.last ?? '') || displayName(a.person).localeCompare(displayName(b.person), lang))
      .filter((x) => !seenPeople.has(x.person.id) && seenPeople.add(x.person.id));
    h2(t('pdf.peopleThere'));
    if (people.length) {
      blocks.push({
        kind: 'table',
        columns: [
          { label: t('book.columns.name'), width: 2.6 },
          { label: t('pdf.position'), width: 4.1 },
          { label: t('book.columns.lastContact'), width: 2.1 },
        ],
        rows: people.slice(0, CLIENT_PEOPLE).map(({ person, p, o, last }) => [displayName(person), roleAt(p.role, o, client), last ? date(last) : none]),
      });
      if (people.length > CLIENT_PEOPLE) blocks.push(muted(t('pdf.peopleShown', { shown: CLIENT_PEOPLE, total: people.length })));
    } else blocks.push(muted(t('pdf.noneRecorded')));
  } else {
    blocks.push({ kind: 'fields', rows: [{ label: t('book.columns.organisation'), value: clientName }] });
  }
  h2(t('cases.fields.clientContacts'));
  const contacts = c.clientContactIds.map((id) => ix.contact(id)).filter((x): x is ContactRecord => !!x);
  if (contacts.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('book.columns.name'), width: 2 },
        { label: t('book.columns.function'), width: 3 },
        { label: t('book.columns.email'), width: 3.4 },
        { label: t('book.columns.phone'), width: 2.3 },
      ],
      rows: contacts.map((person) => {
        const p = currentPosition(person);
        const o = p ? ix.organisation(p.organisationId) : undefined;
        const role = p ? [p.role, o && !p.role.includes(o.name) ? o.name : ''].filter(Boolean).join(', ') : '';
        return [displayName(person), role || none, person.emails.map((e) => e.address).join('\n') || none, person.phones.map((x) => x.number).join('\n') || none];
      }),
    });
  } else blocks.push(muted(t('pdf.noneRecorded')));

  // ——— partners ———
  h1(t('pdf.partners'));
  h2(t('cases.fields.partners'));
  const partners = c.partnerOrganisationIds.map((id) => ix.organisation(id)).filter((o): o is OrganisationRecord => !!o);
  if (partners.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('book.columns.organisation'), width: 4.4 },
        { label: t('pdf.location'), width: 2.4 },
        { label: t('book.columns.kind'), width: 2 },
      ],
      rows: partners.map((o) => [o.name, placeOf(o), kindOf(o)]),
    });
  } else blocks.push(muted(t('pdf.noneRecorded')));
  h2(t('cases.fields.countries'));
  if (c.countries.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('pdf.country'), width: 2.4 },
        { label: t('book.country.region'), width: 6.4 },
      ],
      rows: c.countries.map((k) => [countryName(k, lang), regionsOfCountry(k).map((r) => regionName(r, lang)).join(' › ') || none]),
    });
  } else blocks.push(muted(t('pdf.noneRecorded')));

  // ——— status history ———
  h1(t('cases.fields.statusHistory'));
  blocks.push({
    kind: 'table',
    columns: [
      { label: t('cases.fields.status'), width: 2.4 },
      { label: t('pdf.since'), width: 2.4 },
      { label: t('pdf.until'), width: 4 },
    ],
    rows: c.statusHistory.map((s, i, all) => [t(`cases.status.${s.status}`), date(s.on), all[i + 1] ? date(all[i + 1]!.on) : t('pdf.current')]),
  });

  // ——— open tasks ———
  h1(t('pdf.openTasks'));
  const open = ix
    .tasksOfCase(c.id)
    .filter((task) => !task.done)
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.title.localeCompare(b.title, lang));
  if (open.length) {
    const overdue = open.filter((task) => task.dueOn !== null && task.dueOn < opts.today).length;
    blocks.push({ kind: 'paragraph', text: t('tasks.openOverdue', { open: open.length, overdue }), tone: 'muted', keepWithNext: true });
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('pdf.task'), width: 4 },
        { label: t('tasks.dueOn'), width: 3 },
        { label: t('tasks.assignee'), width: 1.8 },
      ],
      rows: open.map((task): RichText[] => {
        const late = task.dueOn !== null && task.dueOn < opts.today;
        const due: RichText = task.dueOn ? (late ? [{ text: `${date(task.dueOn)} — ` }, { text: t('pdf.overdue'), bold: true }] : date(task.dueOn)) : none;
        return [task.title, due, task.assignee || none];
      }),
    });
  } else blocks.push(muted(t('pdf.noOpenTasks')));

  // ——— timeline ———
  h1(t('pdf.timeline'));
  const entries = [...ix.activitiesOfCase(c.id)].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  if (entries.length) {
    if (entries.length > TIMELINE_ENTRIES) blocks.push({ kind: 'paragraph', text: t('pdf.timelineShown', { shown: TIMELINE_ENTRIES, total: entries.length }), tone: 'muted', keepWithNext: true });
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('timeline.date'), width: 2.2 },
        { label: t('timeline.kind'), width: 1.3 },
        { label: t('pdf.entry'), width: 3.8 },
        { label: t('timeline.participants'), width: 2.2 },
      ],
      rows: entries.slice(0, TIMELINE_ENTRIES).map((a): RichText[] => {
        const text = excerpt(a.text, 220);
        const entry: RichText = [{ text: a.title || t(`timeline.kinds.${a.kind}`), bold: true }, ...(text ? [{ text: `\n${text}` }] : [])];
        const who = a.participantIds.map((id) => ix.contact(id)).filter((x): x is ContactRecord => !!x).map(displayName);
        return [date(a.date), t(`timeline.kinds.${a.kind}`), entry, who.join('\n') || none];
      }),
    });
  } else blocks.push(muted(t('pdf.noneRecorded')));

  // ——— linked notes ———
  h1(t('pdf.linkedNotes'));
  const notes = [...ix.notesOfCase(c.id)].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  if (notes.length) {
    for (const n of notes) {
      h2(n.title);
      blocks.push({ kind: 'paragraph', text: `${t(`notes.kinds.${n.kind}`)} · ${t(`notes.statuses.${n.status}`)} · ${date(n.updatedAt.slice(0, 10))}`, tone: 'muted', keepWithNext: true });
      const summary = noteSummary(n.body);
      blocks.push(summary ? { kind: 'paragraph', text: summary } : muted(t('pdf.noneRecorded')));
    }
  } else blocks.push(muted(t('pdf.noneRecorded')));

  return {
    title: c.title,
    subject: `${t('pdf.caseBriefing')} ${c.reference}`,
    keywords: [c.reference, ...c.topics],
    language: lang,
    classification: { level, label: classification },
    header: `${c.reference} · ${c.title}`,
    pageLabel: t('pdf.page'),
    generatedAt: opts.generatedAt,
    cover: {
      kicker: t('pdf.caseBriefing'),
      title: c.title,
      subtitle: c.reference,
      facts: [
        { label: t('cases.fields.client'), value: clientName },
        { label: t('cases.fields.countries'), value: countries },
        { label: t('cases.fields.status'), value: t(`cases.status.${c.status}`) },
        { label: t('cases.fields.owner'), value: c.owner || none },
        { label: t('pdf.date'), value: date(opts.today) },
        { label: t('pdf.classification'), value: classification },
      ],
      classification,
      version: t('pdf.generated', { date: formatDateTime(opts.generatedAt, lang) }),
    },
    blocks,
  };
}

/** About a short paragraph: the budget, in characters, of a linked note's summary. */
const SUMMARY_BUDGET = 600;

/**
 * A note's summary: its prose (paragraphs and quotes, not headings, lists or tables, which read badly
 * run together), cut at a word within the budget; a note without prose falls back to its plain text.
 */
export function noteSummary(body: RichDoc): string {
  const prose = richBlocks(body)
    .flatMap((b) => (b.kind === 'paragraph' ? [plainText(b.text)] : []))
    .join(' ');
  return excerpt(prose.trim() || richTextToPlain(body), SUMMARY_BUDGET);
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
  const now = ctx.now();
  const model = caseBriefingModel(ctx.store.db, c, { language: req.language, generatedAt: now, today: localDate(now) });
  const { bytes } = await renderPdf(model);
  return { fileName: `${safeFileName(c.reference, c.title) || 'briefing'}.pdf`, mime: 'application/pdf', bytes };
}
