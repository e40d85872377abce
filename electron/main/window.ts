import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, WebContents } from 'electron';
import { MIN_SIZE } from './window-state';
import { APP_ENTRY_URL, secureWebPreferences } from './security';

type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface MainWindowOptions {
  BrowserWindow: BrowserWindowClass;
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
  preloadPath: string;
  devTools: boolean;
  spellcheck: boolean;
  title: string;
}

/** The one window: hidden until the first paint so it never flashes white, then restored as it was. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new opts.BrowserWindow({
    ...opts.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: opts.title,
    show: false,
    webPreferences: secureWebPreferences(opts.preloadPath, { devTools: opts.devTools, spellcheck: opts.spellcheck }),
  });
  win.once('ready-to-show', () => {
    if (opts.maximized) win.maximize();
    win.show();
  });
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => console.error('[attache] the page did not load:', e));
  return win;
}

/** Brings the window back to the user (a second launch, the dock icon). */
export function revealWindow(win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}

/**
 * An editor with unsaved work cancels the page's unload (beforeunload). Electron would then keep
 * the window open without a word, so it asks: `leave()` shows the question and says whether to go.
 * Quitting goes through here too, since the app closes its windows before it quits.
 */
export function askBeforeDiscarding(contents: Pick<WebContents, 'on'>, leave: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    if (leave()) event.preventDefault();
  });
}
