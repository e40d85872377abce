import type { OperationName } from './index';

/**
 * Commands the Electron menu sends to the renderer. Their keys are in shared/shortcuts, where the
 * menu's accelerators, the page's handlers and the shortcut help all read them.
 */
export const menuCommands = ['case.new', 'editor.save', 'briefing.export', 'search.focus', 'navigate.dashboard', 'navigate.cases', 'navigate.settings', 'help.shortcuts', 'workspace.lock'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** Plain check, no zod: the sandboxed preload imports this file and must stay a few kilobytes. */
export const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && (menuCommands as readonly string[]).includes(value);

/** The IPC channel the menu uses; renderer-to-main calls use the operation names as channels. */
export const MENU_CHANNEL = 'attache:menu';

/**
 * What the Electron preload exposes as `window.attache`: one function per contract name (each
 * returns the envelope) and a subscription to menu commands. Nothing else, never ipcRenderer.
 */
export type AttacheBridge = { [N in OperationName]: (input: unknown) => Promise<unknown> } & {
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};
