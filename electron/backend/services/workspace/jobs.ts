import { AppError, isAppError } from '../../../../shared/errors';
import type { ExportResult } from '../../../../shared/schemas/export';
import type { ServiceOf } from '../../../../shared/contract';
import type { ServiceContext } from '../../records/context';

type Job =
  | { state: 'running'; progress: number; startedAt: number }
  | { state: 'done'; progress: 1; result: ExportResult; startedAt: number }
  | { state: 'failed'; progress: number; error: { code: string; message: string }; startedAt: number };

/** Finished jobs are kept this long for the window to pick up their result. */
const KEEP_MS = 10 * 60 * 1000;

/**
 * Long-running exports (a fifty-page briefing book) run as jobs: the call returns at once with an
 * id, the work yields to the event loop as it goes, and the window polls the progress.
 */
export function createJobs(ctx: ServiceContext) {
  const jobs = new Map<string, Job>();

  const prune = () => {
    const now = Date.now();
    for (const [id, job] of jobs) if (job.state !== 'running' && now - job.startedAt > KEEP_MS) jobs.delete(id);
  };

  return {
    start(work: (progress: (fraction: number) => void) => Promise<ExportResult>): { jobId: string } {
      prune();
      const jobId = ctx.newId();
      const startedAt = Date.now();
      jobs.set(jobId, { state: 'running', progress: 0, startedAt });
      const report = (fraction: number) => {
        const job = jobs.get(jobId);
        if (job?.state === 'running') job.progress = Math.max(job.progress, Math.min(0.99, fraction));
      };
      work(report).then(
        (result) => jobs.set(jobId, { state: 'done', progress: 1, result, startedAt }),
        (e: unknown) => {
          if (!isAppError(e)) console.error('[attache] export failed:', e);
          jobs.set(jobId, {
            state: 'failed',
            progress: jobs.get(jobId)?.progress ?? 0,
            error: { code: isAppError(e) ? e.code : 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
            startedAt,
          });
        },
      );
      return { jobId };
    },

    status(jobId: string) {
      const job = jobs.get(jobId);
      if (!job) throw new AppError('NOT_FOUND', `No export job ${jobId}.`, { messageKey: { key: 'errors.notFound' } });
      const { startedAt: _s, ...rest } = job;
      return rest;
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;

/** The window's side of a job: its progress and, once done, its result (`book.export` starts them). */
export function createJobService(jobs: Jobs) {
  return {
    status: ({ jobId }) => jobs.status(jobId),
  } satisfies ServiceOf<'jobs'>;
}
