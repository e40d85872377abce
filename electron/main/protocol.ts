import type { CustomScheme } from 'electron';
import { serveRendererFile, type FirstScreenMarkup } from '../shell/renderer-files';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * `app://` behaves like https for the page: a real origin (standard), a secure context (secure),
 * and fetch for its own assets. It must be registered before the app is ready. codeCache lets V8 keep
 * the compiled bundle between starts (Chromium does so only for http(s) otherwise): the window's
 * second and later opens skip compiling the megabyte of libraries.
 */
export const privilegedSchemes: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
];

/**
 * Serves the built renderer as `app://attache/…`. The shared server function does path checks, the
 * CSP nonce, the security headers and the first screen (the backend's, when it has one), so both
 * shells send the same page.
 */
export function createAppProtocolHandler(rendererDir: string, firstScreen: () => FirstScreenMarkup | null = () => null): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    let file;
    try {
      file = await serveRendererFile(rendererDir, url.pathname, firstScreen());
    } catch (e) {
      console.error('[attache] cannot serve the renderer:', e);
      return new Response(`The renderer is not built (${rendererDir}). Run npm run build.`, { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
    return new Response(request.method === 'HEAD' ? null : body, { status: file.status, headers: file.headers });
  };
}
