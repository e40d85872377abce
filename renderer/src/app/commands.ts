import { useEffect } from 'react';
import type { AppCommand } from '../../../shared/shortcuts';

/**
 * App commands arrive from the Electron menu, from keyboard shortcuts (shared/shortcuts), or from
 * buttons; screens subscribe to the ones they can perform.
 */
export type Command = AppCommand;

const bus = new EventTarget();

export function emitCommand(command: Command): void {
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
