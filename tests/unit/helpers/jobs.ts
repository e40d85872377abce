// Why this file exists: exports run as backend jobs; tests poll jobs.status until the file is there,
// as the window does, and get the delivered bytes back.
import type { TestBackend } from './workspace';

/** Waits for a job and returns the downloaded file (fails on a failed job or after ~30 s). */
export async function jobFile(b: TestBackend, jobId: string): Promise<{ fileName: string; mime: string; bytes: Buffer }> {
  for (let i = 0; i < 1500; i++) {
    const status = await b.call('jobs.status', { jobId });
    if (status.state === 'done') {
      if (status.result.delivery !== 'download') throw new Error(`expected a download, got ${status.result.delivery}`);
      return { fileName: status.result.fileName, mime: status.result.mime, bytes: Buffer.from(status.result.base64, 'base64') };
    }
    if (status.state === 'failed') throw new Error(status.error.message);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the export job did not finish');
}
