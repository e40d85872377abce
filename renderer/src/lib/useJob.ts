/**
 * The window's side of every backend job (exports, the briefing book, imports), written once: start
 * it, poll its status until it ends, report progress, and ask `jobs.cancel` to stop it. The loop is
 * plain async code rather than an effect, so a job started before the user moved on still ends (and
 * delivers its file). `waitForJob` is the loop alone (imports drive it with an AbortSignal); `useJob`
 * wraps it with running/progress state and a `cancel()` for a Cancel button.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Api } from '../../../shared/contract';

/** What any job's status call answers (jobs.status, imports.status). */
export type PolledStatus<R> =
  | { state: 'running'; progress: number }
  | { state: 'done'; progress: number; result: R }
  | { state: 'failed'; progress: number; error: { code: string; message: string } }
  | { state: 'cancelled'; progress: number };

/** How a job ended. An export cancelled half-way reports `failed` with code CANCELLED: that is a cancel too. */
export type JobOutcome<R, E = { code: string; message: string }> = { state: 'done'; result: R } | { state: 'failed'; error: E } | { state: 'cancelled' };

type ErrorOf<S> = S extends { state: 'failed'; error: infer E } ? E : never;
type ResultOf<S> = S extends { state: 'done'; result: infer R } ? R : never;

export const POLL_MS = 150;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls one job to its end. When `signal` aborts, `jobs.cancel` is asked once and polling goes on
 * until the backend says the job stopped (a job that finished meanwhile still reports done).
 */
export async function waitForJob<S extends PolledStatus<unknown>>(
  api: Api,
  jobId: string,
  status: (jobId: string) => Promise<S>,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<JobOutcome<ResultOf<S>, ErrorOf<S>>> {
  let asked = false;
  for (;;) {
    if (signal?.aborted && !asked) {
      asked = true;
      await api.jobs.cancel({ jobId });
    }
    const s = await status(jobId);
    if (s.state === 'done') {
      onProgress(1);
      return { state: 'done', result: s.result as ResultOf<S> };
    }
    if (s.state === 'cancelled' || (s.state === 'failed' && s.error.code === 'CANCELLED')) return { state: 'cancelled' };
    if (s.state === 'failed') return { state: 'failed', error: s.error as ErrorOf<S> };
    onProgress(s.progress);
    await pause(POLL_MS);
  }
}

export interface JobState {
  running: boolean;
  /** 0…1 as the backend reports it. */
  progress: number;
}

const idle: JobState = { running: false, progress: 0 };

/**
 * One job at a time, with its progress as state. `run` starts a job (a second call while one runs
 * is ignored and answers null) and resolves with how it ended; `cancel()` asks the running job to
 * stop. `status` is the job's status operation (default `jobs.status`).
 */
export function useJob<S extends PolledStatus<unknown>>(api: Api, status: (jobId: string) => Promise<S>) {
  const [state, setState] = useState<JobState>(idle);
  const current = useRef<AbortController | null>(null);
  const statusRef = useRef(status);
  useLayoutEffect(() => {
    statusRef.current = status;
  });

  const run = useCallback(
    async (start: () => Promise<{ jobId: string }>): Promise<JobOutcome<ResultOf<S>, ErrorOf<S>> | null> => {
      if (current.current) return null;
      const control = new AbortController();
      current.current = control;
      setState({ running: true, progress: 0 });
      try {
        const { jobId } = await start();
        return await waitForJob(api, jobId, (id) => statusRef.current(id), (progress) => setState({ running: true, progress }), control.signal);
      } finally {
        current.current = null;
        setState(idle);
      }
    },
    [api],
  );

  const cancel = useCallback(() => current.current?.abort(), []);

  return { state, run, cancel };
}
