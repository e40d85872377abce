import { join, resolve } from 'node:path';
import type * as Electron from 'electron';
import type { BrowserWindow } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/contract/bridge';
import { isAppError } from '../../shared/errors';
import { isLanguage, languageFromTag, type Language } from '../../shared/i18n';
import { IDLE_WARM_MS, openBackend, type Backend, type Dispatch, type Platform } from '../backend';
import { dataDirFromArgs, workspaceDir } from '../shell/data-dir';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { menuLabels } from './menu-labels';
import { deviceVault, type SafeStorageLike } from './device-vault';
import { electronNotifier, electronPlatform, type NotificationLike } from './platform';
import { createAppProtocolHandler, privilegedSchemes } from './protocol';
import { APP_SCHEME, hardenSession, hardenWebContents, hasNativeSpellchecker } from './security';
import { askBeforeDiscarding, createMainWindow, revealWindow } from './window';
import { captureWindowState, fitToDisplay, readWindowState, windowStatePath, writeWindowState } from './window-state';

/** The parts of Electron the shell uses; passed in so tests can substitute them. */
export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'protocol' | 'powerMonitor' | 'screen' | 'session' | 'shell'
> & { safeStorage?: SafeStorageLike; Notification?: NotificationLike };

export interface StartOptions {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** The folder of main.cjs and preload.cjs (dist/electron); the renderer is built beside it. */
  distDir: string;
}

export interface AppHandle {
  /** Resolves true once the window is open, false when the app is quitting instead. */
  readonly ready: Promise<boolean>;
}

export const APP_ID = 'org.attache.workbench';

/** Exit codes a script can tell apart: 3 means another process owns the workspace (as the web host). */
const EXIT_LOCKED = 3;
const EXIT_FAILED = 1;

/**
 * Wires the app together. Everything before `whenReady` must happen synchronously at start-up:
 * Electron only accepts the sandbox switch, privileged schemes and the user-data path that early.
 */
export function startApp(electron: ElectronModule, opts: StartOptions): AppHandle {
  const { app, protocol } = electron;

  // Tests and parallel profiles need their own Chromium profile and single-instance lock.
  if (opts.env.ATTACHE_USER_DATA_DIR) app.setPath('userData', resolve(opts.env.ATTACHE_USER_DATA_DIR));
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged(privilegedSchemes);
  if (opts.platform === 'win32') app.setAppUserModelId(APP_ID);

  if (!app.requestSingleInstanceLock()) {
    // The first instance gets 'second-instance' and comes to the front.
    app.quit();
    return { ready: Promise.resolve(false) };
  }

  const devTools = !app.isPackaged || opts.env.ATTACHE_DEVTOOLS === '1';
  const preloadPath = join(opts.distDir, 'preload.cjs');
  const rendererDir = join(opts.distDir, '..', 'renderer');
  let backend: Backend | null = null;
  let mainWindow: BrowserWindow | null = null;
  let opening: Promise<void> | null = null;
  let exitCode = 0;
  let language: Language = 'en';
  let shutdown: 'no' | 'running' | 'done' = 'no';
  const logError = (e: unknown) => console.error('[attache]', e);
  const pendingWrites = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const tracked = p.catch(logError).finally(() => pendingWrites.delete(tracked));
    pendingWrites.add(tracked);
  };
  const statePath = () => windowStatePath(app.getPath('userData'));

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => void electron.shell.openExternal(url).catch(logError)),
  );
  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) revealWindow(mainWindow);
    else if (backend) openWindow().catch(logError); // macOS: running without a window
  });
  app.on('window-all-closed', () => {
    if (opts.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && !mainWindow) openWindow().catch(logError);
  });
  // The workspace lock and the last window-state write must finish before the process ends.
  app.on('will-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'running') return;
    shutdown = 'running';
    void (async () => {
      await Promise.allSettled([...pendingWrites]);
      await backend?.close().catch((e: unknown) => console.error('[attache] closing the workspace failed:', e));
      shutdown = 'done';
      app.exit(exitCode);
    })();
  });

  async function menuLanguage(): Promise<Language> {
    const reply = await backend?.dispatch('settings.get', {});
    const chosen = reply?.ok ? (reply.data as { language?: unknown }).language : undefined;
    return isLanguage(chosen) ? chosen : languageFromTag(app.getLocale());
  }

  async function refreshMenu(): Promise<void> {
    const send = (command: MenuCommand) => {
      const contents = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
      if (contents && !contents.isDestroyed()) contents.send(MENU_CHANNEL, command);
    };
    language = await menuLanguage();
    const template = buildMenuTemplate({ lang: language, platform: opts.platform, devTools, send });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  }

  function openWindow(): Promise<void> {
    if (shutdown !== 'no') return Promise.resolve();
    opening ??= (async () => {
      const saved = await readWindowState(statePath());
      const win = createMainWindow({
        BrowserWindow: electron.BrowserWindow,
        bounds: fitToDisplay(saved, electron.screen),
        maximized: saved?.maximized ?? false,
        preloadPath,
        devTools,
        spellcheck: hasNativeSpellchecker(opts.platform),
        title: 'Attaché',
      });
      mainWindow = win;
      askBeforeDiscarding(win.webContents, () => {
        const labels = menuLabels(language);
        const choice = electron.dialog.showMessageBoxSync(win, {
          type: 'question',
          title: 'Attaché',
          message: labels.discardTitle,
          detail: labels.discardBody,
          buttons: [labels.discard, labels.keepEditing],
          defaultId: 1,
          cancelId: 1,
          noLink: true,
        });
        return choice === 0;
      });
      win.on('close', () => track(writeWindowState(statePath(), captureWindowState(win))));
      win.on('closed', () => {
        if (mainWindow === win) mainWindow = null;
      });
    })().finally(() => {
      opening = null;
    });
    return opening;
  }

  async function whenReady(): Promise<boolean> {
    await app.whenReady();
    const dataDir = resolve(dataDirFromArgs(opts.argv, opts.env) ?? workspaceDir(app.getPath('userData')));
    const platform: Platform = { ...electronPlatform({ app, dialog: electron.dialog, shell: electron.shell, window: () => mainWindow }), deviceVault: await deviceVault(electron.safeStorage, opts.platform) };
    const notifier = electron.Notification ? electronNotifier({ Notification: electron.Notification, locale: app.getLocale() }) : undefined;
    if (notifier) platform.notifier = notifier;
    try {
      backend = await openBackend({ dataDir, platform, validateOutput: opts.env.ATTACHE_VALIDATE_OUTPUT === '1', warmWhenIdleMs: IDLE_WARM_MS });
    } catch (e) {
      exitCode = isAppError(e) && e.code === 'WORKSPACE_LOCKED' ? EXIT_LOCKED : EXIT_FAILED;
      electron.dialog.showErrorBox(menuLabels(languageFromTag(app.getLocale())).cannotOpen, e instanceof Error ? e.message : String(e));
      app.quit();
      return false;
    }
    const opened = backend;

    hardenSession(electron.session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, () => opened.firstScreen()));
    const dispatch: Dispatch = async (name, input) => {
      const reply = await opened.dispatch(name, input);
      // The menu follows the language chosen in the settings.
      if (name === 'settings.update' && reply.ok) refreshMenu().catch(logError);
      return reply;
    };
    // The app lock follows the OS: when the screen locks or the machine sleeps, an encrypted workspace
    // locks too (a plain one ignores it). The renderer learns it from its next call (LOCKED) or when
    // the window comes back into focus, and shows its lock screen over the unsaved work.
    const lockWorkspace = () => {
      opened.dispatch('workspace.lock', {}).then((reply) => {
        if (!reply.ok) logError(reply.error);
      }, logError);
    };
    electron.powerMonitor.on('lock-screen', lockWorkspace);
    electron.powerMonitor.on('suspend', lockWorkspace);
    registerIpcHandlers(electron.ipcMain, { dispatch, trustedContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null) });
    await refreshMenu();
    await openWindow();
    return true;
  }

  const ready = whenReady().catch((e: unknown) => {
    console.error('[attache] start-up failed:', e);
    electron.dialog.showErrorBox('Attaché', e instanceof Error ? (e.stack ?? e.message) : String(e));
    exitCode = EXIT_FAILED;
    app.quit();
    return false;
  });
  return { ready };
}
