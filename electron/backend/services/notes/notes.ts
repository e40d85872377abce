import type { Collection } from '../../../../shared/schemas/collection';
import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { countryName } from '../../../../shared/features/countries/names';
import { countryInRegions, regionName } from '../../../../shared/features/countries/regions';
import { excerpt, richTextToPlain } from '../../../../shared/domain/richtext';
import { NoteFields, type NoteListItem, type NoteRecord, type NoteRevisionRecord } from '../../../../shared/features/notes/schema';
import { matchesTerms, searchTerms } from '../../../../shared/domain/text';
import type { ServiceContext } from '../../records/context';
import { byId } from '../../records/indexes';
import { compareValues, foldedCache, listCache, queryKey, window } from '../../records/lists';
import { collection } from '../../records/recipe';
import { findOrThrow } from '../../records/records';

/** How many saved versions a note keeps; the oldest go first. */
const KEEP_REVISIONS = 100;

const plainOf = new WeakMap<NoteRecord, string>();
export function notePlainText(n: NoteRecord): string {
  let s = plainOf.get(n);
  if (s === undefined) plainOf.set(n, (s = richTextToPlain(n.body)));
  return s;
}

const noteText = foldedCache((n: NoteRecord) =>
  [n.title, notePlainText(n), ...n.topics, ...n.countries.flatMap((c) => [c, countryName(c, 'en'), countryName(c, 'de')]), ...n.regions.flatMap((r) => [regionName(r, 'en'), regionName(r, 'de')])].join('\n'),
);

const item = (n: NoteRecord): NoteListItem => ({
  id: n.id,
  revision: n.revision,
  title: n.title,
  kind: n.kind,
  status: n.status,
  countries: n.countries,
  regions: n.regions,
  topics: n.topics,
  owner: n.owner,
  classification: n.classification,
  excerpt: excerpt(notePlainText(n), 200),
  updatedAt: n.updatedAt,
});

/** A note concerns a country when it names it, or names a region the country lies in. */
export function noteConcernsCountry(n: NoteRecord, country: string): boolean {
  return n.countries.includes(country) || (n.regions.length > 0 && countryInRegions(country, new Set(n.regions)));
}

export function createNoteService(ctx: ServiceContext) {
  const { store } = ctx;
  const sorted = listCache<NoteRecord>();

  function assertLinks(fields: { caseIds: readonly string[]; contactIds: readonly string[] }) {
    const cases = byId(store.db.cases);
    const contacts = byId(store.db.contacts);
    if (fields.caseIds.some((id) => !cases.has(id))) throw new AppError('VALIDATION', 'A linked case does not exist.', { fields: { caseIds: { key: 'validation.unknownRecord' } } });
    if (fields.contactIds.some((id) => !contacts.has(id))) throw new AppError('VALIDATION', 'A linked contact does not exist.', { fields: { contactIds: { key: 'validation.unknownRecord' } } });
  }

  function revisionOf(note: NoteRecord): NoteRevisionRecord {
    return { id: ctx.newId(), noteId: note.id, savedAt: note.updatedAt, noteRevision: note.revision, title: note.title, status: note.status, body: note.body };
  }

  /** Appends a version and drops the oldest beyond the limit, for this note only. */
  function withRevision(all: Collection<NoteRevisionRecord>, rev: NoteRevisionRecord): Collection<NoteRevisionRecord> {
    const mine = all.filter((r) => r.noteId === rev.noteId);
    const drop = new Set(mine.slice(0, Math.max(0, mine.length + 1 - KEEP_REVISIONS)).map((r) => r.id));
    return all.rebuild((r) => (drop.has(r.id) ? null : r), [rev]);
  }

  const records = collection(ctx, { collection: 'notes', what: 'note', title: 'Note', fields: NoteFields, label: (n) => n.title, check: assertLinks });

  const service = {
    list(query: ParsedInputOf<'notes.list'>) {
      const source = store.db.notes;
      const rows = sorted(source, queryKey(query), () => {
        const terms = searchTerms(query.text);
        const kinds = new Set(query.kinds);
        const statuses = new Set(query.statuses);
        const countries = new Set(query.countries);
        const regions = new Set(query.regions);
        const topics = new Set(query.topics);
        const owners = new Set(query.owners);
        const classifications = new Set(query.classifications);
        const hits = source.filter(
          (n) =>
            (kinds.size === 0 || kinds.has(n.kind)) &&
            (statuses.size === 0 || statuses.has(n.status)) &&
            (countries.size === 0 || [...countries].some((c) => noteConcernsCountry(n, c))) &&
            (regions.size === 0 || n.regions.some((r) => regions.has(r)) || n.countries.some((c) => countryInRegions(c, regions))) &&
            (topics.size === 0 || n.topics.some((t) => topics.has(t))) &&
            (owners.size === 0 || owners.has(n.owner)) &&
            (classifications.size === 0 || classifications.has(n.classification)) &&
            (query.caseId === undefined || n.caseIds.includes(query.caseId)) &&
            (query.contactId === undefined || n.contactIds.includes(query.contactId)) &&
            (terms.length === 0 || matchesTerms(terms, [noteText(n)])),
        );
        return hits.sort((a, b) => compareValues(a[query.sort], b[query.sort], query.direction) || compareValues(a.title, b.title, 'asc'));
      });
      const page = window(rows, query.offset, query.limit);
      return { ...page, rows: page.rows.map(item) };
    },

    get({ id }): NoteRecord {
      return findOrThrow(store.db.notes, id, 'note');
    },

    /** Every save that changes the text keeps a version (notes.revisions), the first one included. */
    create: (input) =>
      store.update((draft) => {
        const record = records.insert(draft, input);
        draft.noteRevisions = withRevision(store.db.noteRevisions, revisionOf(record));
        return record;
      }),

    update: (input) =>
      store.update((draft) => {
        const current = records.get(input.id);
        const record = records.patch(draft, input);
        const textChanged = record.title !== current.title || record.status !== current.status || JSON.stringify(record.body) !== JSON.stringify(current.body);
        if (textChanged) draft.noteRevisions = withRevision(store.db.noteRevisions, revisionOf(record));
        return record;
      }),

    /** Through the delete planner: a trip that lists the note loses the link (undo puts it back); the note's versions go with it. */
    deleteImpact: ({ id }) => records.deleteImpact(id),

    /** Saved versions, newest first, without their text (fetch one with `revision`). */
    revisions({ id: noteId }) {
      findOrThrow(store.db.notes, noteId, 'note');
      return store.db.noteRevisions
        .filter((r) => r.noteId === noteId)
        .map(({ body, ...meta }) => ({ ...meta, excerpt: excerpt(richTextToPlain(body), 160) }))
        .reverse();
    },

    revision({ id }): NoteRevisionRecord {
      const r = store.db.noteRevisions.find((x) => x.id === id);
      if (!r) throw new AppError('NOT_FOUND', `No note version ${id}.`, { messageKey: { key: 'errors.notFound' } });
      return r;
    },

    /** Brings an earlier version back as the newest one; the versions in between stay. */
    restoreRevision(input: ParsedInputOf<'notes.restoreRevision'>): Promise<NoteRecord> {
      const rev = service.revision({ id: input.revisionId });
      if (rev.noteId !== input.id) throw new AppError('VALIDATION', 'That version belongs to another note.');
      return service.update({ id: input.id, revision: input.revision, changes: { title: rev.title, status: rev.status, body: rev.body } });
    },

    delete: (input) => records.remove(input),
  } satisfies ServiceOf<'notes'>;
  return service;
}
