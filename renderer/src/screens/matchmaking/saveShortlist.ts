/**
 * "Save to case" for the Find partners result: the ranked candidates become the case's shortlist
 * (shared/features/cases/schema.ts ShortlistEntry) — the best MAX_SHORTLIST by score, each with its
 * reasons as the matchmaking gave them (message keys, not sentences, so the case shows them in the
 * reader's language) and without their source links, which could dangle once a source is deleted.
 */
import type { Api } from '../../../../shared/contract';
import { MAX_SHORTLIST, type ShortlistEntry } from '../../../../shared/features/cases/schema';
import type { MatchResult } from '../../../../shared/features/matchmaking/schema';

export function shortlistOf(result: MatchResult, max: number = MAX_SHORTLIST): ShortlistEntry[] {
  return [...result.organisations, ...result.people]
    .sort((a, b) => b.score - a.score)
    .slice(0, max)
    .map((c) => ({
      collection: c.kind === 'organisation' ? ('organisations' as const) : ('contacts' as const),
      id: c.id,
      score: c.score,
      reasons: c.reasons.map(({ sources: _sources, ...reason }) => reason),
      addedOn: result.today,
    }));
}

export function saveShortlist(api: Api, caseId: string, revision: number, result: MatchResult) {
  return api.cases.saveShortlist({ id: caseId, revision, entries: shortlistOf(result) });
}
