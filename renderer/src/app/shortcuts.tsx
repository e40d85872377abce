import { Kbd, Modal, Table } from '@mantine/core';
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { pageChords, shortcuts, workingChords, type Chord } from '../../../shared/shortcuts';
import { emitCommand } from './commands';

/**
 * The page's side of the app's keyboard shortcuts, read from the one list in shared/shortcuts: the
 * key handlers (each key sends its command on the bus) and the help that lists them. The Electron
 * menu reads the same list, so the help, the keys and the menu say the same.
 */

type Shell = 'web' | 'electron';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** Mantine's spelling of a chord: 'Mod+Shift+E' → 'mod+shift+E'. */
export function hotkeyOf(chord: Chord): string {
  return chord
    .split('+')
    .map((part) => (['Mod', 'Shift', 'Alt'].includes(part) ? part.toLowerCase() : part))
    .join('+');
}

/** Alt with a letter is matched by the key's place, not its character: on macOS ⌥N types "˜". */
const physical = (chord: Chord) => /^Alt\+[A-Z]$/.test(chord);

/** Registers every key the page handles in this shell (in Electron the menu delivers its own). */
export function useShortcutKeys(shell: Shell) {
  const handled = shortcuts.flatMap((s) => pageChords(s, shell).map((chord) => ({ s, chord })));
  const items = (inFields: boolean): HotkeyItem[] =>
    handled
      .filter(({ s }) => !!s.inFields === inFields)
      .map(({ s, chord }) => [hotkeyOf(chord), () => emitCommand(s.command!), { usePhysicalKeys: physical(chord) }]);
  useHotkeys(items(false), ['INPUT', 'TEXTAREA', 'SELECT']);
  // Ctrl+S and Ctrl+F also from inside a field or the rich text.
  useHotkeys(items(true), [], true);
}

/** The key caps of a chord, as printed on the keyboard ("Strg", "⌘"); '?' already implies Shift. */
function useCaps() {
  const { t } = useTranslation();
  return (chord: Chord): string[] => {
    const parts = chord.split('+');
    const shown = parts.includes('?') ? parts.filter((p) => p !== 'Shift') : parts;
    return shown.map((part) => {
      if (part === 'Mod') return isMac ? '⌘' : t('notes.keys.ctrl');
      if (part === 'Shift') return isMac ? '⇧' : t('notes.keys.shift');
      if (part === 'Alt') return isMac ? '⌥' : 'Alt';
      if (part === 'Escape') return 'Esc';
      return part;
    });
  };
}

/** The shortcut help (F1, ?): what the keys do in this shell, nothing a browser keeps for itself. */
export function ShortcutHelp({ opened, onClose, shell }: { opened: boolean; onClose: () => void; shell: Shell }) {
  const { t } = useTranslation();
  const caps = useCaps();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Table>
        <Table.Tbody>
          {shortcuts.map((s) => (
            <Table.Tr key={s.label}>
              <Table.Td>{t(s.label)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {workingChords(s, shell).map((chord, n) => (
                  <Fragment key={chord}>
                    {n > 0 ? ' / ' : ''}
                    {caps(chord).map((cap, i) => (
                      <span key={cap}>
                        {i > 0 ? ' + ' : ''}
                        <Kbd>{cap}</Kbd>
                      </span>
                    ))}
                  </Fragment>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}

/** The label of the palette's keys for the sidebar ("Ctrl+K", "⌘K"). */
export function usePaletteKeys(): string {
  const caps = useCaps();
  const chord = shortcuts.find((s) => s.command === 'palette.open')!.keys[0]!;
  return caps(chord).join(isMac ? '' : '+');
}
