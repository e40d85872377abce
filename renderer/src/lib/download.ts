import type { ExportResult } from '../../../shared/schemas/export';
import { notifySuccess } from './notify';

/** Hands bytes from the web host to the browser as a file download. */
export function downloadBase64(fileName: string, mime: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Hands an exported file to the user: a browser download, or the notice of where Electron saved it. */
export function deliver(result: ExportResult, messages: { downloaded: (fileName: string) => string; saved: (path: string) => string }): void {
  if (result.delivery === 'download') {
    downloadBase64(result.fileName, result.mime, result.base64);
    notifySuccess(messages.downloaded(result.fileName));
  } else if (result.delivery === 'saved') {
    notifySuccess(messages.saved(result.path));
  }
  // 'cancelled': the user closed the save dialog; nothing to say.
}
