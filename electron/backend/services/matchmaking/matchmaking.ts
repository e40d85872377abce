/**
 * The matchmaking service (contract namespace `matchmaking`, "Find partners"): resolves what the
 * screen matches from (an organisation, a case, a cooperation or an idea) against the store, takes
 * the day from the clock, and ranks with the pure core (shared/features/matchmaking/match.ts) over
 * indexes kept in stages, each while the collections it reads are unchanged (./prepared.ts).
 * `exportPdf` prints the same ranking as a job whose file leaves through the platform, like every
 * other export.
 */
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import type { FindSubject, MatchFindInput, MatchFindResult, MatchSourceInfo } from '../../../../shared/features/matchmaking/contract';
import { displayName } from '../../../../shared/features/contacts/schema';
import { rankMatches } from '../../../../shared/features/matchmaking/match';
import { MatchQuery, type MatchResult, type MatchSubject, type SourceRef } from '../../../../shared/features/matchmaking/schema';
import { translator, type Language } from '../../../../shared/i18n';
import type { Collection } from '../../../../shared/schemas/collection';
import type { Database } from '../../../../shared/schemas/database';
import { safeFileName } from '../../pdf/documents/case-briefing';
import { matchReportModel } from '../../pdf/documents/match-report';
import { renderPdf } from '../../pdf/render';
import type { Platform } from '../../platform';
import { localDate, type ServiceContext } from '../../records/context';
import { byId } from '../../records/indexes';
import { findOrThrow } from '../../records/records';
import type { Jobs } from '../workspace/jobs';
import { preparedCacheOf } from './prepared';

/** The core's subject for what the screen sent, and its name in words. */
export function resolveSubject(db: Database, subject: FindSubject, lang: Language = 'en'): { subject: MatchSubject; name: string; id: string | null } {
  switch (subject.kind) {
    case 'organisation': {
      const o = findOrThrow(db.organisations, subject.id, 'organisation');
      return { subject: { kind: 'organisation', id: o.id }, name: o.name, id: o.id };
    }
    case 'case': {
      const c = findOrThrow(db.cases, subject.id, 'case');
      return {
        subject: { kind: 'case', id: c.id, topics: [...c.topics], countries: [...c.countries], instituteIds: c.clientId ? [c.clientId] : [] },
        name: c.reference ? `${c.reference} · ${c.title}` : c.title,
        id: c.id,
      };
    }
    case 'cooperation': {
      const c = findOrThrow(db.cooperations, subject.id, 'cooperation');
      const orgs = byId(db.organisations);
      const countries: string[] = [];
      for (const p of c.partners) {
        const cc = orgs.get(p)?.country;
        if (cc && !countries.includes(cc)) countries.push(cc);
      }
      return { subject: { kind: 'idea', topics: [...c.topics], countries: countries.slice(0, 60), instituteIds: c.institutes.slice(0, 50) }, name: c.title, id: c.id };
    }
    case 'idea':
      return { subject: { kind: 'idea', topics: subject.topics, countries: subject.countries, instituteIds: subject.instituteIds }, name: translator(lang)('matchmaking.screen.idea'), id: null };
  }
}

/** Per chunk of a collection (chunks keep their identity while unchanged): its records by id. */
const chunkIndexes = new WeakMap<readonly object[], Map<string, unknown>>();
function chunkIndex<T extends { id: string }>(chunk: readonly T[]): Map<string, T> {
  let index = chunkIndexes.get(chunk) as Map<string, T> | undefined;
  if (!index) {
    index = new Map();
    for (const r of chunk) index.set(r.id, r);
    chunkIndexes.set(chunk, index);
  }
  return index;
}
/**
 * The records of a large collection that `ids` names (the last one with an id, as an index of the
 * whole collection would keep), looked up chunk by chunk: after an edit only the edited chunk is
 * indexed again, so the first query after it does not index 50,000 people or 100,000 positions.
 */
function recordsNamed<T extends { id: string }>(list: Collection<T>, ids: ReadonlySet<string>): Map<string, T> {
  const out = new Map<string, T>();
  if (ids.size === 0) return out;
  for (const chunk of list.chunks) {
    const index = chunkIndex(chunk);
    for (const id of ids) {
      const r = index.get(id);
      if (r) out.set(id, r);
    }
  }
  return out;
}

/** Labels and openable records for every source the result names, each once. */
export function sourceInfos(db: Database, result: MatchResult, lang: Language): MatchSourceInfo[] {
  const seen = new Set<string>();
  const refs: SourceRef[] = [];
  for (const c of [...result.organisations, ...result.people])
    for (const r of c.reasons)
      for (const s of r.sources) {
        const k = `${s.collection}:${s.id}`;
        if (seen.has(k)) continue;
        seen.add(k);
        refs.push(s);
      }
  const orgs = byId(db.organisations);
  const idsOf = (c: SourceRef['collection']) => new Set(refs.filter((r) => r.collection === c).map((r) => r.id));
  const people = recordsNamed(db.contacts, idsOf('contacts'));
  const cases = byId(db.cases);
  const trips = byId(db.trips);
  const coops = byId(db.cooperations);
  const groups = byId(db.groups);
  const positions = recordsNamed(db.positions, idsOf('positions'));
  const activities = recordsNamed(db.activities, idsOf('activities'));
  const items = recordsNamed(db.agendaItems, idsOf('agendaItems'));
  const t = translator(lang);
  const personName = (id: string) => {
    const p = people.get(id);
    return p ? displayName(p) : '';
  };
  const info = (s: SourceRef): MatchSourceInfo => {
    switch (s.collection) {
      case 'organisations':
        return { ...s, label: orgs.get(s.id)?.name ?? '', open: { collection: 'organisations', id: s.id } };
      case 'contacts':
        return { ...s, label: personName(s.id), open: { collection: 'contacts', id: s.id } };
      case 'cases':
        return { ...s, label: cases.get(s.id)?.title ?? '', open: { collection: 'cases', id: s.id } };
      case 'trips':
        return { ...s, label: trips.get(s.id)?.title ?? '', open: { collection: 'trips', id: s.id } };
      case 'cooperations':
        return { ...s, label: coops.get(s.id)?.title ?? '', open: { collection: 'cooperations', id: s.id } };
      case 'groups':
        return { ...s, label: groups.get(s.id)?.name ?? '', open: null };
      case 'positions': {
        const p = positions.get(s.id);
        return { ...s, label: p ? `${p.role || t('matchmaking.screen.source.positions')} · ${orgs.get(p.organisationId)?.name ?? ''}` : '', open: p ? { collection: 'contacts', id: p.contactId } : null };
      }
      case 'activities': {
        const a = activities.get(s.id);
        return { ...s, label: a ? [a.date, a.title].filter(Boolean).join(' · ') : '', open: a?.caseId ? { collection: 'cases', id: a.caseId } : null };
      }
      case 'agendaItems': {
        const a = items.get(s.id);
        return { ...s, label: a ? `${a.title} (${trips.get(a.tripId)?.title ?? ''})` : '', open: a ? { collection: 'trips', id: a.tripId } : null };
      }
      case 'priorities':
        return { ...s, label: t('matchmaking.screen.source.priorities'), open: null };
    }
  };
  return refs.map(info);
}

export function createMatchmakingService(ctx: ServiceContext, platform: Platform, jobs: Jobs) {
  const prepared = preparedCacheOf(ctx.store);

  const find = (input: MatchFindInput, lang: Language = 'en'): MatchFindResult => {
    const db = ctx.store.db;
    const today = localDate(ctx.now());
    const resolved = resolveSubject(db, input.subject, lang);
    const query = MatchQuery.parse({ subject: resolved.subject, direction: input.direction, weights: input.weights, limit: input.limit, today });
    const result = rankMatches(prepared.get(db, today), query);
    return { ...result, subject: { kind: input.subject.kind, id: resolved.id, name: resolved.name }, sources: sourceInfos(db, result, lang) };
  };

  const service = {
    find: (input: ParsedInputOf<'matchmaking.find'>): MatchFindResult => find(input),

    /** The ranking as a PDF (subject, weights, both lists with every reason), delivered like the other exports. */
    exportPdf(input: ParsedInputOf<'matchmaking.exportPdf'>) {
      const result = find(input, input.language); // checks the subject before a job starts
      return jobs.start(async (_progress, control) => {
        const generatedAt = ctx.now();
        const model = matchReportModel(result, { language: input.language, generatedAt, classification: input.classification });
        const { bytes } = await renderPdf(model, {
          onProgress: (done, total) => {
            control.checkpoint();
            control.progress(done / Math.max(1, total));
          },
        });
        control.checkpoint();
        const t = translator(input.language);
        const fileName = `${safeFileName(t('matchmaking.pdf.file'), result.subject.name)}-${localDate(generatedAt)}.pdf`;
        return platform.deliverFile({ fileName, mime: 'application/pdf', bytes });
      });
    },
  } satisfies ServiceOf<'matchmaking'>;
  return service;
}
