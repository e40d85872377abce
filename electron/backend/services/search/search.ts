/**
 * Search over every kind of record, through the kept index (kept.ts): the palette's best few per
 * kind with counts, and the search screen's pages. Each hit is described from the record as it is
 * now — what it is, where it belongs (the case of a task, the trip of an agenda item), the words
 * around the match — and says which screen opens it.
 */
import type { ServiceOf } from '../../../../shared/contract';
import { documentSources, foldForSearch, kindCollections, personName, searchKinds, type SearchedCollection, type SearchKind } from '../../../../shared/features/search/documents';
import type { RankedHit, SearchMatch, SearchOptions } from '../../../../shared/features/search/engine';
import type { SearchHit } from '../../../../shared/features/search/contract';
import type { Database } from '../../../../shared/schemas/database';
import type { ServiceContext } from '../../records/context';
import { indexes } from '../../records/indexes';
import type { createCaseService } from '../cases/cases';
import type { createContactService } from '../contacts/contacts';
import type { createCooperationService } from '../cooperations/cooperations';
import type { createNoteService } from '../notes/notes';
import type { createOrganisationService } from '../organisations/organisations';
import type { createProgrammeService } from '../programmes/programmes';
import { keptIndexOf } from './kept';

interface Lists {
  cases: ReturnType<typeof createCaseService>;
  contacts: ReturnType<typeof createContactService>;
  organisations: ReturnType<typeof createOrganisationService>;
  notes: ReturnType<typeof createNoteService>;
  cooperations: ReturnType<typeof createCooperationService>;
  programmes: ReturnType<typeof createProgrammeService>;
}

/** The collection each kind is read from (a debrief from its agenda item). */
const collectionOf: Record<SearchKind, SearchedCollection> = kindCollections;

const WORD = /[\p{L}\p{N}]+/gu;
const SNIPPET_BEFORE = 50;
const SNIPPET_LENGTH = 160;

/** The words around the first matched word of `text`, cut at word boundaries. */
export function snippetOf(text: string, isMatch: (word: string) => boolean): string {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (!isMatch(m[0])) continue;
    let from = Math.max(0, m.index - SNIPPET_BEFORE);
    if (from > 0) from = text.indexOf(' ', from) + 1 || from;
    let to = Math.min(text.length, from + SNIPPET_LENGTH);
    if (to < text.length) to = text.lastIndexOf(' ', to) > m.index ? text.lastIndexOf(' ', to) : to;
    return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
  }
  return '';
}

/**
 * The words around the match in a hit's longer text: around the first query word its title does
 * not hold ('' when the title holds them all).
 */
function snippetFor(doc: { title: string; body: string }, match: SearchMatch): string {
  const titleWords = doc.title.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(foldForSearch);
  const typos = new Set(match.words);
  const missing = match.prefixes.filter((p) => !titleWords.some((w) => w.startsWith(p)));
  if (!missing.length && match.prefixes.length) return '';
  // Typo matches cannot be told apart per query word: a typo anywhere counts for the missing words.
  const wanted = missing.length ? missing : match.prefixes;
  const fromMissing = snippetOf(doc.body, (word) => {
    const f = foldForSearch(word);
    return wanted.some((p) => f.startsWith(p));
  });
  return fromMissing || snippetOf(doc.body, (word) => typos.has(foldForSearch(word)));
}

export function createSearchService(ctx: ServiceContext, lists: Lists) {
  const record = <T>(db: Database, collection: SearchedCollection, id: string): T | undefined => {
    const at = ctx.store.locate(collection, id);
    return at < 0 ? undefined : ((db[collection] as unknown as { at(i: number): T }).at(at) as T);
  };

  /** A ranked hit as the screens show it; null when its record is gone (never, as the index follows every save). */
  const describe = (db: Database, hit: RankedHit, match: SearchMatch): SearchHit | null => {
    const ix = indexes(db);
    const coll = collectionOf[hit.kind];
    const r = record<Record<string, unknown> & { id: string }>(db, coll, hit.id);
    if (!r) return null;
    const doc = (documentSources[coll] as (x: unknown) => Array<{ key: string; title: string; body: string }>)(r).find((d) => d.key === hit.key);
    if (!doc) return null;
    const snippet = snippetFor(doc, match);
    const base = { kind: hit.kind, id: hit.id, snippet, status: null as string | null };
    const caseLabel = (id: string | null) => {
      const c = id ? ix.caseById(id) : undefined;
      return c ? `${c.reference} ${c.title}` : '';
    };
    const tripOf = (id: string) => record<{ id: string; title: string; startDate: string }>(db, 'trips', id);
    switch (hit.kind) {
      case 'case': {
        const c = ix.caseById(hit.id)!;
        const client = ix.organisation(c.clientId)?.name ?? c.client;
        return { ...base, label: c.title, detail: [c.reference, client].filter(Boolean).join(' · '), status: c.status, opens: { kind: 'case', id: c.id, item: null } };
      }
      case 'contact': {
        const c = ix.contact(hit.id)!;
        const now = ix.positionsOfContact(c.id).find((p) => p.to === null) ?? ix.positionsOfContact(c.id)[0];
        const org = now ? ix.organisation(now.organisationId)?.name : undefined;
        return { ...base, label: personName(c), detail: [now?.role, org].filter(Boolean).join(', '), opens: { kind: 'contact', id: c.id, item: null } };
      }
      case 'organisation': {
        const o = ix.organisation(hit.id)!;
        return { ...base, label: o.name, detail: [o.city, o.country].filter(Boolean).join(', '), status: o.kind, opens: { kind: 'organisation', id: o.id, item: null } };
      }
      case 'note': {
        const n = ix.note(hit.id)!;
        return { ...base, label: n.title, detail: n.owner, status: n.status, opens: { kind: 'note', id: n.id, item: null } };
      }
      case 'trip': {
        const t = r as unknown as { id: string; title: string; startDate: string; endDate: string };
        return { ...base, label: t.title, detail: `${t.startDate} – ${t.endDate}`, opens: { kind: 'trip', id: t.id, item: null } };
      }
      case 'agendaItem':
      case 'debrief': {
        const a = r as unknown as { id: string; title: string; tripId: string; date: string };
        const trip = tripOf(a.tripId);
        return { ...base, label: a.title, detail: [trip?.title, a.date].filter(Boolean).join(' · '), opens: { kind: 'trip', id: a.tripId, item: a.id } };
      }
      case 'cooperation': {
        const c = r as unknown as { id: string; title: string; status: string; partners: string[] };
        return {
          ...base,
          label: c.title,
          detail: c.partners.map((p) => ix.organisation(p)?.name ?? '').filter(Boolean).join(', '),
          status: c.status,
          opens: { kind: 'cooperation', id: c.id, item: null },
        };
      }
      case 'programme': {
        const p = r as unknown as { id: string; name: string; funder: string; deadline: string | null };
        return { ...base, label: p.name, detail: [p.funder, p.deadline ?? ''].filter(Boolean).join(', '), opens: { kind: 'programme', id: p.id, item: null } };
      }
      case 'task': {
        const t = r as unknown as { id: string; title: string; caseId: string; done: boolean; dueOn: string | null };
        return { ...base, label: t.title, detail: caseLabel(t.caseId), status: t.done ? 'done' : null, opens: { kind: 'case', id: t.caseId, item: null } };
      }
      case 'reminder': {
        const m = r as unknown as { id: string; text: string; contactId: string; dueOn: string; done: boolean };
        const person = ix.contact(m.contactId);
        if (!person) return null;
        return { ...base, label: m.text, detail: [personName(person), m.dueOn].filter(Boolean).join(' · '), status: m.done ? 'done' : null, opens: { kind: 'contact', id: person.id, item: null } };
      }
      case 'activity': {
        const a = r as unknown as { id: string; title: string; date: string; caseId: string | null; participantIds: string[] };
        const person = a.participantIds.map((id) => ix.contact(id)).find(Boolean);
        const opens = a.caseId ? { kind: 'case' as const, id: a.caseId, item: null } : person ? { kind: 'contact' as const, id: person.id, item: null } : null;
        if (!opens) return null;
        return { ...base, label: a.title || a.date, detail: [a.date, a.caseId ? caseLabel(a.caseId) : person ? personName(person) : ''].filter(Boolean).join(' · '), opens };
      }
      case 'position': {
        const p = r as unknown as { id: string; role: string; contactId: string; organisationId: string };
        const person = ix.contact(p.contactId);
        if (!person) return null;
        return { ...base, label: personName(person), detail: [p.role, ix.organisation(p.organisationId)?.name].filter(Boolean).join(', '), opens: { kind: 'contact', id: person.id, item: null } };
      }
    }
  };

  /** Before the index is first built: names and titles through the lists, as the palette searched before. */
  const titles = (text: string, n: number) => {
    const common = { text, offset: 0, limit: n, direction: 'desc' as const };
    const hit = (kind: SearchKind, id: string, label: string, detail: string, status: string | null, opens: SearchHit['opens']): SearchHit => ({ kind, id, label, detail, snippet: '', status, opens });
    const byKind: Array<[SearchKind, SearchHit[]]> = [
      ['case', lists.cases.list({ ...common, statuses: [], countries: [], regions: [], topics: [], owners: [], programmeIds: [], classifications: [], groups: [], sort: 'updatedAt' }).rows.map((c) => hit('case', c.id, c.title, c.reference, c.status, { kind: 'case', id: c.id, item: null }))],
      ['contact', lists.contacts.list({ ...common, countries: [], regions: [], topics: [], organisationKinds: [], languages: [], owners: [], groups: [], sort: 'lastContact' }).rows.map((c) => hit('contact', c.id, c.name, [c.role, c.organisationName].filter(Boolean).join(', '), null, { kind: 'contact', id: c.id, item: null }))],
      ['organisation', lists.organisations.list({ ...common, kinds: [], countries: [], regions: [], topics: [], owners: [], groups: [], sort: 'people' }).rows.map((o) => hit('organisation', o.id, o.name, [o.city, o.country].filter(Boolean).join(', '), o.kind, { kind: 'organisation', id: o.id, item: null }))],
      ['note', lists.notes.list({ ...common, kinds: [], statuses: [], countries: [], regions: [], topics: [], owners: [], classifications: [], sort: 'updatedAt' }).rows.map((x) => hit('note', x.id, x.title, x.excerpt, x.status, { kind: 'note', id: x.id, item: null }))],
    ];
    return byKind.filter(([, hits]) => hits.length).map(([kind, hits]) => ({ kind, count: hits.length, hits }));
  };

  const run = (text: string, options: SearchOptions) => {
    const db = ctx.store.db;
    const index = keptIndexOf(ctx.store).current(db);
    if (!index) return null;
    const result = index.search(text, options);
    const hits = result.hits.map((h) => describe(db, h, result.match)).filter((h): h is SearchHit => h !== null);
    const counts = searchKinds.filter((k) => result.counts[k]).map((kind) => ({ kind, count: result.counts[kind]! }));
    return { hits, counts, total: result.total, match: result.match };
  };

  const noMatch = { prefixes: [], words: [] };
  return {
    global({ text, perKind }) {
      if (!text.trim()) return { groups: [], total: 0, match: noMatch, ready: keptIndexOf(ctx.store).ready };
      const found = run(text, { perKind });
      if (!found) {
        const groups = titles(text.trim(), perKind);
        return { groups, total: groups.reduce((n, g) => n + g.count, 0), match: { prefixes: foldForSearch(text).split(/\s+/).filter(Boolean), words: [] }, ready: false };
      }
      const groups = found.counts.map((c) => ({ ...c, hits: found.hits.filter((h) => h.kind === c.kind) }));
      return { groups, total: found.total, match: found.match, ready: true };
    },
    query({ text, kinds, offset, limit }) {
      if (!text.trim()) return { rows: [], total: 0, counts: [], match: noMatch, ready: keptIndexOf(ctx.store).ready };
      const found = run(text, { kinds, offset, limit });
      if (!found) {
        const groups = titles(text.trim(), limit).filter((g) => !kinds.length || kinds.includes(g.kind));
        const rows = groups.flatMap((g) => g.hits);
        return { rows: rows.slice(offset, offset + limit), total: rows.length, counts: groups.map(({ kind, count }) => ({ kind, count })), match: noMatch, ready: false };
      }
      // The counts are of every kind, whatever the filter (the engine counts them in the same pass).
      return { rows: found.hits, total: found.total, counts: found.counts, match: found.match, ready: true };
    },
  } satisfies ServiceOf<'search'>;
}
