import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract/bridge';
import type { Language } from '../../shared/i18n';
import { menuAccelerator } from '../../shared/shortcuts';
import { menuLabels } from './menu-labels';

export interface MenuOptions {
  lang: Language;
  platform: NodeJS.Platform;
  /** Reload and DevTools entries; off in packaged builds unless ATTACHE_DEVTOOLS=1. */
  devTools: boolean;
  /** Delivers an app command to the renderer (the window's MENU_CHANNEL). */
  send: (command: MenuCommand) => void;
}

/**
 * The application menu: the platform's standard roles plus the app's commands, each with the
 * accelerator shared/shortcuts gives it (the same list the renderer's keys and help come from).
 */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const L = menuLabels(opts.lang);
  const mac = opts.platform === 'darwin';
  const command = (label: string, cmd: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator: menuAccelerator(cmd),
    click: () => opts.send(cmd),
  });
  const settings = command(L.settings, 'navigate.settings');
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    // macOS keeps Settings in the application menu, where users look for it.
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about', label: L.about },
        sep,
        settings,
        sep,
        { role: 'services', label: L.services },
        sep,
        { role: 'hide', label: L.hide },
        { role: 'hideOthers', label: L.hideOthers },
        { role: 'unhide', label: L.unhide },
        sep,
        { role: 'quit', label: L.quit },
      ],
    });
  }
  template.push({
    label: L.file,
    submenu: [
      command(L.newCase, 'case.new'),
      command(L.save, 'editor.save'),
      command(L.exportBriefing, 'briefing.export'),
      sep,
      command(L.lock, 'workspace.lock'),
      ...(mac ? [sep, { role: 'close', label: L.close } as const] : [sep, settings, sep, { role: 'quit', label: L.quit } as const]),
    ],
  });
  template.push({
    label: L.edit,
    submenu: [
      { role: 'undo', label: L.undo },
      { role: 'redo', label: L.redo },
      sep,
      { role: 'cut', label: L.cut },
      { role: 'copy', label: L.copy },
      { role: 'paste', label: L.paste },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: L.pasteAndMatchStyle } as const] : []),
      { role: 'delete', label: L.delete },
      sep,
      { role: 'selectAll', label: L.selectAll },
      sep,
      // Find belongs to Edit on every platform; it moves focus to the app's own search.
      command(L.find, 'search.focus'),
    ],
  });
  template.push({
    label: L.view,
    submenu: [
      command(L.dashboard, 'navigate.dashboard'),
      sep,
      ...(opts.devTools
        ? [
            { role: 'reload', label: L.reload } as const,
            { role: 'forceReload', label: L.forceReload } as const,
            { role: 'toggleDevTools', label: L.toggleDevTools } as const,
            sep,
          ]
        : []),
      { role: 'resetZoom', label: L.resetZoom },
      { role: 'zoomIn', label: L.zoomIn },
      { role: 'zoomOut', label: L.zoomOut },
      sep,
      { role: 'togglefullscreen', label: L.togglefullscreen },
    ],
  });
  template.push({
    label: L.window,
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize', label: L.minimize }, { role: 'zoom', label: L.zoom }, sep, { role: 'front', label: L.front }]
      : [{ role: 'minimize', label: L.minimize }, { role: 'close', label: L.close }],
  });
  template.push({
    label: L.help,
    role: 'help',
    submenu: [command(L.shortcuts, 'help.shortcuts')],
  });
  return template;
}
