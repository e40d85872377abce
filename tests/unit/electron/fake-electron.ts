import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { ElectronModule } from '../../../electron/main/app';

/**
 * A stand-in for the parts of Electron the shell touches. It records what the shell asked for, so the
 * tests can check the security settings and registrations without the Electron binary.
 */

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  frameToken: string;
}

let nextToken = 1;
export function fakeFrame(url: string, parent: FakeFrame | null = null, processId = 7): FakeFrame {
  return { url, parent, processId, frameToken: `token-${nextToken++}` };
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  constructor(url = 'app://attache/index.html') {
    super();
    this.mainFrame = fakeFrame(url);
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn();
  bounds: { x: number; y: number; width: number; height: number };
  minimized = false;
  visible = false;
  maximized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.bounds = {
      x: (options.x as number | undefined) ?? 100,
      y: (options.y as number | undefined) ?? 100,
      width: options.width as number,
      height: options.height as number,
    };
    FakeBrowserWindow.instances.push(this);
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  /** What Electron does when the user closes the window. */
  closeByUser() {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.emit('closed');
  }
}

export interface FakeDisplay {
  workArea: { x: number; y: number; width: number; height: number };
}

export function fakeScreen(displays: FakeDisplay[] = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]) {
  const overlap = (a: FakeDisplay['workArea'], r: { x: number; y: number; width: number; height: number }) =>
    Math.max(0, Math.min(a.x + a.width, r.x + r.width) - Math.max(a.x, r.x)) * Math.max(0, Math.min(a.y + a.height, r.y + r.height) - Math.max(a.y, r.y));
  return {
    getPrimaryDisplay: () => displays[0]!,
    getDisplayMatching: (r: { x: number; y: number; width: number; height: number }) =>
      displays.reduce((best, d) => (overlap(d.workArea, r) > overlap(best.workArea, r) ? d : best), displays[0]!),
  };
}

export function fakeSession() {
  const session = {
    permissionRequestHandler: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void),
    permissionCheckHandler: null as null | ((wc: unknown, permission: string, origin: string, details: unknown) => boolean),
    beforeRequest: null as null | ((details: { url: string }, cb: (response: { cancel?: boolean }) => void) => void),
    setPermissionRequestHandler: vi.fn((h: typeof session.permissionRequestHandler) => {
      session.permissionRequestHandler = h;
    }),
    setPermissionCheckHandler: vi.fn((h: typeof session.permissionCheckHandler) => {
      session.permissionCheckHandler = h;
    }),
    webRequest: {
      onBeforeRequest: vi.fn((h: typeof session.beforeRequest) => {
        session.beforeRequest = h;
      }),
    },
  };
  return session;
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  paths: Record<string, string>;
  readonly calls: string[] = [];
  readonly enableSandbox = vi.fn(() => void this.calls.push('enableSandbox'));
  readonly setAppUserModelId = vi.fn();
  readonly quit = vi.fn(() => {
    this.calls.push('quit');
    // Electron emits will-quit once no window is left; the fakes have none open at that point.
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('will-quit', event);
    if (!event.defaultPrevented) this.exit(0);
  });
  readonly exit = vi.fn((code?: number) => void this.calls.push(`exit:${code ?? 0}`));
  readonly exited = new Promise<number>((resolve) => {
    this.exit.mockImplementation((code?: number) => {
      this.calls.push(`exit:${code ?? 0}`);
      resolve(code ?? 0);
    });
  });
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  constructor(
    userData: string,
    public singleInstance = true,
    public locale = 'en-US',
  ) {
    super();
    this.paths = { userData, documents: `${userData}/Documents` };
  }
  getPath(name: string) {
    const path = this.paths[name];
    if (!path) throw new Error(`no path ${name}`);
    return path;
  }
  setPath(name: string, value: string) {
    this.calls.push(`setPath:${name}`);
    this.paths[name] = value;
  }
  getLocale() {
    return this.locale;
  }
  requestSingleInstanceLock() {
    this.calls.push('requestSingleInstanceLock');
    return this.singleInstance;
  }
  whenReady() {
    return this.readyPromise;
  }
  becomeReady() {
    this.calls.push('ready');
    this.readyResolve();
  }
}

export function fakeElectron(userData: string, opts: { singleInstance?: boolean; locale?: string } = {}) {
  FakeBrowserWindow.instances = [];
  const app = new FakeApp(userData, opts.singleInstance ?? true, opts.locale ?? 'en-US');
  const session = fakeSession();
  const ipcMain = { handle: vi.fn(), handleOnce: vi.fn(), on: vi.fn(), once: vi.fn(), addListener: vi.fn() };
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showMessageBoxSync: vi.fn((_win: unknown, _options: { buttons: string[] }) => 1) },
    ipcMain,
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => void app.calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    // The OS's lock-screen and suspend events; tests emit them.
    powerMonitor: new EventEmitter(),
    screen: fakeScreen(),
    session: { defaultSession: session },
    shell: { openPath: vi.fn(async () => ''), openExternal: vi.fn(async () => undefined) },
  };
  return { electron, app, session, ipcMain, asModule: () => electron as unknown as ElectronModule };
}
