import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../../shared/contract';
import { MENU_CHANNEL } from '../../../shared/contract/bridge';
import { downloadPlatform, openBackend } from '../../../electron/backend';
import { LOCK_FILE } from '../../../electron/backend/store/lock';
import { startApp } from '../../../electron/main/app';
import { workspaceDir } from '../../../electron/shell/data-dir';
import { tempDir } from '../helpers/workspace';
import { FakeBrowserWindow, fakeElectron } from './fake-electron';

type Handler = (event: unknown, input: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

const started: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // Release workspace locks before the temp folders are removed.
  for (const stop of started.splice(0)) await stop();
});

async function launch(opts: { env?: NodeJS.ProcessEnv; argv?: string[]; singleInstance?: boolean; packaged?: boolean; platform?: NodeJS.Platform } = {}) {
  const userData = await tempDir('attache-userdata-');
  const dataDir = await tempDir('attache-data-');
  const fake = fakeElectron(userData, opts.singleInstance === undefined ? {} : { singleInstance: opts.singleInstance });
  fake.app.isPackaged = opts.packaged ?? false;
  const handle = startApp(fake.asModule(), {
    argv: opts.argv ?? ['electron', '.', '--data-dir', dataDir],
    env: opts.env ?? {},
    platform: opts.platform ?? 'linux',
    distDir: '/opt/attache/dist/electron',
  });
  started.push(async () => {
    fake.app.becomeReady();
    await handle.ready;
    if (!fake.app.exit.mock.calls.length) fake.app.quit();
    await fake.app.exited;
  });
  const handler = (name: string) => fake.ipcMain.handle.mock.calls.find(([channel]) => channel === name)![1] as Handler;
  const menu = () => {
    const calls = fake.electron.Menu.buildFromTemplate.mock.calls;
    return calls[calls.length - 1]![0] as MenuItemConstructorOptions[];
  };
  const menuItem = (label: string) => {
    const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
    return flat(menu()).find((i) => i.label === label);
  };
  return { ...fake, handle, userData, dataDir, handler, menu, menuItem };
}

const window = () => FakeBrowserWindow.instances[0]!;
const fromWindow = (win: FakeBrowserWindow) => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

describe('start-up', () => {
  it('does the before-ready work first: sandbox, privileged scheme, single-instance lock', async () => {
    const userDataOverride = await tempDir('attache-profile-');
    const app = await launch({ env: { ATTACHE_USER_DATA_DIR: userDataOverride } });
    expect(app.app.calls.slice(0, 4)).toEqual(['setPath:userData', 'enableSandbox', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock']);
    expect(app.app.getPath('userData')).toBe(userDataOverride);
    expect(app.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(app.ipcMain.handle).not.toHaveBeenCalled();
    app.app.becomeReady();
    await expect(app.handle.ready).resolves.toBe(true);
  });

  it('quits at once when another instance holds the lock', async () => {
    const app = await launch({ singleInstance: false });
    expect(app.app.quit).toHaveBeenCalled();
    app.app.becomeReady();
    await expect(app.handle.ready).resolves.toBe(false);
    expect(app.ipcMain.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('opens the window with the secure preferences on app://attache/index.html', async () => {
    const app = await launch();
    app.app.becomeReady();
    await app.handle.ready;
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window().options.webPreferences).toMatchObject({
      preload: join('/opt/attache/dist/electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: true,
    });
    expect(window().options.show).toBe(false);
    expect(window().loadURL).toHaveBeenCalledWith('app://attache/index.html');
    window().emit('ready-to-show');
    expect(window().show).toHaveBeenCalled();
    expect(app.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(app.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(app.session.setPermissionCheckHandler).toHaveBeenCalled();
    expect(app.session.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(app.electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('hardens every web contents as it is created', async () => {
    const app = await launch();
    const contents = new (await import('./fake-electron')).FakeWebContents();
    app.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    // The link is handed to the system browser instead of an app window.
    expect(app.electron.shell.openExternal).toHaveBeenCalledWith('https://example.org');
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('turns DevTools off in a packaged build unless ATTACHE_DEVTOOLS=1', async () => {
    const packaged = await launch({ packaged: true });
    packaged.app.becomeReady();
    await packaged.handle.ready;
    expect(window().options.webPreferences!.devTools).toBe(false);
    expect(JSON.stringify(packaged.menu())).not.toContain('toggleDevTools');

    const debug = await launch({ packaged: true, env: { ATTACHE_DEVTOOLS: '1' } });
    debug.app.becomeReady();
    await debug.handle.ready;
    expect(FakeBrowserWindow.instances.at(-1)!.options.webPreferences!.devTools).toBe(true);
    expect(JSON.stringify(debug.menu())).toContain('toggleDevTools');
  });

  it('uses the workspace folder inside userData without --data-dir', async () => {
    const app = await launch({ argv: ['electron', '.'] });
    app.app.becomeReady();
    await app.handle.ready;
    const reply = await app.handler('workspace.status')(fromWindow(window()), {});
    expect(reply).toMatchObject({ ok: true, data: { dataDir: workspaceDir(app.userData), shell: 'electron' } });
  });
});

describe('IPC', () => {
  it('registers one handler per contract operation and nothing else', async () => {
    const app = await launch();
    app.app.becomeReady();
    await app.handle.ready;
    const channels = app.ipcMain.handle.mock.calls.map(([channel]) => channel as string);
    expect([...channels].sort()).toEqual([...operationNames].sort());
    expect(new Set(channels).size).toBe(operationNames.length);
    for (const other of ['handleOnce', 'on', 'once', 'addListener'] as const) expect(app.ipcMain[other]).not.toHaveBeenCalled();
  });

  it('serves the window from the real backend and refuses strangers', async () => {
    const app = await launch();
    app.app.becomeReady();
    await app.handle.ready;
    const status = await app.handler('workspace.status')(fromWindow(window()), {});
    expect(status).toMatchObject({ ok: true, data: { state: 'new', shell: 'electron', dataDir: app.dataDir } });

    const invalid = await app.handler('workspace.initialize')(fromWindow(window()), { sample: 'yes' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const foreign = { sender: window().webContents, senderFrame: { ...window().webContents.mainFrame, url: 'https://evil.example/' } };
    expect(await app.handler('workspace.initialize')(foreign, { sample: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    warn.mockRestore();
    expect(await app.handler('workspace.status')(fromWindow(window()), {})).toMatchObject({ ok: true, data: { state: 'new' } });
  });
});

describe('app lock', () => {
  it('locks an encrypted workspace when the OS locks the screen or suspends', async () => {
    const app = await launch();
    app.app.becomeReady();
    await app.handle.ready;
    const call = (name: string, input: unknown = {}) => app.handler(name)(fromWindow(window()), input);
    expect(await call('workspace.initialize', { sample: false, passphrase: 'correct horse battery' })).toMatchObject({ ok: true, data: { encrypted: true } });
    for (const event of ['lock-screen', 'suspend'] as const) {
      app.electron.powerMonitor.emit(event);
      await vi.waitFor(async () => expect(await call('workspace.status')).toMatchObject({ ok: true, data: { state: 'locked' } }));
      expect(await call('cases.list')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      expect(await call('workspace.unlock', { passphrase: 'correct horse battery' })).toMatchObject({ ok: true, data: { state: 'ready' } });
    }
  });

  it('leaves a workspace without a passphrase open', async () => {
    const app = await launch();
    app.app.becomeReady();
    await app.handle.ready;
    const call = (name: string, input: unknown = {}) => app.handler(name)(fromWindow(window()), input);
    await call('workspace.initialize', { sample: false });
    app.electron.powerMonitor.emit('lock-screen');
    expect(await call('cases.list')).toMatchObject({ ok: true });
  });
});

describe('menu', () => {
  it('sends its commands to the window', async () => {
    const app = await launch();
    app.app.becomeReady();
    await app.handle.ready;
    (app.menuItem('New case')!.click as () => void)();
    expect(window().webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'case.new');
  });

  it('follows the language of the settings, then of the system', async () => {
    const app = await launch();
    app.app.locale = 'de-AT';
    app.app.becomeReady();
    await app.handle.ready;
    expect(app.menu().map((m) => m.label)).toContain('Datei');
    await app.handler('workspace.initialize')(fromWindow(window()), { sample: false });
    const reply = await app.handler('settings.update')(fromWindow(window()), { language: 'en' });
    expect(reply.ok).toBe(true);
    await vi.waitFor(() => expect(app.menu().map((m) => m.label)).toContain('File'));
  });
});

describe('windows and quitting', () => {
  it('asks before a page with unsaved work is closed or reloaded, in the language of the settings', async () => {
    const app = await launch();
    app.app.locale = 'de-AT';
    app.app.becomeReady();
    await app.handle.ready;
    const ask = app.electron.dialog.showMessageBoxSync;
    const unload = () => {
      const event = { preventDefault: vi.fn() };
      window().webContents.emit('will-prevent-unload', event);
      return event.preventDefault.mock.calls.length > 0; // true: the window closes after all
    };

    // "Weiter bearbeiten" is the default and what Escape chooses: the window stays, the work too.
    expect(unload()).toBe(false);
    expect(ask).toHaveBeenCalledWith(
      window(),
      expect.objectContaining({ message: 'Änderungen verwerfen?', buttons: ['Änderungen verwerfen', 'Weiter bearbeiten'], defaultId: 1, cancelId: 1 }),
    );
    ask.mockReturnValueOnce(0);
    expect(unload()).toBe(true);
  });

  it('brings the window back when the app is launched again', async () => {
    const app = await launch();
    app.app.becomeReady();
    await app.handle.ready;
    window().minimized = true;
    app.app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(window().restore).toHaveBeenCalled();
    expect(window().show).toHaveBeenCalled();
    expect(window().focus).toHaveBeenCalled();
  });

  it('opens a new window on a second launch when none is open (macOS)', async () => {
    const app = await launch({ platform: 'darwin' });
    app.app.becomeReady();
    await app.handle.ready;
    window().closeByUser();
    expect(app.app.quit).not.toHaveBeenCalled();
    app.app.emit('second-instance', {}, ['electron', '.'], '/');
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(2));
  });

  it('remembers the window, and releases the workspace before exiting', async () => {
    const app = await launch();
    app.app.becomeReady();
    await app.handle.ready;
    expect(existsSync(join(app.dataDir, LOCK_FILE))).toBe(true);
    window().bounds = { x: 120, y: 80, width: 1111, height: 777 };
    window().closeByUser();
    app.app.quit();
    await expect(app.app.exited).resolves.toBe(0);
    expect(existsSync(join(app.dataDir, LOCK_FILE))).toBe(false);
    const state = JSON.parse(await readFile(join(app.userData, 'window-state.json'), 'utf8'));
    expect(state).toEqual({ x: 120, y: 80, width: 1111, height: 777, maximized: false });

    const again = await launch({ argv: ['electron', '.', '--data-dir', app.dataDir] });
    again.app.paths.userData = app.userData;
    again.app.becomeReady();
    await again.handle.ready;
    expect(FakeBrowserWindow.instances[0]!.options).toMatchObject({ x: 120, y: 80, width: 1111, height: 777 });
  });

  it('shows an error and exits with 3 when another process owns the workspace', async () => {
    const app = await launch();
    const other = await openBackend({ dataDir: app.dataDir, platform: downloadPlatform });
    try {
      app.app.becomeReady();
      await expect(app.handle.ready).resolves.toBe(false);
      expect(app.electron.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('already open'));
      await expect(app.app.exited).resolves.toBe(3);
      expect(FakeBrowserWindow.instances).toHaveLength(0);
      expect(existsSync(join(app.dataDir, LOCK_FILE))).toBe(true);
    } finally {
      await other.close();
    }
  });
});
