import { createApi, type Transport } from '../../../shared/contract/client';
import type { Api } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';

import type { AttacheBridge } from '../../../shared/contract/bridge';

export type { AttacheBridge };

declare global {
  interface Window {
    attache?: AttacheBridge;
  }
}

const TOKEN_KEY = 'attache.token';

/** The web host's token arrives once in the address; it is kept for the tab and removed from the URL. */
export function takeTokenFromLocation(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function httpTransport(token: string | null, base = ''): Transport {
  return async (name, input) => {
    if (!token) throw new AppError('FORBIDDEN', 'No access token.', { messageKey: { key: 'errors.token' } });
    let res: Response;
    try {
      res = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Attache-Token': token },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new AppError('INTERNAL', 'The backend did not answer.', { messageKey: { key: 'errors.network' } });
    }
    return res.json();
  };
}

export function bridgeTransport(bridge: AttacheBridge): Transport {
  return (name, input) => bridge[name](input);
}

/** Electron's preload if present, else the web host over HTTP. */
export function connect(): { api: Api; shell: 'electron' | 'web'; bridge?: AttacheBridge } {
  if (window.attache) return { api: createApi(bridgeTransport(window.attache)), shell: 'electron', bridge: window.attache };
  return { api: createApi(httpTransport(takeTokenFromLocation())), shell: 'web' };
}
