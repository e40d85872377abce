/**
 * The import's long steps from the window's side: sending the chosen file in slices (read with
 * File.slice, so the page never holds the whole file), and waiting for a backend job with its
 * progress (the shared polling loop of lib/useJob), which the Cancel button can stop.
 */
import type { Api } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { waitForJob } from '../../lib/useJob';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES, toPieces, type ImportJobResult } from '../../../../shared/features/imports/schema';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x2000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return btoa(binary);
}

/** Thrown when the user cancelled a step; nothing to report. */
export class Cancelled extends Error {}

/** Sends `file` to the backend's staging area, slice by slice; `signal` stops between slices. */
export async function uploadFile(api: Api, file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new AppError('VALIDATION', 'too large', { messageKey: { key: 'imports.errors.tooLarge', params: { max: MAX_IMPORT_BYTES / 1024 / 1024 } } });
  }
  const { uploadId } = await api.imports.begin({ fileName: file.name, size: file.size });
  for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
    if (signal.aborted) {
      await api.imports.discard({ uploadId });
      throw new Cancelled();
    }
    const bytes = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
    await api.imports.upload({ uploadId, offset, data: toPieces(bytes, base64) });
    onProgress(Math.min(1, (offset + bytes.length) / file.size));
  }
  return uploadId;
}

/** Polls an import job to its end (the shared loop, lib/useJob); a cancelled job throws Cancelled, a failed one its error. */
export async function waitForImportJob(api: Api, jobId: string, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<ImportJobResult> {
  const outcome = await waitForJob(api, jobId, (id) => api.imports.status({ jobId: id }), onProgress, signal);
  if (outcome.state === 'done') return outcome.result;
  if (outcome.state === 'cancelled') throw new Cancelled();
  const { code, message, messageKey } = outcome.error;
  throw new AppError(code as AppError['code'], message, messageKey ? { messageKey } : {});
}
