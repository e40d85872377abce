import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience, BookRequest } from '../../../../shared/features/trips/schema';
import { useApi } from '../../api/context';
import { deliver } from '../../lib/download';
import { describeError } from '../../lib/errors';
import { notifyError } from '../../lib/notify';
import { useJob, type JobState } from '../../lib/useJob';

export interface BookExportState extends JobState {
  audience: Audience | null;
}

/**
 * Runs a briefing-book export as a backend job through the shared job hook (lib/useJob): the window
 * stays usable, and an export started before the user moved on still delivers its file.
 */
export function useBookExport() {
  const { t } = useTranslation();
  const api = useApi();
  const job = useJob(api, (jobId) => api.jobs.status({ jobId }));
  const { run } = job;
  const [audience, setAudience] = useState<Audience | null>(null);

  const start = useCallback(
    async (request: BookRequest) => {
      if (job.state.running) return;
      setAudience(request.audience);
      try {
        const outcome = await run(() => api.book.export(request));
        if (outcome?.state === 'done') {
          deliver(outcome.result, {
            downloaded: (fileName) => t('trips.book.downloaded', { fileName }),
            saved: (path) => t('trips.book.saved', { path }),
          });
        } else if (outcome?.state === 'failed') {
          notifyError(t('trips.book.failed', { message: outcome.error.message }));
        }
      } catch (e) {
        notifyError(describeError(t, e));
      } finally {
        setAudience(null);
      }
    },
    [api, run, t, job.state.running],
  );

  const state: BookExportState = { ...job.state, audience: job.state.running ? audience : null };
  return { state, start, cancel: job.cancel };
}
