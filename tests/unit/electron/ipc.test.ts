import { describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../../shared/contract';
import { Envelope } from '../../../shared/contract/define';
import { forbidden, isTrustedSender, registerIpcHandlers } from '../../../electron/main/ipc';
import { FakeWebContents, fakeFrame } from './fake-electron';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

function setup() {
  const ipcMain = { handle: vi.fn<(channel: string, handler: Handler) => void>() };
  const dispatch = vi.fn(async (name: unknown, input: unknown) => ({ ok: true as const, data: { name, input } }));
  const contents = new FakeWebContents();
  registerIpcHandlers(ipcMain as never, { dispatch, trustedContents: () => contents as never });
  const handler = (name: string) => ipcMain.handle.mock.calls.find(([channel]) => channel === name)![1];
  return { ipcMain, dispatch, contents, handler };
}

describe('IPC registration', () => {
  it('registers exactly one handler per contract operation, and nothing else', () => {
    const { ipcMain } = setup();
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels).toHaveLength(operationNames.length);
    expect(new Set(channels).size).toBe(channels.length);
    expect([...channels].sort()).toEqual([...operationNames].sort());
  });

  it('passes a call from our window’s main frame to the backend', async () => {
    const { dispatch, contents, handler } = setup();
    const input = { title: 'Hydrogen partnership' };
    const reply = await handler('cases.create')({ sender: contents, senderFrame: contents.mainFrame }, input);
    expect(dispatch).toHaveBeenCalledWith('cases.create', input);
    expect(reply).toEqual({ ok: true, data: { name: 'cases.create', input } });
  });

  it.each([
    ['a foreign page in our window', (c: FakeWebContents) => ({ sender: c, senderFrame: { ...c.mainFrame, url: 'https://example.org/' } })],
    ['a file:// page', (c: FakeWebContents) => ({ sender: c, senderFrame: { ...c.mainFrame, url: 'file:///tmp/x.html' } })],
    ['a look-alike host', (c: FakeWebContents) => ({ sender: c, senderFrame: { ...c.mainFrame, url: 'app://attache.evil/index.html' } })],
    ['a frame that is gone', (c: FakeWebContents) => ({ sender: c, senderFrame: null })],
    ['a subframe of our page', (c: FakeWebContents) => ({ sender: c, senderFrame: fakeFrame('app://attache/index.html', c.mainFrame) })],
    ['a second frame claiming to be top', (c: FakeWebContents) => ({ sender: c, senderFrame: fakeFrame('app://attache/index.html') })],
    ['another web contents', () => {
      const other = new FakeWebContents();
      return { sender: other, senderFrame: other.mainFrame };
    }],
  ])('refuses %s with a FORBIDDEN envelope', async (_label, makeEvent) => {
    const { dispatch, contents, handler } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reply = await handler('cases.list')(makeEvent(contents), {});
    warn.mockRestore();
    expect(dispatch).not.toHaveBeenCalled();
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses every call while there is no window', () => {
    const contents = new FakeWebContents();
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame } as never, null)).toBe(false);
    contents.destroyed = true;
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame } as never, contents as never)).toBe(false);
  });

  it('accepts the main frame by identity even if Electron hands out a new wrapper object', () => {
    const contents = new FakeWebContents();
    const sameFrame = { ...contents.mainFrame };
    expect(isTrustedSender({ sender: contents, senderFrame: sameFrame } as never, contents as never)).toBe(true);
  });

  it('builds an envelope the renderer’s client understands', () => {
    expect(forbidden('cases.list')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('cases.list') } });
    expect(Envelope.safeParse(forbidden('cases.list')).success).toBe(true);
  });
});
