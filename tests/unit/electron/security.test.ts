import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  hardenSession,
  hardenWebContents,
  hasNativeSpellchecker,
  isAllowedRequest,
  isAppUrl,
  secureWebPreferences,
} from '../../../electron/main/security';
import { FakeWebContents, fakeSession } from './fake-electron';

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

type Listener = (event: { preventDefault(): void; url?: string }, legacyUrl?: string) => void;

function navigate(contents: FakeWebContents, eventName: string, url: string, legacy = false): boolean {
  const preventDefault = vi.fn();
  const listeners = contents.listeners(eventName) as Listener[];
  expect(listeners).toHaveLength(1);
  // Electron ≥ 25 passes the URL on the event; older signatures pass it as the second argument.
  if (legacy) listeners[0]!({ preventDefault }, url);
  else listeners[0]!({ preventDefault, url });
  return preventDefault.mock.calls.length === 0;
}

describe('web preferences', () => {
  it('isolate the page from Node and Electron', () => {
    const prefs = secureWebPreferences('/dist/electron/preload.cjs', { devTools: false, spellcheck: true });
    expect(prefs).toMatchObject({
      preload: '/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      spellcheck: true,
    });
  });

  it('use the system spell checker only where there is one (no dictionary downloads)', () => {
    expect(hasNativeSpellchecker('darwin')).toBe(true);
    expect(hasNativeSpellchecker('win32')).toBe(true);
    expect(hasNativeSpellchecker('linux')).toBe(false);
  });
});

describe('web contents', () => {
  it('deny every window.open', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('hand web and e-mail links to the system browser, and nothing else', () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, (url) => opened.push(url));
    for (const url of ['https://example.org/strategy', 'mailto:desk@ministry.example', 'file:///etc/passwd', 'javascript:alert(1)', APP_ENTRY_URL, 'https://user:pw@example.org/']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.org/strategy', 'mailto:desk@ministry.example']);
  });

  it('block navigation away from the app and allow it within app://attache/', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    expect(navigate(contents, 'will-navigate', 'https://example.org/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'app://other/index.html')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'app://attache.evil.example/index.html')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'not a url')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'app://attache/index.html')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://attache/index.html#/cases')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'https://example.org/', true)).toBe(false);
  });

  it('block redirects away from the app', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:8080/')).toBe(false);
    expect(navigate(contents, 'will-redirect', 'app://attache/index.html')).toBe(true);
  });

  it('refuse to attach webviews', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, { src: 'https://example.org/' });
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('session', () => {
  it('denies every permission request and check', () => {
    const session = fakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!({}, permission, 'app://attache', {})).toBe(false);
    }
  });

  it('cancels every request that would leave the app', () => {
    const session = fakeSession();
    hardenSession(session as never);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest!({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('https://example.org/script.js')).toBe(true);
    expect(decide('http://localhost:5173/')).toBe(true);
    expect(decide('ws://127.0.0.1:9000/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://elsewhere/index.html')).toBe(true);
    expect(decide('app://attache/index.html')).toBe(false);
    expect(decide('app://attache/assets/index.js')).toBe(false);
    expect(decide('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
  });

  it('recognises only its own origin', () => {
    expect(isAppUrl('app://attache/')).toBe(true);
    expect(isAppUrl('app://attache:80/')).toBe(false);
    expect(isAppUrl('app://user@attache/')).toBe(false);
    expect(isAppUrl('app://attacher/')).toBe(false);
    expect(isAllowedRequest('chrome://settings')).toBe(false);
    expect(isAllowedRequest('')).toBe(false);
  });
});
