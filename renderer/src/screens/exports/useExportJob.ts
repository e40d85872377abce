/**
 * Runs one export as a backend job (exports.list, exports.vcard, exports.subjectAccess) through the
 * shared job hook (lib/useJob), then hands the file to the user (browser download, or the notice of
 * where Electron saved it, in the caller's words if it gives them). `cancel()` asks the running export
 * to stop (jobs.cancel); a cancelled export says so and delivered nothing.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { deliver } from '../../lib/download';
import { describeError } from '../../lib/errors';
import { notify, notifyError } from '../../lib/notify';
import { useJob, type JobState } from '../../lib/useJob';

export type ExportJobState = JobState;

export function useExportJob() {
  const { t } = useTranslation();
  const api = useApi();
  const job = useJob(api, (jobId) => api.jobs.status({ jobId }));
  const { run: runJob } = job;

  const run = useCallback(
    async (start: () => Promise<{ jobId: string }>, messages?: { downloaded: (fileName: string) => string; saved: (path: string) => string }) => {
      try {
        const outcome = await runJob(start);
        if (outcome?.state === 'done') {
          deliver(
            outcome.result,
            messages ?? {
              downloaded: (fileName) => t('exports.downloaded', { fileName }),
              saved: (path) => t('exports.saved', { path }),
            },
          );
        } else if (outcome?.state === 'cancelled') {
          notify({ message: t('exports.cancelled') });
        } else if (outcome?.state === 'failed') {
          notifyError(t('exports.failed', { message: outcome.error.message }));
        }
      } catch (e) {
        notifyError(describeError(t, e));
      }
    },
    [runJob, t],
  );

  return { state: job.state, run, cancel: job.cancel };
}
