import { printOrder } from '../../../../shared/features/trips/book-sections';
import { countryName } from '../../../../shared/features/countries/names';
import type { Database } from '../../../../shared/schemas/database';
import type { Audience, BookOutline, BookSection, TripRecord } from '../../../../shared/features/trips/schema';
import type { Classification } from '../../../../shared/schemas/classification';
import { printMap } from '../../services/countries/world-map';
import { mainFonts } from '../fonts';
import { pruneEmpty, type Block, type DocumentModel } from '../model';
import { BOOK_MAP } from './book/country-profile';
import { gatherBook } from './book/data';
import { sectionBuilders } from './book/sections';
import { formatDateTime } from './format';

export { excerptOf, EXCERPT_BUDGET } from './book/strategy-excerpts';
export { earlierTrips } from './book/country-profile';

/** Sections that carry internal working material and never go to external partners. */
export const internalOnly: ReadonlySet<BookSection> = new Set(['strategyExcerpts', 'caseSummaries']);

let warmed = false;
/**
 * Gets the book's fonts and maps ready in the background once a trip is opened, so the first export
 * does not pay for them: the fonts parsed, with the tables shaping Latin text needs decoded (once per
 * process), and the trip's country maps projected (kept in the print-map cache).
 */
export function warmBookAssets(countries: readonly string[] = []): void {
  setImmediate(() => {
    if (!warmed) {
      warmed = true;
      for (const font of Object.values(mainFonts())) font.layout('Delegation Briefing 0123456789 – Ministry, Universität (Łódź) «»');
    }
    for (const code of new Set(countries)) printMap(code, BOOK_MAP.width, BOOK_MAP.height);
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

/**
 * Assembles the briefing book for one trip and one audience as a document model: plain data, with
 * every exclusion for external partners applied here, so no internal text can reach their PDF.
 * The sections are built by book/sections; this gathers their data once, drops what partners never
 * see, and puts the sections the user chose in order.
 */
export function buildBriefingBook(db: Database, trip: TripRecord, opts: BookOptions): Built {
  const book = gatherBook(db, trip, opts.audience, opts.today);
  const { t, lang, external, date, none } = book;
  // External partners get public content only, whatever the trip's own classification.
  const classification: Classification = external ? 'public' : trip.classification;
  const classificationLabel = t(`book.classification.${classification}`);

  const blocks: Block[] = [];
  const sections: BookOutline['sections'] = [];
  const omitted: BookOutline['omitted'] = [];
  // The user's order, with the cover and the contents always first.
  const chosen = printOrder(opts.sections);
  for (const kind of chosen) {
    if (external && internalOnly.has(kind)) {
      omitted.push({ kind, reason: 'internalOnly' });
      continue;
    }
    const part = sectionBuilders[kind](book);
    // What filtering left empty goes — a day, a section — with its heading, so its contents line and
    // bookmark; the outline lists what remains, and a chapter left with nothing is reported as empty.
    const own = part ? pruneEmpty(part.blocks) : [];
    if (!part || (part.chapter && !own.some((b) => b.kind === 'heading' && b.level === 1))) {
      omitted.push({ kind, reason: 'empty' });
      continue;
    }
    blocks.push(...own);
    sections.push({ kind, title: part.title, entries: part.chapter ? own.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : [])) : [] });
  }

  const destinations = trip.destinations.map((d) => [d.city, countryName(d.country, lang)].filter(Boolean).join(', ')).join(' · ');
  const head = trip.members.find((m) => m.role === 'head');
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
              { label: t('book.facts.head'), value: head ? book.memberName(head) : none },
              { label: t('book.facts.classification'), value: classificationLabel },
              { label: t('book.facts.version'), value: stamp },
            ],
            classification: classificationLabel,
            version: t('book.versionStamp', { date: stamp }),
          },
        }
      : {}),
    // The first section must not start with an empty page after the cover or contents.
    blocks: blocks.filter((b, i) => !(b.kind === 'pageBreak' && (i === 0 || blocks[i - 1]!.kind === 'toc'))),
  };
  omitted.sort((a, b) => chosen.indexOf(a.kind) - chosen.indexOf(b.kind));
  return { model, outline: { title: trip.title, classification, language: lang, sections, omitted } };
}
