/**
 * "Save to case" for the Find partners result. The operation `cases.saveShortlist` (and the case's
 * `shortlist` field) is being built on another branch: this small adapter types the call against a
 * local interface so the screen compiles now, and `canSaveShortlist()` hides the button until the
 * operation is in the contract. After that branch is merged, connect it here (and align
 * `ShortlistEntry` with the case schema's entry) — nothing else in the screen needs to change.
 */
import type { Api } from '../../../../shared/contract';
import { operationNames } from '../../../../shared/contract';
import type { MatchCandidate } from '../../../../shared/features/matchmaking/schema';

/** One entry of the shortlist as the screen hands it over: the candidate, its score and its reasons in words. */
export interface ShortlistEntry {
  kind: MatchCandidate['kind'];
  id: string;
  name: string;
  score: number;
  reasons: string[];
}

/** What the adapter needs of the API once `cases.saveShortlist` exists. */
interface ShortlistApi {
  cases: { saveShortlist?: (input: { id: string; revision: number; entries: ShortlistEntry[] }) => Promise<unknown> };
}

/** True when the contract has the operation (so the button shows only where it can work). */
export function canSaveShortlist(names: readonly string[] = operationNames): boolean {
  return names.includes('cases.saveShortlist');
}

export async function saveShortlist(api: Api, caseId: string, revision: number, entries: ShortlistEntry[]): Promise<unknown> {
  const call = (api as unknown as ShortlistApi).cases.saveShortlist;
  if (!canSaveShortlist() || !call) throw new Error('cases.saveShortlist is not available in this build');
  return call({ id: caseId, revision, entries });
}
