import { useEffect } from 'react';
import type { AppCommand } from '../../../shared/shortcuts';

/**
 * App commands arrive from the Electron menu, from keyboard shortcuts (shared/shortcuts), or from
 * buttons; screens subscribe to the ones they can perform.
 */
export type Command = AppCommand;

const bus = new EventTarget();
let paused = false;

/** While the app lock is shown, keys and menu commands must not act on the shell behind it. */
export function pauseCommands(pause: boolean): void {
  paused = pause;
}

export function emitCommand(command: Command): void {
  if (paused) return;
  bus.dispatchEvent(new CustomEvent<Command>('command', { detail: command }));
}

export function useCommand(command: Command, handler: () => void): void {
  useEffect(() => {
    const listener = (e: Event) => {
      if ((e as CustomEvent<Command>).detail === command) handler();
    };
    bus.addEventListener('command', listener);
    return () => bus.removeEventListener('command', listener);
  }, [command, handler]);
}
