import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience, BookRequest } from '../../../../shared/features/trips/schema';
import { useApi } from '../../api/context';
import { deliver } from '../../lib/download';
import { describeError } from '../../lib/errors';
import { notifyError } from '../../lib/notify';

export interface BookExportState {
  running: boolean;
  /** 0…1 as the backend reports it. */
  progress: number;
  audience: Audience | null;
}

const POLL_MS = 200;
const idle: BookExportState = { running: false, progress: 0, audience: null };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a briefing-book export as a backend job and polls its progress. The loop is plain async
 * code, not an effect: the window stays usable, and an export started before the user moved on
 * still delivers its file.
 */
export function useBookExport() {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<BookExportState>(idle);
  const running = useRef(false);

  const start = useCallback(
    async (request: BookRequest) => {
      if (running.current) return;
      running.current = true;
      setState({ running: true, progress: 0, audience: request.audience });
      try {
        const { jobId } = await api.book.export(request);
        for (;;) {
          await sleep(POLL_MS);
          const status = await api.jobs.status({ jobId });
          if (status.state === 'running') {
            setState((s) => ({ ...s, progress: status.progress }));
            continue;
          }
          if (status.state === 'done') {
            setState((s) => ({ ...s, progress: 1 }));
            deliver(status.result, {
              downloaded: (fileName) => t('trips.book.downloaded', { fileName }),
              saved: (path) => t('trips.book.saved', { path }),
            });
          } else {
            notifyError(t('trips.book.failed', { message: status.error.message }));
          }
          break;
        }
      } catch (e) {
        notifyError(describeError(t, e));
      } finally {
        running.current = false;
        setState(idle);
      }
    },
    [api, t],
  );

  return { state, start };
}
