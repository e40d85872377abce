import { createApi, type Transport } from '../../../shared/contract/client';
import type { Api } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';

import type { AttacheBridge } from '../../../shared/contract/bridge';
import { takeTokenFromLocation } from './token';
import { createAnswerVersions, recordingVersions, type AnswerVersions } from './versions';

export type { AttacheBridge };
export { takeTokenFromLocation };

declare global {
  interface Window {
    attache?: AttacheBridge;
  }
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

/**
 * Electron's preload if present, else the web host over HTTP. `through` wraps the transport (the
 * boot's answers to the first screen's calls, app/boot.ts).
 */
export function connect(through: (t: Transport) => Transport = (t) => t): { api: Api; shell: 'electron' | 'web'; bridge?: AttacheBridge; versions: AnswerVersions } {
  const versions = createAnswerVersions();
  // Outermost, so the boot's early answers are recorded too.
  const recorded = (t: Transport) => recordingVersions(versions)(through(t));
  if (window.attache) return { api: createApi(recorded(bridgeTransport(window.attache))), shell: 'electron', bridge: window.attache, versions };
  return { api: createApi(recorded(httpTransport(takeTokenFromLocation()))), shell: 'web', versions };
}
