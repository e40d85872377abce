import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isMenuCommand } from '../../../shared/contract/bridge';
import { buildMenuTemplate, type MenuOptions } from '../../../electron/main/menu';
import { menuLabels } from '../../../electron/main/menu-labels';
import { accelerator, shortcuts } from '../../../shared/shortcuts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(overrides: Partial<MenuOptions> = {}) {
  const send = vi.fn();
  const template = buildMenuTemplate({ lang: 'en', platform: 'linux', devTools: false, send, ...overrides });
  const all = flatten(template);
  const roles = all.map((i) => i.role).filter(Boolean);
  const byLabel = (label: string) => all.find((i) => i.label === label);
  return { template, all, roles, byLabel, send };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('application menu', () => {
  it('has File, Edit, View, Window and Help built from roles', () => {
    const { template, roles } = build();
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'close', 'quit', 'window', 'help']) {
      expect(roles).toContain(role);
    }
  });

  it.each([
    ['New case', 'CmdOrCtrl+N', 'case.new'],
    ['Save', 'CmdOrCtrl+S', 'editor.save'],
    ['Export briefing', 'CmdOrCtrl+Shift+E', 'briefing.export'],
    ['Find', 'CmdOrCtrl+F', 'search.focus'],
    ['Settings', 'CmdOrCtrl+,', 'navigate.settings'],
    ['Dashboard', 'CmdOrCtrl+Shift+H', 'navigate.dashboard'],
    ['Keyboard shortcuts', 'F1', 'help.shortcuts'],
    ['Lock the workspace', 'CmdOrCtrl+L', 'workspace.lock'],
  ])('“%s” has %s and sends %s to the renderer', (label, accelerator, command) => {
    const { byLabel, send } = build();
    const item = byLabel(label);
    expect(item?.accelerator).toBe(accelerator);
    expect(isMenuCommand(command)).toBe(true);
    click(item);
    expect(send).toHaveBeenCalledExactlyOnceWith(command);
  });

  it.each(['linux', 'darwin'] as const)('on %s carries exactly the menu shortcuts of the shared list, with their keys', (platform) => {
    const { all, send } = build({ platform });
    const commandItems = all.filter((i) => typeof i.click === 'function');
    const inMenu = commandItems.map((item) => {
      send.mockClear();
      click(item);
      return [send.mock.calls[0]![0], item.accelerator];
    });
    const expected = shortcuts.filter((s) => s.menu).map((s) => [s.command, accelerator(s.keys[0]!)]);
    expect(inMenu.sort()).toEqual(expected.sort());
  });

  it('keeps the app commands in File and the shortcuts list in Help', () => {
    const { template } = build();
    const labels = (title: string) => (template.find((m) => m.label === title)!.submenu as MenuItemConstructorOptions[]).map((i) => i.label);
    expect(labels('File')).toEqual(expect.arrayContaining(['New case', 'Save', 'Export briefing', 'Settings']));
    expect(labels('Edit')).toContain('Find');
    expect(labels('Help')).toEqual(['Keyboard shortcuts']);
  });

  it('adds the macOS application menu and moves Settings there', () => {
    const { template, roles, all } = build({ platform: 'darwin' });
    expect(template[0]!.role).toBe('appMenu');
    expect(roles).toEqual(expect.arrayContaining(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit', 'front', 'zoom', 'pasteAndMatchStyle']));
    const appMenu = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.some((i) => i.label === 'Settings' && i.accelerator === 'CmdOrCtrl+,')).toBe(true);
    expect(all.filter((i) => i.label === 'Settings')).toHaveLength(1);
    expect(all.filter((i) => i.role === 'quit')).toHaveLength(1);
  });

  it('hides reload and DevTools unless they are enabled', () => {
    expect(build().roles).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(build().roles).not.toContain('reload');
    expect(build({ devTools: true }).roles).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('speaks German', () => {
    const { template, byLabel } = build({ lang: 'de' });
    expect(template.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    expect(byLabel('Suchen')?.accelerator).toBe('CmdOrCtrl+F');
    expect(byLabel(menuLabels('de').newCase)?.accelerator).toBe('CmdOrCtrl+N');
    expect(menuLabels('de').newCase).not.toBe(menuLabels('en').newCase);
  });

  it('has a label for every entry in both languages', () => {
    const en = menuLabels('en');
    const de = menuLabels('de');
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(en), ...Object.values(de)]) {
      expect(value).toMatch(/\S/);
      expect(value).not.toMatch(/^[a-z]+\.[a-zA-Z.]+$/); // a missing catalogue key comes back as the key
    }
  });
});
