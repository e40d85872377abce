/**
 * The matchmaking slice of the contract ("Find partners", issue 13 part 6): rank partners for one of
 * our institutes, a case, a cooperation or an idea — or our institutes for a partner — and print the
 * result as a PDF. The ranking itself is the pure core in ./match.ts; the service
 * (electron/backend/services/matchmaking) resolves the subject from the store, takes the day from
 * the clock and keeps the prepared indexes while the workspace is unchanged.
 */
import { z } from 'zod';
import { op, type Operation } from '../../contract/define';
import { CountryCode, Id, Topic, uniqueList } from '../../schemas/common';
import { Classification } from '../../schemas/classification';
import { MAX_MATCH_LIMIT, MAX_SOURCES, MatchDirection, MatchResult, MatchWeights, SourceRef, defaultWeights, reasonKinds } from './schema';

/**
 * What the screen matches from: an organisation, a case (its topics, countries and client, read by
 * the service), a cooperation (its topics, its partners' countries and its institutes) or an idea typed
 * in the dialog.
 */
export const matchSubjectKinds = ['organisation', 'case', 'cooperation', 'idea'] as const;
export const FindSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation'), id: Id }),
  z.object({ kind: z.literal('case'), id: Id }),
  z.object({ kind: z.literal('cooperation'), id: Id }),
  z.object({
    kind: z.literal('idea'),
    topics: uniqueList(Topic, 40).default([]),
    countries: uniqueList(CountryCode, 60).default([]),
    instituteIds: z.array(Id).max(50).default([]),
  }),
]);
export type FindSubject = z.output<typeof FindSubject>;
export type FindSubjectInput = z.input<typeof FindSubject>;

export const MatchFindInput = z.object({
  subject: FindSubject,
  direction: MatchDirection.default('partners'),
  weights: MatchWeights.default(defaultWeights),
  limit: z.number().int().min(1).max(MAX_MATCH_LIMIT).default(25),
});
export type MatchFindInput = z.output<typeof MatchFindInput>;

/** The records a screen can open (a source in another collection opens the record it belongs to). */
export const openableCollections = ['organisations', 'contacts', 'cases', 'trips', 'cooperations'] as const;
/**
 * One source of the result as the screen links it: its label (a name, a title) and the record that
 * opens — itself, or the record it belongs to (a position → its person, a meeting → its trip, a
 * timeline entry → its case); null where there is no screen for it (networks, priorities).
 */
export const MatchSourceInfo = SourceRef.extend({
  label: z.string(),
  open: z.object({ collection: z.enum(openableCollections), id: Id }).nullable(),
});
export type MatchSourceInfo = z.infer<typeof MatchSourceInfo>;

/** The ranking, what it was for in words (the heading of the screen and the PDF), and its sources labelled. */
export const MatchFindResult = MatchResult.extend({
  subject: z.object({ kind: z.enum(matchSubjectKinds), id: Id.nullable(), name: z.string() }),
  sources: z.array(MatchSourceInfo).max(MAX_MATCH_LIMIT * 2 * reasonKinds.length * MAX_SOURCES),
});
export type MatchFindResult = z.infer<typeof MatchFindResult>;

/** The same query printed: subject, weights and the ranked lists with their reasons. */
export const MatchPdfInput = MatchFindInput.extend({
  language: z.enum(['en', 'de']),
  classification: Classification.default('internal'),
});
export type MatchPdfInput = z.output<typeof MatchPdfInput>;

export const matchmakingContract = {
  'matchmaking.find': op(MatchFindInput, MatchFindResult),
  'matchmaking.exportPdf': op(MatchPdfInput, z.object({ jobId: Id })),
} as const satisfies Record<string, Operation>;
