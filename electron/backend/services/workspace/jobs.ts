import { AppError, isAppError, type Message } from '../../../../shared/errors';
import type { ExportResult } from '../../../../shared/schemas/export';
import type { ImportJobResult } from '../../../../shared/features/imports/schema';
import type { ServiceOf } from '../../../../shared/contract';
import type { ServiceContext } from '../../records/context';

/** What each kind of job hands back: exports a delivered file, imports their analysis or outcome. */
interface Results {
  export: ExportResult;
  import: ImportJobResult;
}
export type JobKind = keyof Results;

type Job<K extends JobKind = JobKind> = { kind: K; startedAt: number; abort: AbortController } & (
  | { state: 'running'; progress: number }
  | { state: 'done'; progress: 1; result: Results[K] }
  | { state: 'failed'; progress: number; error: { code: string; message: string; messageKey?: Message } }
  | { state: 'cancelled'; progress: number }
);

/** What a job's work receives: where to report progress, and the signal a cancel raises. */
export interface JobControl {
  progress: (fraction: number) => void;
  signal: AbortSignal;
  /** Throws CANCELLED once the job was asked to stop; call it between steps. */
  checkpoint: () => void;
}

/** Finished jobs are kept this long for the window to pick up their result. */
const KEEP_MS = 10 * 60 * 1000;

/**
 * Long-running work (a fifty-page briefing book, reading and applying an import) runs as jobs: the
 * call returns at once with an id, the work yields to the event loop as it goes, and the window
 * polls the progress. A job may be cancelled; its work stops at the next checkpoint.
 */
export function createJobs(ctx: ServiceContext) {
  const jobs = new Map<string, Job>();

  const prune = () => {
    const now = Date.now();
    for (const [id, job] of jobs) if (job.state !== 'running' && now - job.startedAt > KEEP_MS) jobs.delete(id);
  };

  function run<K extends JobKind>(kind: K, work: (control: JobControl) => Promise<Results[K]>): { jobId: string } {
    prune();
    const jobId = ctx.newId();
    const startedAt = Date.now();
    const abort = new AbortController();
    jobs.set(jobId, { kind, state: 'running', progress: 0, startedAt, abort });
    const control: JobControl = {
      progress: (fraction) => {
        const job = jobs.get(jobId);
        if (job?.state === 'running') job.progress = Math.max(job.progress, Math.min(0.99, fraction));
      },
      signal: abort.signal,
      checkpoint: () => {
        if (abort.signal.aborted) throw new AppError('CANCELLED', 'The job was cancelled.', { messageKey: { key: 'imports.cancelled' } });
      },
    };
    const progressOf = () => jobs.get(jobId)?.progress ?? 0;
    work(control).then(
      (result) => jobs.set(jobId, { kind, state: 'done', progress: 1, result, startedAt, abort } as Job),
      (e: unknown) => {
        if (isAppError(e) && e.code === 'CANCELLED') {
          jobs.set(jobId, { kind, state: 'cancelled', progress: progressOf(), startedAt, abort });
          return;
        }
        if (!isAppError(e)) console.error(`[attache] ${kind} failed:`, e);
        jobs.set(jobId, {
          kind,
          state: 'failed',
          progress: progressOf(),
          error: {
            code: isAppError(e) ? e.code : 'INTERNAL',
            message: e instanceof Error ? e.message : String(e),
            ...(isAppError(e) && e.messageKey ? { messageKey: e.messageKey } : {}),
          },
          startedAt,
          abort,
        });
      },
    );
    return { jobId };
  }

  function find<K extends JobKind>(jobId: string, kind: K): Job<K> {
    const job = jobs.get(jobId);
    if (!job || job.kind !== kind) throw new AppError('NOT_FOUND', `No ${kind} job ${jobId}.`, { messageKey: { key: 'errors.notFound' } });
    return job as Job<K>;
  }

  return {
    /**
     * An export: the work reports progress and resolves with the delivered file. Work that can stop
     * takes the control too and calls its checkpoint between steps (a cancelled export delivers nothing).
     */
    start(work: (progress: (fraction: number) => void, control: JobControl) => Promise<ExportResult>): { jobId: string } {
      return run('export', (control) => work(control.progress, control));
    },

    run,

    /** An export job as `jobs.status` shows it: a cancelled one reports failed with the code CANCELLED (and left no file). */
    status(jobId: string) {
      const { startedAt: _s, abort: _a, kind: _k, ...rest } = find(jobId, 'export');
      if (rest.state === 'cancelled') return { state: 'failed' as const, progress: rest.progress, error: { code: 'CANCELLED', message: 'The export was cancelled.' } };
      if (rest.state === 'failed') return { state: rest.state, progress: rest.progress, error: { code: rest.error.code, message: rest.error.message } };
      return rest;
    },

    importStatus(jobId: string) {
      const { startedAt: _s, abort: _a, kind: _k, ...rest } = find(jobId, 'import');
      return rest;
    },

    cancel(jobId: string) {
      const job = jobs.get(jobId);
      if (!job) throw new AppError('NOT_FOUND', `No job ${jobId}.`, { messageKey: { key: 'errors.notFound' } });
      if (job.state === 'running') job.abort.abort();
      return { ok: true as const };
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;

/** The window's side of a job: its progress and, once done, its result (`book.export` starts them). */
export function createJobService(jobs: Jobs) {
  return {
    status: ({ jobId }) => jobs.status(jobId),
    cancel: ({ jobId }) => jobs.cancel(jobId),
  } satisfies ServiceOf<'jobs'>;
}
