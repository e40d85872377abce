import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../../shared/contract';
import { MENU_CHANNEL } from '../../../shared/contract/bridge';
import { createBridge } from '../../../electron/preload/bridge';

const exposed = vi.hoisted(() => ({ calls: [] as Array<[string, unknown]> }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn(async () => ({ ok: true, data: null })) });
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.calls.push([key, api]) },
    ipcRenderer,
  };
});

function fakeIpc() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } }));
  return Object.assign(emitter, { invoke });
}

describe('preload bridge', () => {
  it('exposes exactly one function per contract operation plus onMenuCommand', () => {
    const bridge = createBridge(fakeIpc() as never);
    expect(Object.keys(bridge).sort()).toEqual([...operationNames, 'onMenuCommand'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('invokes the operation’s channel with the input and returns the envelope', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc as never);
    await expect(bridge['cases.get']({ id: 'x' })).resolves.toEqual({ ok: true, data: { channel: 'cases.get', input: { id: 'x' } } });
    expect(ipc.invoke).toHaveBeenCalledWith('cases.get', { id: 'x' });
  });

  it('relays valid menu commands without the IPC event, drops invalid ones, and unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc as never);
    const listener = vi.fn();
    const off = bridge.onMenuCommand(listener);
    const event = { sender: 'ipcRenderer would leak here' };
    ipc.emit(MENU_CHANNEL, event, 'case.new');
    ipc.emit(MENU_CHANNEL, event, 'shell.openExternal');
    ipc.emit(MENU_CHANNEL, event, { command: 'case.new' });
    ipc.emit(MENU_CHANNEL, event, undefined);
    ipc.emit(MENU_CHANNEL, event, 'help.shortcuts');
    expect(listener.mock.calls).toEqual([['case.new'], ['help.shortcuts']]);
    off();
    expect(ipc.listenerCount(MENU_CHANNEL)).toBe(0);
    ipc.emit(MENU_CHANNEL, event, 'case.new');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(fakeIpc() as never);
    expect(() => bridge.onMenuCommand('nope' as never)).toThrow(TypeError);
  });

  it('preload.ts exposes the bridge as window.attache and nothing else', async () => {
    await import('../../../electron/preload/preload');
    expect(exposed.calls).toHaveLength(1);
    const [key, api] = exposed.calls[0]!;
    expect(key).toBe('attache');
    expect(Object.keys(api as object).sort()).toEqual([...operationNames, 'onMenuCommand'].sort());
  });
});
