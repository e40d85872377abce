// The sandboxed preload (bundled to dist/electron/preload.cjs). It can only require 'electron';
// the bridge itself is built in ./bridge so it can be tested without Electron.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('attache', createBridge(ipcRenderer));
