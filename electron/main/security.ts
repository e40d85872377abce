import type { Session, WebContents, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'attache';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of the app's own origin (the page, its assets, its in-app routes). */
export function isAppUrl(url: string): boolean {
  try {
    // Node gives custom schemes an opaque origin ("null"), so compare the parts.
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

// data: and blob: never leave the machine; devtools: only exists when DevTools are open.
const LOCAL_SCHEMES = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:']);

/** The app works offline by design, so anything that would reach the network is a bug or an attack. */
export function isAllowedRequest(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
    return LOCAL_SCHEMES.has(parsed.protocol);
  } catch {
    return false;
  }
}

/**
 * Spell checking uses the system's checker on macOS and Windows; elsewhere Chromium would download
 * Hunspell dictionaries from Google, which an offline app must not do.
 */
export const hasNativeSpellchecker = (platform: NodeJS.Platform) => platform === 'darwin' || platform === 'win32';

/** The renderer gets the web platform and nothing more: no Node, no webviews, an isolated preload. */
export function secureWebPreferences(preloadPath: string, opts: { devTools: boolean; spellcheck: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: opts.spellcheck,
    devTools: opts.devTools,
  };
}

/** Session-wide rules: no permission is ever granted, no request leaves the app's origin. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) console.warn(`[attache] blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

type NavigationEvent = { preventDefault(): void; url?: string };

/** Links a user may open in their own browser or mail program: web pages and e-mail addresses only. */
export function isExternalLink(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'mailto:') return true;
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !!u.hostname;
  } catch {
    return false;
  }
}

/**
 * Rules for every web contents the app creates: no pop-ups, no navigation away from the app, no
 * webviews. Applied from `web-contents-created` so a contents created by surprise is covered too.
 */
export function hardenWebContents(contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>, openExternal?: (url: string) => void): void {
  // A link in a note (target=_blank) goes to the system browser, never into an app window.
  contents.setWindowOpenHandler(({ url }) => {
    if (openExternal && isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: NavigationEvent, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (!isAppUrl(url)) {
      event.preventDefault();
      console.warn(`[attache] blocked navigation to ${url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
