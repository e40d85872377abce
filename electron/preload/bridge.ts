import type { IpcRenderer, IpcRendererEvent } from 'electron';
// Only the plain name list and the bridge constants: the contract itself (zod, country tables) stays out of the preload bundle.
import { isMenuCommand, MENU_CHANNEL, type AttacheBridge, type MenuCommand } from '../../shared/contract/bridge';
import { operationNames } from '../../shared/contract/names';

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * Builds `window.attache`: one function per contract operation and the menu subscription. The page
 * gets plain functions only; the IPC event (whose `sender` is ipcRenderer) never reaches it.
 */
export function createBridge(ipc: BridgeIpc): AttacheBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of operationNames) {
    bridge[name] = (input: unknown) => ipc.invoke(name, input);
  }
  bridge.onMenuCommand = (listener: (command: MenuCommand) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
    const relay = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipc.on(MENU_CHANNEL, relay);
    return () => {
      ipc.removeListener(MENU_CHANNEL, relay);
    };
  };
  return Object.freeze(bridge) as AttacheBridge;
}
