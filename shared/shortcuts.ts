import type { MenuCommand } from './contract/bridge';
import type { TranslationKey } from './i18n';

/**
 * Every keyboard shortcut of the app, written once. The renderer's key handlers, its shortcut help
 * and the Electron menu's accelerators are all derived from this list, so what the help says is what
 * the keys do, in the browser and in the desktop app, and the three cannot drift apart.
 */

/** What a key can ask for: the menu's commands, and those only the page performs. */
export type AppCommand = MenuCommand | 'undo.last' | 'palette.open';

/** Modifiers first, joined by '+': 'Mod+Shift+E'. Mod is Ctrl, or ⌘ on macOS. */
export type Chord = string;

export interface Shortcut {
  /** The command sent on the app's command bus; null where each dialog handles the key itself (Escape). */
  command: AppCommand | null;
  /** What the help calls it (a catalogue key). */
  label: TranslationKey;
  /** Every chord that does it, the main one first. */
  keys: readonly Chord[];
  /** The Electron menu carries the main chord as its accelerator; the page then leaves that chord to the menu. */
  menu?: boolean;
  /** Also while typing in a field or in rich text (Ctrl+S from inside the text it saves). */
  inFields?: boolean;
}

export const shortcuts: readonly Shortcut[] = [
  { command: 'case.new', label: 'shortcuts.newCase', keys: ['Mod+N', 'Alt+N'], menu: true },
  { command: 'editor.save', label: 'shortcuts.save', keys: ['Mod+S'], menu: true, inFields: true },
  { command: 'search.focus', label: 'shortcuts.search', keys: ['Mod+F'], menu: true, inFields: true },
  { command: 'palette.open', label: 'palette.title', keys: ['Mod+K'] },
  { command: 'briefing.export', label: 'shortcuts.exportBriefing', keys: ['Mod+Shift+E'], menu: true },
  { command: 'undo.last', label: 'shortcuts.undo', keys: ['Mod+Z'] },
  { command: 'navigate.dashboard', label: 'nav.dashboard', keys: ['Mod+Shift+H'], menu: true },
  { command: 'navigate.settings', label: 'nav.settings', keys: ['Mod+,'], menu: true },
  // Also from inside a field: the person leaving the desk is usually in the middle of typing.
  { command: 'workspace.lock', label: 'shortcuts.lock', keys: ['Mod+L'], menu: true, inFields: true },
  { command: null, label: 'shortcuts.escape', keys: ['Escape'] },
  { command: 'help.shortcuts', label: 'shortcuts.help', keys: ['F1', 'Shift+?'], menu: true },
];

/** Chords a browser tab never receives: Chrome and Firefox keep Ctrl+N for a new window. */
export const browserReserved: readonly Chord[] = ['Mod+N'];

/** The shortcut that sends a command (throws for a command without one: a mistake in this file). */
export function shortcutFor(command: AppCommand): Shortcut {
  const found = shortcuts.find((s) => s.command === command);
  if (!found) throw new Error(`No shortcut for ${command}`);
  return found;
}

/** Electron's accelerator for a chord: 'Mod+Shift+E' → 'CmdOrCtrl+Shift+E'. */
export function accelerator(chord: Chord): string {
  return chord.replace(/^Mod\+/, 'CmdOrCtrl+');
}

/** The menu's main chord of a command's shortcut, as an Electron accelerator. */
export function menuAccelerator(command: MenuCommand): string {
  const s = shortcutFor(command);
  if (!s.menu) throw new Error(`${command} is not a menu shortcut`);
  return accelerator(s.keys[0]!);
}

/**
 * The chords a shell's page handles itself: in the browser every chord it can receive; in Electron
 * all but the menu's accelerators, which the menu delivers as commands (a key the page handled would
 * never reach the menu, and on macOS the menu sees it first).
 */
export function pageChords(s: Shortcut, shell: 'web' | 'electron'): Chord[] {
  if (!s.command) return [];
  return s.keys.filter((chord, i) => (shell === 'electron' ? !(s.menu && i === 0) : true));
}

/** The chords the help shows in a shell: those that work there (a browser tab never gets Ctrl+N). */
export function workingChords(s: Shortcut, shell: 'web' | 'electron'): Chord[] {
  return shell === 'web' ? s.keys.filter((chord) => !browserReserved.includes(chord)) : [...s.keys];
}
