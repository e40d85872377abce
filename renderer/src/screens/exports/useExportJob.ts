/**
 * Runs one export as a backend job (exports.list, exports.vcard, exports.subjectAccess) and polls its
 * progress, then hands the file to the user (browser download, or the notice of where Electron saved
 * it). Plain async code rather than an effect, as for the briefing book: an export started before
 * the user moved on still delivers its file. `cancel()` asks the backend to stop the job (jobs.cancel):
 * it stops at its next checkpoint and delivers nothing.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { deliver } from '../../lib/download';
import { describeError } from '../../lib/errors';
import { notify, notifyError } from '../../lib/notify';

export interface ExportJobState {
  running: boolean;
  /** 0…1 as the backend reports it. */
  progress: number;
}

const POLL_MS = 150;
const idle: ExportJobState = { running: false, progress: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function useExportJob() {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<ExportJobState>(idle);
  const running = useRef(false);
  const current = useRef<string | null>(null);
  // Cancel pressed before the backend named the job: it is cancelled as soon as it is named.
  const cancelAsked = useRef(false);

  const run = useCallback(
    async (start: () => Promise<{ jobId: string }>, messages?: { downloaded: (fileName: string) => string; saved: (path: string) => string }) => {
      if (running.current) return;
      running.current = true;
      cancelAsked.current = false;
      setState({ running: true, progress: 0 });
      try {
        const { jobId } = await start();
        current.current = jobId;
        if (cancelAsked.current) await api.jobs.cancel({ jobId });
        for (;;) {
          const status = await api.jobs.status({ jobId });
          if (status.state === 'running') {
            setState({ running: true, progress: status.progress });
            await sleep(POLL_MS);
            continue;
          }
          if (status.state === 'done') {
            deliver(
              status.result,
              messages ?? {
                downloaded: (fileName) => t('exports.downloaded', { fileName }),
                saved: (path) => t('exports.saved', { path }),
              },
            );
          } else if (status.error.code === 'CANCELLED') {
            notify({ message: t('exports.cancelled') });
          } else {
            notifyError(t('exports.failed', { message: status.error.message }));
          }
          break;
        }
      } catch (e) {
        notifyError(describeError(t, e));
      } finally {
        running.current = false;
        current.current = null;
        setState(idle);
      }
    },
    [api, t],
  );

  /** Asks the running job to stop; the polling loop then reports it cancelled. */
  const cancel = useCallback(() => {
    cancelAsked.current = true;
    if (current.current) void api.jobs.cancel({ jobId: current.current }).catch(() => undefined);
  }, [api]);

  return { state, run, cancel };
}
