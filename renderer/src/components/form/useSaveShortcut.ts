import { useCallback, type RefObject } from 'react';
import { useCommand } from '../../app/commands';

/**
 * Ctrl/Cmd+S — the shell's key in the browser, the menu's Save in Electron — submits the editor
 * whose form this is: a page editor or a dialog's. Not while focus is in another dialog above it
 * (the discard question, a link dialog), whose Save it is not.
 */
export function useSaveShortcut(form: RefObject<HTMLElement | null>, submit: () => void): void {
  useCommand(
    'editor.save',
    useCallback(() => {
      const node = form.current;
      if (!node) return;
      const dialog = document.activeElement?.closest('[role="dialog"]');
      if (dialog && !dialog.contains(node)) return;
      submit();
    }, [form, submit]),
  );
}
