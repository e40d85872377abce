/**
 * The matchmaking service (contract namespace `matchmaking`, "Find partners"): resolves what the
 * screen matches from (an organisation, a case, a cooperation or an idea) against the store, takes
 * the day from the clock, and ranks with the pure core (shared/features/matchmaking/match.ts) over
 * indexes kept while the workspace is unchanged (./prepared.ts). `exportPdf` prints the same ranking
 * as a job whose file leaves through the platform, like every other export.
 */
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import type { FindSubject, MatchFindInput, MatchFindResult } from '../../../../shared/features/matchmaking/contract';
import { rankMatches } from '../../../../shared/features/matchmaking/match';
import { MatchQuery, type MatchSubject } from '../../../../shared/features/matchmaking/schema';
import { translator, type Language } from '../../../../shared/i18n';
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

export function createMatchmakingService(ctx: ServiceContext, platform: Platform, jobs: Jobs) {
  const prepared = preparedCacheOf(ctx.store);

  const find = (input: MatchFindInput, lang: Language = 'en'): MatchFindResult => {
    const db = ctx.store.db;
    const today = localDate(ctx.now());
    const resolved = resolveSubject(db, input.subject, lang);
    const query = MatchQuery.parse({ subject: resolved.subject, direction: input.direction, weights: input.weights, limit: input.limit, today });
    const result = rankMatches(prepared.get(db, today), query);
    return { ...result, subject: { kind: input.subject.kind, id: resolved.id, name: resolved.name } };
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
