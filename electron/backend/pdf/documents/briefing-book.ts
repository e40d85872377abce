import { printOrder } from '../../../../shared/features/trips/book-sections';
import { countryName } from '../../../../shared/features/countries/names';
import { countryMap } from '../../../../shared/features/countries/map';
import { regionName, regionsOfCountry } from '../../../../shared/features/countries/regions';
import { zoneLabel } from '../../../../shared/features/trips/zones';
import { translator, type Language } from '../../../../shared/i18n';
import { displayName, isCurrentPosition, type ContactRecord } from '../../../../shared/features/contacts/schema';
import type { Database } from '../../../../shared/schemas/database';
import type { Audience, BookOutline, BookSection, Classification, TripRecord } from '../../../../shared/features/trips/schema';
import { indexes } from '../../records/indexes';
import { worldTopology } from '../../services/countries/world-map';
import { fontBuffers } from '../fonts';
import { isMeetingLike, orderedAgenda } from '../../../../shared/features/trips/rules';
import { keptBlocks, type Block, type DocumentModel, type RichText, type Shape } from '../model';
import { richBlocks } from '../rich-blocks';
import { formatDate, formatDateTime } from './format';

/** Sections that carry internal working material and never go to external partners. */
export const internalOnly: ReadonlySet<BookSection> = new Set(['strategyExcerpts', 'caseSummaries']);

let warmed = false;
/**
 * Loads the fonts and map data in the background once a trip is opened, so the first export
 * does not pay for reading them.
 */
export function warmBookAssets(): void {
  if (warmed) return;
  warmed = true;
  setImmediate(() => {
    fontBuffers();
    countryMap(worldTopology(), 'DE', 10, 10);
  });
}

export interface BookOptions {
  audience: Audience;
  sections: readonly BookSection[];
  generatedAt: Date;
  today: string;
}

interface Built {
  model: DocumentModel;
  outline: BookOutline;
}

const localeOf = (lang: Language) => (lang === 'de' ? 'de-DE' : 'en-GB');

/**
 * Assembles the briefing book for one trip and one audience as a document model: plain data, with
 * every exclusion for external partners applied here, so no internal text can reach their PDF.
 */
export function buildBriefingBook(db: Database, trip: TripRecord, opts: BookOptions): Built {
  const lang = trip.language;
  const t = translator(lang);
  const ix = indexes(db);
  const external = opts.audience === 'external';
  // External partners get public content only, whatever the trip's own classification.
  const classification: Classification = external ? 'public' : trip.classification;
  const classificationLabel = t(`book.classification.${classification}`);
  const none = t('common.none');
  const date = (iso: string) => formatDate(iso, lang);
  // The agenda as this audience sees it: partners never see an internal item, nor anything that
  // only it would bring in (its day, its counterparts on the contact sheet).
  const items = orderedAgenda(
    db.agendaItems.filter((a) => a.tripId === trip.id),
    trip,
  )
    .map((x) => x.item)
    .filter((i) => !(external && i.kind === 'internal'));
  const meetings = items.filter(isMeetingLike);

  const memberName = (m: TripRecord['members'][number]) => (m.kind === 'staff' ? m.name : ix.contact(m.contactId) ? displayName(ix.contact(m.contactId)!) : '');
  const head = trip.members.find((m) => m.role === 'head');
  const currentRole = (c: ContactRecord) => {
    const p = ix.positionsOfContact(c.id).filter((x) => isCurrentPosition(x, opts.today)).sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0];
    if (!p) return { role: '', organisation: '' };
    return { role: p.role, organisation: ix.organisation(p.organisationId)?.name ?? '' };
  };
  const phones = (c: ContactRecord) => c.phones.filter((p) => !(external && p.kind === 'private')).map((p) => p.number);

  const blocks: Block[] = [];
  // A section's blocks are [from, to) of `blocks`; its entries are the level-2 headings that remain there.
  const outline: Array<BookOutline['sections'][number] & { from?: number; to?: number }> = [];
  const omitted: BookOutline['omitted'] = [];
  // The user's order, with the cover and the contents always first.
  const chosen = printOrder(opts.sections);

  const section = (kind: BookSection, title: string, body: () => void) => {
    const from = blocks.length;
    blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: title });
    body();
    outline.push({ kind, title, entries: [], from, to: blocks.length });
  };

  for (const kind of chosen) {
    if (external && internalOnly.has(kind)) {
      omitted.push({ kind, reason: 'internalOnly' });
      continue;
    }
    switch (kind) {
      case 'cover':
        outline.push({ kind, title: t('book.sections.cover'), entries: [] });
        break;
      case 'contents':
        blocks.push({ kind: 'toc', title: t('book.contents') });
        outline.push({ kind, title: t('book.contents'), entries: [] });
        break;
      case 'delegation': {
        if (!trip.members.length) {
          omitted.push({ kind, reason: 'empty' });
          break;
        }
        section(kind, t('book.sections.delegation'), () => {
          if (trip.purpose && !external) blocks.push({ kind: 'paragraph', text: trip.purpose });
          blocks.push({
            kind: 'table',
            columns: [
              { label: t('book.columns.name'), width: 3 },
              { label: t('book.columns.role'), width: 2 },
              { label: t('book.columns.function'), width: 4 },
            ],
            rows: [...trip.members]
              .sort((a, b) => Number(b.role === 'head') - Number(a.role === 'head'))
              .map((m) => {
                const c = m.kind === 'contact' ? ix.contact(m.contactId) : undefined;
                const fn = m.kind === 'staff' ? m.function : c ? Object.values(currentRole(c)).filter(Boolean).join(', ') : '';
                return [memberName(m), t(`book.roles.${m.role}`), fn || none];
              }),
          });
        });
        break;
      }
      case 'itinerary': {
        if (!items.length) {
          omitted.push({ kind, reason: 'empty' });
          break;
        }
        const days = [...new Set(items.map((i) => i.date))];
        // A trip across time zones names each row's zone, as people name it ("Nairobi" over "(East Africa Time)").
        const zoned = new Set(items.map((i) => i.timeZone)).size > 1;
        section(kind, t('book.sections.itinerary'), () => {
          blocks.push({ kind: 'paragraph', text: t('book.timeZoneNote', { zones: trip.timeZones.map((z) => zoneLabel(z, lang)).join('; ') }), tone: 'muted', keepWithNext: true });
          for (const day of days) {
            const weekday = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
            blocks.push({ kind: 'heading', level: 2, text: weekday });
            blocks.push({
              kind: 'table',
              columns: [
                { label: t('book.columns.time'), width: 1.3 },
                ...(zoned ? [{ label: t('book.columns.timeZone'), width: 2.5 }] : []),
                { label: t('book.columns.item'), width: zoned ? 3.3 : 4 },
                { label: t('book.columns.place'), width: zoned ? 2.2 : 2.6 },
              ],
              rows: items
                .filter((i) => i.date === day)
                .map((i) => [
                  `${i.start}–${i.end}`,
                  ...(zoned ? [zoneLabel(i.timeZone, lang).replace(' (', '\n(')] : []),
                  [{ text: i.title, bold: true }, { text: `\n${t(`book.kinds.${i.kind}`)}` }],
                  i.place || none,
                ]),
            });
          }
        });
        break;
      }
      case 'meetings': {
        if (!meetings.length) {
          omitted.push({ kind, reason: 'empty' });
          break;
        }
        section(kind, t('book.sections.meetings'), () => {
          let previousShort = false;
          meetings.forEach((m, n) => {
            const counterparts = m.counterpartIds.map((id) => ix.contact(id)).filter((c): c is ContactRecord => !!c);
            const points = external ? [] : withoutLeadingHeading(richBlocks(m.talkingPoints), t('book.meeting.talkingPoints'));
            // A meeting with substance starts a page; one with only logistics (no counterparts,
            // objectives or talking points) follows the previous meeting instead of getting a near-empty
            // page. When such a short one had to move to a fresh page, the next meeting fills that page.
            const substantial = counterparts.length > 0 || m.objectives.trim() !== '' || points.length > 0;
            if (n > 0 && substantial) blocks.push(previousShort ? { kind: 'pageBreak', ifFilled: SHORT_PAGE } : { kind: 'pageBreak' });
            previousShort = !substantial;
            blocks.push({ kind: 'heading', level: 2, text: m.title });
            const org = m.organisationId ? ix.organisation(m.organisationId) : undefined;
            blocks.push({
              kind: 'fields',
              keepTogether: true,
              rows: [
                { label: t('book.meeting.when'), value: `${date(m.date)}, ${m.start}–${m.end} ${zoneLabel(m.timeZone, lang)}` },
                { label: t('book.meeting.where'), value: m.place || none },
                { label: t('book.meeting.organisation'), value: org ? org.name : none },
                { label: t('book.meeting.counterparts'), value: counterparts.map(displayName).join(', ') || none },
              ],
            });
            if (substantial) {
              blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.objectives'), toc: false });
              blocks.push({ kind: 'paragraph', text: m.objectives || none });
            }
            if (points.length) blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.talkingPoints'), toc: false }, ...points);
            if (counterparts.length) {
              blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.profiles'), toc: false });
              for (const c of counterparts) {
                const { role, organisation } = currentRole(c);
                const rows: Array<{ label: string; value: RichText }> = [
                  { label: t('book.columns.name'), value: [{ text: displayName(c), bold: true }, ...(c.nativeName ? [{ text: ` (${c.nativeName})` }] : [])] },
                  { label: t('book.meeting.position'), value: [role, organisation].filter(Boolean).join(', ') || none },
                  { label: t('book.meeting.languages'), value: c.languages.map((l) => languageName(l, lang)).join(', ') || none },
                ];
                if (!external) {
                  const last = [...ix.activitiesOfContact(c.id)].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 3);
                  rows.push({
                    label: t('book.meeting.lastContacts'),
                    value: last.length ? last.map((a) => `${date(a.date)} — ${a.title || t(`timeline.kinds.${a.kind}`)}`).join('\n') : t('book.meeting.noneRecorded'),
                  });
                  const withThem = new Set([...ix.casesOfContact(c.id).map((x) => x.id), ...ix.activitiesOfContact(c.id).map((a) => a.caseId).filter((x): x is string => !!x)]);
                  const open = [...withThem].flatMap((caseId) => ix.tasksOfCase(caseId)).filter((task) => !task.done);
                  rows.push({
                    label: t('book.meeting.openTasks'),
                    value: open.length ? open.slice(0, 6).map((task) => `${task.title}${task.dueOn ? ` (${date(task.dueOn)})` : ''}`).join('\n') : t('book.meeting.noneRecorded'),
                  });
                }
                blocks.push({ kind: 'fields', rows, keepTogether: true });
              }
            }
            if (!external && m.preparation) {
              blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.preparation'), toc: false }, { kind: 'paragraph', text: m.preparation });
            }
            if (!external && m.caseIds.length) {
              const cases = m.caseIds.map((id) => ix.caseById(id)).filter((c) => !!c);
              blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.linkedCases'), toc: false }, { kind: 'list', items: cases.map((c) => `${c!.reference} ${c!.title}`) });
            }
          });
        });
        break;
      }
      case 'countryProfile': {
        const countries = [...new Set(trip.destinations.map((d) => d.country))];
        section(kind, t('book.sections.countryProfile'), () => {
          countries.forEach((code, n) => {
            if (n > 0) blocks.push({ kind: 'pageBreak' });
            const name = countryName(code, lang);
            blocks.push({ kind: 'heading', level: 2, text: name });
            blocks.push({
              kind: 'fields',
              rows: [
                { label: t('book.country.names'), value: `${countryName(code, 'de')} · ${countryName(code, 'en')} (${code})` },
                { label: t('book.country.region'), value: regionsOfCountry(code).map((r) => regionName(r, lang)).join(' › ') || none },
              ],
            });
            const map = countryMap(worldTopology(), code, 460, 300);
            if (map) {
              const shapes: Shape[] = map.paths.map((p) =>
                p.highlighted ? { kind: 'path', d: p.d, fill: '#1f4e79', stroke: '#ffffff', lineWidth: 0.6 } : { kind: 'path', d: p.d, fill: '#dfe4ea', stroke: '#ffffff', lineWidth: 0.6 },
              );
              blocks.push({
                kind: 'figure',
                alt: t('book.country.mapAlt', { country: name }),
                width: map.width,
                height: map.height,
                shapes,
                caption: t('book.country.mapCaption', { country: name }),
                clip: true,
                background: '#f4f7fa',
              });
            }
            const orgs = db.organisations.filter((o) => o.country === code);
            // "Science Officer, Science and Innovation Section, German Embassy Nairobi": a department is
            // named with its parent, and a role that already names its unit is not followed by it again.
            const roleAt = (role: string, o: (typeof orgs)[number]) => {
              const parent = o.parentId ? ix.organisation(o.parentId)?.name : undefined;
              const unit = role.includes(o.name) ? [] : [o.name];
              return [role, ...unit, parent].filter(Boolean).join(', ');
            };
            if (orgs.length) {
              // The 25 with the most people we know there; partners see them by name, without our counts.
              const listed = orgs
                .map((o) => ({ o, people: ix.positionsAt(o.id).filter((p) => isCurrentPosition(p, opts.today)).length }))
                .sort((a, b) => b.people - a.people || a.o.name.localeCompare(b.o.name, lang))
                .slice(0, 25);
              const kindOf = (o: (typeof orgs)[number]) => t(`organisations.kinds.${o.kind}`);
              blocks.push({ kind: 'heading', level: 3, text: t('book.country.ourOrganisations'), toc: false });
              blocks.push({
                kind: 'table',
                columns: [
                  { label: t('book.columns.organisation'), width: 5.2 },
                  { label: t('book.columns.city'), width: 1.6 },
                  { label: t('book.columns.kind'), width: 2 },
                  ...(external ? [] : [{ label: t('book.columns.people'), width: 1, align: 'right' as const }]),
                ],
                rows: external
                  ? [...listed].sort((a, b) => a.o.name.localeCompare(b.o.name, lang)).map(({ o }) => [o.name, o.city || none, kindOf(o)])
                  : listed.map(({ o, people }) => [o.name, o.city || none, kindOf(o), String(people)]),
              });
            }
            if (!external) {
              // Who we know there now: our network, so the delegation's edition only. Most recently in touch first.
              const people = orgs
                .flatMap((o) => ix.positionsAt(o.id).filter((p) => isCurrentPosition(p, opts.today)).map((p) => ({ p, o, c: ix.contact(p.contactId) })))
                .filter((x): x is typeof x & { c: ContactRecord } => !!x.c)
                .map((x) => ({ ...x, last: ix.lastContact(x.c.id) }))
                .sort((a, b) => (b.last ?? '').localeCompare(a.last ?? '') || displayName(a.c).localeCompare(displayName(b.c), lang));
              // A person with two roles there is listed once, with the first role in that order.
              const seen = new Set<string>();
              const shown = people.filter((x) => !seen.has(x.c.id) && seen.add(x.c.id)).slice(0, 30);
              if (shown.length) {
                blocks.push({ kind: 'heading', level: 3, text: t('book.country.contacts'), toc: false });
                blocks.push({
                  kind: 'table',
                  columns: [
                    { label: t('book.columns.name'), width: 2.4 },
                    { label: t('book.columns.function'), width: 4.6 },
                    { label: t('book.columns.lastContact'), width: 1.8 },
                  ],
                  rows: shown.map(({ c, p, o, last }) => [displayName(c), roleAt(p.role, o), last ? date(last) : none]),
                });
              }
              const open = db.cases.filter((c) => c.countries.includes(code) && c.status !== 'closed');
              if (open.length) {
                blocks.push({ kind: 'heading', level: 3, text: t('book.country.openCases'), toc: false });
                blocks.push({
                  kind: 'table',
                  columns: [
                    { label: t('book.columns.reference'), width: 1.6 },
                    { label: t('book.columns.case'), width: 4.4 },
                    { label: t('book.columns.status'), width: 1.6 },
                  ],
                  rows: open.map((c) => [c.reference, c.title, t(`cases.status.${c.status}`)]),
                });
              }
              const earlier = earlierTrips(db.trips, trip, code);
              if (earlier.length) {
                blocks.push({ kind: 'heading', level: 3, text: t('book.country.earlierTrips'), toc: false });
                blocks.push({ kind: 'list', items: earlier.map((x) => `${date(x.startDate)} – ${date(x.endDate)}: ${x.title}`) });
              }
            }
          });
        });
        break;
      }
      case 'strategyExcerpts': {
        const notes = [...new Set([...trip.noteIds, ...trip.caseIds.flatMap((c) => ix.notesOfCase(c).map((n) => n.id))])]
          .map((id) => ix.note(id))
          .filter((n) => !!n);
        if (!notes.length) {
          omitted.push({ kind, reason: 'empty' });
          break;
        }
        section(kind, t('book.sections.strategyExcerpts'), () => {
          for (const n of notes) {
            blocks.push({ kind: 'heading', level: 2, text: n!.title });
            blocks.push({ kind: 'paragraph', text: `${t(`notes.kinds.${n!.kind}`)} · ${t(`notes.statuses.${n!.status}`)} · ${date(n!.updatedAt.slice(0, 10))}`, tone: 'muted', keepWithNext: true });
            const parts = richBlocks(n!.body);
            const excerpt = excerptOf(parts);
            blocks.push(...excerpt);
            if (excerpt.length < parts.length) blocks.push({ kind: 'paragraph', text: '…', tone: 'muted' });
          }
        });
        break;
      }
      case 'caseSummaries': {
        const cases = [...new Set([...trip.caseIds, ...items.flatMap((i) => i.caseIds)])].map((id) => ix.caseById(id)).filter((c) => !!c);
        if (!cases.length) {
          omitted.push({ kind, reason: 'empty' });
          break;
        }
        section(kind, t('book.sections.caseSummaries'), () => {
          for (const c of cases) {
            blocks.push({ kind: 'heading', level: 2, text: `${c!.reference} ${c!.title}` });
            blocks.push({
              kind: 'fields',
              rows: [
                { label: t('cases.fields.status'), value: t(`cases.status.${c!.status}`) },
                { label: t('cases.fields.client'), value: ix.organisation(c!.clientId)?.name ?? (c!.client || none) },
                { label: t('cases.fields.countries'), value: c!.countries.map((k) => countryName(k, lang)).join(', ') || none },
                { label: t('cases.fields.owner'), value: c!.owner || none },
              ],
            });
            if (c!.summary) blocks.push({ kind: 'paragraph', text: c!.summary });
          }
        });
        break;
      }
      case 'contactSheet': {
        const people = new Map<string, ContactRecord>();
        for (const m of trip.members) if (m.kind === 'contact' && ix.contact(m.contactId)) people.set(m.contactId, ix.contact(m.contactId)!);
        for (const i of items) for (const id of i.counterpartIds) if (ix.contact(id)) people.set(id, ix.contact(id)!);
        if (!people.size) {
          omitted.push({ kind, reason: 'empty' });
          break;
        }
        section(kind, t('book.sections.contactSheet'), () => {
          blocks.push({
            kind: 'table',
            // The e-mail column is the widest: most addresses fit on one line, longer ones break
            // after the '@' (the renderer's line-breaker); names and functions wrap at spaces, and
            // the phone column fits an international number with its groups on one line.
            columns: [
              { label: t('book.columns.name'), width: 2 },
              { label: t('book.columns.function'), width: 3 },
              { label: t('book.columns.email'), width: 3.4 },
              { label: t('book.columns.phone'), width: 2.3 },
            ],
            rows: [...people.values()]
              .sort((a, b) => a.familyName.localeCompare(b.familyName, lang))
              .map((c) => {
                const { role, organisation } = currentRole(c);
                return [displayName(c), [role, organisation].filter(Boolean).join(', ') || none, c.emails.map((e) => e.address).join('\n') || none, phones(c).join('\n') || none];
              }),
          });
        });
        break;
      }
      case 'notesPages':
        blocks.push({ kind: 'notes', title: t('book.notes'), pages: 2 });
        outline.push({ kind, title: t('book.sections.notesPages'), entries: [] });
        break;
    }
  }

  // What filtering left empty goes — a day, a section — with its heading, so its contents line and
  // bookmark; the outline lists what remains, and a section left with nothing is reported as empty.
  const kept = keptBlocks(blocks);
  const remaining = blocks.filter((_, i) => kept[i]);
  const sections: BookOutline['sections'] = [];
  for (const { from, to, ...s } of outline) {
    if (from === undefined || to === undefined) {
      sections.push(s);
      continue;
    }
    const own = blocks.slice(from, to).filter((b, i) => kept[from + i]);
    if (!own.some((b) => b.kind === 'heading' && b.level === 1)) {
      omitted.push({ kind: s.kind, reason: 'empty' });
      continue;
    }
    sections.push({ ...s, entries: own.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : [])) });
  }

  const destinations = trip.destinations.map((d) => [d.city, countryName(d.country, lang)].filter(Boolean).join(', ')).join(' · ');
  const stamp = formatDateTime(opts.generatedAt, lang);
  const model: DocumentModel = {
    title: trip.title,
    subject: `${external ? t('book.externalKicker') : t('book.kicker')}: ${trip.title}`,
    keywords: trip.topics,
    language: lang,
    classification: { level: classification, label: classificationLabel },
    header: trip.title,
    pageLabel: t('book.page'),
    generatedAt: opts.generatedAt,
    ...(chosen.includes('cover')
      ? {
          cover: {
            kicker: external ? t('book.externalKicker') : t('book.kicker'),
            title: trip.title,
            subtitle: `${date(trip.startDate)} – ${date(trip.endDate)} · ${destinations}`,
            facts: [
              { label: t('book.facts.dates'), value: `${date(trip.startDate)} – ${date(trip.endDate)}` },
              { label: t('book.facts.destinations'), value: destinations },
              { label: t('book.facts.head'), value: head ? memberName(head) : none },
              { label: t('book.facts.classification'), value: classificationLabel },
              { label: t('book.facts.version'), value: stamp },
            ],
            classification: classificationLabel,
            version: t('book.versionStamp', { date: stamp }),
          },
        }
      : {}),
    // The first section must not start with an empty page after the cover or contents.
    blocks: remaining.filter((b, i) => !(b.kind === 'pageBreak' && (i === 0 || remaining[i - 1]!.kind === 'toc'))),
  };
  omitted.sort((a, b) => chosen.indexOf(a.kind) - chosen.indexOf(b.kind));
  return { model, outline: { title: trip.title, classification, language: lang, sections, omitted } };
}

const plainLength = (r: RichText) => (typeof r === 'string' ? r.length : r.reduce((s, x) => s + x.text.length, 0));

/** A page used less than this (a fraction of its text height) is not left nearly empty by a meeting's page break. */
const SHORT_PAGE = 0.4;

/** About a page of text: the budget, in characters, of a strategy excerpt. */
export const EXCERPT_BUDGET = 1800;

/**
 * The opening of a note, up to about a page: whole blocks until the budget is spent. An excerpt never
 * ends with a heading (or a rule) whose text was cut off: trailing headings are dropped.
 */
export function excerptOf(parts: readonly Block[], budget = EXCERPT_BUDGET): Block[] {
  const out: Block[] = [];
  for (const b of parts) {
    if (budget <= 0) break;
    out.push(b);
    budget -= b.kind === 'paragraph' ? plainLength(b.text) : b.kind === 'list' ? b.items.reduce((s, x) => s + plainLength(x), 0) : 200;
  }
  while (out.length && (out[out.length - 1]!.kind === 'heading' || out[out.length - 1]!.kind === 'spacer')) out.pop();
  return out;
}

/** Trips to the country that ended before this trip starts (most recent first); never this trip or a later one. */
export function earlierTrips(trips: readonly TripRecord[], trip: TripRecord, country: string): TripRecord[] {
  return trips
    .filter((x) => x.id !== trip.id && x.endDate < trip.startDate && x.destinations.some((d) => d.country === country))
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
}

/** Talking points that open with their own "Talking points" heading would print it twice under ours. */
function withoutLeadingHeading(blocks: Block[], title: string): Block[] {
  const first = blocks[0];
  return first?.kind === 'heading' && first.text.trim().toLocaleLowerCase() === title.toLocaleLowerCase() ? blocks.slice(1) : blocks;
}

function languageName(code: string, lang: Language): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
