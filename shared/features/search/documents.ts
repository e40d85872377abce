/**
 * What the search index knows of each record: one document per searchable thing, with a title
 * (ranked higher) and a body (the rest of its words). Pure, so the backend's index, the linear scan
 * the tests compare it with and the bench all read records the same way; a new searchable kind is
 * one entry in `documentSources`.
 */
import { foldText } from '../../domain/text';
import { richTextToPlain } from '../../domain/richtext';
import type { CaseRecord, TaskRecord } from '../cases/schema';
import type { ActivityRecord } from '../cases/activities';
import type { ContactRecord, PositionRecord } from '../contacts/schema';
import type { OrganisationRecord } from '../organisations/schema';
import type { NoteRecord } from '../notes/schema';
import type { AgendaItemRecord, TripRecord } from '../trips/schema';
import type { CooperationRecord } from '../cooperations/schema';
import type { ProgrammeRecord } from '../programmes/schema';
import type { ReminderRecord } from '../reminders/schema';

/**
 * Bump when what a record contributes to the index (documentSources) or how words are folded
 * changes: a stored index of another version is built anew instead of being used.
 */
export const SEARCH_RULES_VERSION = 3;

/** Every kind of thing search finds, in the order the palette groups them. */
export const searchKinds = [
  'case',
  'contact',
  'organisation',
  'trip',
  'agendaItem',
  'debrief',
  'note',
  'cooperation',
  'programme',
  'task',
  'reminder',
  'activity',
  'position',
] as const;
export type SearchKind = (typeof searchKinds)[number];

/** The collections search reads, by the kind they hold (a debrief lives inside its agenda item). */
export const kindCollections = {
  case: 'cases',
  contact: 'contacts',
  organisation: 'organisations',
  trip: 'trips',
  agendaItem: 'agendaItems',
  debrief: 'agendaItems',
  note: 'notes',
  cooperation: 'cooperations',
  programme: 'programmes',
  task: 'tasks',
  reminder: 'reminders',
  activity: 'activities',
  position: 'positions',
} as const satisfies Record<SearchKind, string>;

export interface SearchDocument {
  /** `kind:id`; a debrief has its agenda item's id. */
  key: string;
  kind: SearchKind;
  id: string;
  title: string;
  body: string;
}

/** Fields of a body, kept apart so the words around a match read as a list, not one run-on phrase. */
const join = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' · ');
const words = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' ');

/** A person's name as shown: given and family name, with the native script and transliteration after it. */
export function personName(c: Pick<ContactRecord, 'givenName' | 'familyName' | 'academicTitle'>): string {
  return words(c.academicTitle, c.givenName, c.familyName);
}

/** The records of one collection as documents (a record may give none, one or two). */
export const documentSources = {
  cases: (c: CaseRecord): SearchDocument[] => [
    { key: `case:${c.id}`, kind: 'case', id: c.id, title: c.title, body: join(c.reference, c.client, c.owner, c.fundingInstruments.join(', '), c.summary) },
  ],
  tasks: (t: TaskRecord): SearchDocument[] => [{ key: `task:${t.id}`, kind: 'task', id: t.id, title: t.title, body: t.assignee }],
  reminders: (r: ReminderRecord): SearchDocument[] => [{ key: `reminder:${r.id}`, kind: 'reminder', id: r.id, title: r.text, body: r.assignee }],
  // A timeline entry opens its case or its first participant; one with neither has nowhere to open.
  activities: (a: ActivityRecord): SearchDocument[] =>
    a.caseId || a.participantIds.length ? [{ key: `activity:${a.id}`, kind: 'activity', id: a.id, title: a.title, body: a.text }] : [],
  contacts: (c: ContactRecord): SearchDocument[] => [
    {
      key: `contact:${c.id}`,
      kind: 'contact',
      id: c.id,
      title: personName(c),
      body: join(c.nativeName, c.transliteration, c.emails.map((e) => e.address).join(' '), c.expertise.join(', '), c.owner, c.notes),
    },
  ],
  positions: (p: PositionRecord): SearchDocument[] => [{ key: `position:${p.id}`, kind: 'position', id: p.id, title: p.role, body: '' }],
  organisations: (o: OrganisationRecord): SearchDocument[] => [
    { key: `organisation:${o.id}`, kind: 'organisation', id: o.id, title: words(o.name, o.shortName), body: join(o.city, o.owner, o.topics.join(', '), o.notes) },
  ],
  notes: (n: NoteRecord): SearchDocument[] => [{ key: `note:${n.id}`, kind: 'note', id: n.id, title: n.title, body: join(n.owner, richTextToPlain(n.body)) }],
  trips: (t: TripRecord): SearchDocument[] => [
    {
      key: `trip:${t.id}`,
      kind: 'trip',
      id: t.id,
      title: t.title,
      body: join(t.purpose, t.destinations.map((d) => d.city).join(', '), t.members.map((m) => (m.kind === 'staff' ? words(m.name, m.function) : '')).join(' ')),
    },
  ],
  agendaItems: (a: AgendaItemRecord): SearchDocument[] => {
    const item: SearchDocument = {
      key: `agendaItem:${a.id}`,
      kind: 'agendaItem',
      id: a.id,
      title: a.title,
      body: join(a.place, a.objectives, richTextToPlain(a.talkingPoints), a.preparation),
    };
    if (!a.debrief) return [item];
    const d = a.debrief;
    return [item, { key: `debrief:${a.id}`, kind: 'debrief', id: a.id, title: a.title, body: join(d.agreed, d.followUps.map((f) => words(f.title, f.assignee)).join(' · ')) }];
  },
  cooperations: (c: CooperationRecord): SearchDocument[] => [
    { key: `cooperation:${c.id}`, kind: 'cooperation', id: c.id, title: c.title, body: join(c.instrument, c.funder, c.topics.join(', '), c.notes) },
  ],
  programmes: (p: ProgrammeRecord): SearchDocument[] => [
    { key: `programme:${p.id}`, kind: 'programme', id: p.id, title: p.name, body: join(p.funder, p.topics.join(', '), p.notes) },
  ],
} as const;
export type SearchedCollection = keyof typeof documentSources;
export const searchedCollections = Object.keys(documentSources) as SearchedCollection[];

/**
 * Folds a text for search: case, diacritics (Latin, Greek tonos, Vietnamese tones, Cyrillic й/ё),
 * the letters NFKD cannot split (ł, ø, ß, đ, ı) and the Greek final sigma.
 */
export function foldForSearch(s: string): string {
  return NON_ASCII.test(s) ? foldText(s).replace(/ς/g, 'σ') : s.toLowerCase();
}

const NON_ASCII = /[^\t-~]/;
const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;

/** The folded words of a text, in order (letters and digits; everything else separates). */
export function searchWords(s: string): string[] {
  // Most text is ASCII: folding is then lower-casing, and a plain character class finds the words.
  if (!NON_ASCII.test(s)) return s.toLowerCase().match(ASCII_WORD) ?? [];
  return foldForSearch(s).match(WORD) ?? [];
}
