/**
 * Which data the window's answers were computed at. Every answer of an open workspace names its data
 * version (the envelope's `at`, electron/backend/dispatch.ts); this records them in order, so the
 * window can tell when everything it shows came from one and the same state of the data — the
 * condition for handing its screen over as the next page's first screen (app/firstScreen.ts).
 */
import type { Transport } from '../../../shared/contract/client';

export interface AnswerVersions {
  /** A point in the sequence of answers; `since(mark)` looks at the answers after it. */
  mark(): number;
  /** The data versions named by the answers after `mark` (an answer without one counts as `null`). */
  since(mark: number): ReadonlySet<string | null>;
}

/** Keeps the last answers' versions: enough for one screen's refetch, bounded whatever runs. */
const KEEP = 500;

export function createAnswerVersions(): AnswerVersions & { record(at: string | null): void } {
  let count = 0;
  const recent: Array<string | null> = [];
  return {
    record(at) {
      recent.push(at);
      if (recent.length > KEEP) recent.shift();
      count++;
    },
    mark: () => count,
    since(mark) {
      const missing = count - mark;
      // Older than what is kept: unknown, so not one version.
      if (missing > recent.length) return new Set([null, '']);
      return new Set(recent.slice(recent.length - missing));
    },
  };
}

/** The transport, recording the version each successful answer names. */
export function recordingVersions(versions: ReturnType<typeof createAnswerVersions>): (inner: Transport) => Transport {
  return (inner) => async (name, input) => {
    const raw = await inner(name, input);
    if (raw && typeof raw === 'object' && (raw as { ok?: unknown }).ok === true) {
      const at = (raw as { at?: unknown }).at;
      versions.record(typeof at === 'string' ? at : null);
    }
    return raw;
  };
}
