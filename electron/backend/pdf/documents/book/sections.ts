// The briefing book's sections, one builder each: adding a section is a builder here and its name in
// shared/features/trips/book-sections; the book itself only gathers, filters and orders.
import type { BookSection } from '../../../../../shared/features/trips/schema';
import { caseSummaries } from './case-summaries';
import { contactSheet } from './contact-sheet';
import { countryProfile } from './country-profile';
import type { SectionBuilder } from './data';
import { delegation } from './delegation';
import { itinerary } from './itinerary';
import { meetings } from './meetings';
import { strategyExcerpts } from './strategy-excerpts';

export const sectionBuilders: Record<BookSection, SectionBuilder> = {
  // The cover is the model's own page (see buildBriefingBook); it only has its line in the outline.
  cover: ({ t }) => ({ title: t('book.sections.cover'), blocks: [], chapter: false }),
  contents: ({ t }) => ({ title: t('book.contents'), blocks: [{ kind: 'toc', title: t('book.contents') }], chapter: false }),
  delegation,
  itinerary,
  meetings,
  countryProfile,
  strategyExcerpts,
  caseSummaries,
  contactSheet,
  notesPages: ({ t }) => ({ title: t('book.sections.notesPages'), blocks: [{ kind: 'notes', title: t('book.notes'), pages: 2 }], chapter: false }),
};
