/**
 * Painting the people list before React, Mantine and the app's code have loaded needs the list in
 * the page itself. The window hands over the screen it drew (`firstScreen.keep`); the backend keeps
 * the last one, in memory only, and the shell puts it into the next page it serves (see
 * electron/shell/renderer-files.ts, renderer/public/first-screen.js) — only while it shows exactly
 * the data published now (the same data version), the workspace is open, and it has no passphrase:
 * an encrypted workspace shows nothing of itself before it is unlocked, so it never gets one.
 */
import type { ServiceOf } from '../../../../shared/contract';
import type { FirstScreenInput } from '../../../../shared/features/firstScreen/schema';
import type { Store } from '../../store/store';

/** What the shell writes into the page: the screen and how it was drawn. */
export type FirstScreenPage = Omit<FirstScreenInput, 'version'>;

export interface FirstScreenKeeper {
  /** Keeps the screen if it shows the data published now; false otherwise. */
  keep(input: FirstScreenInput): boolean;
  /** The screen for the next page, or null (none, the data changed, locked, encrypted). */
  page(): FirstScreenPage | null;
  stop(): void;
}

export function createFirstScreenKeeper(store: Store): FirstScreenKeeper {
  let kept: FirstScreenInput | null = null;
  const usable = () => store.state === 'ready' && !store.encrypted;
  // Any save makes the kept screen old: let it go at once rather than hold personal data for nothing.
  const unsubscribe = store.onPublish(() => {
    if (kept && kept.version !== store.dataVersion) kept = null;
  });
  return {
    keep(input) {
      kept = usable() && input.version === store.dataVersion ? input : null;
      return kept !== null;
    },
    page() {
      if (!kept) return null;
      if (!usable() || kept.version !== store.dataVersion) {
        kept = null;
        return null;
      }
      const { version: _version, ...page } = kept;
      return page;
    },
    stop() {
      unsubscribe();
      kept = null;
    },
  };
}

/** The operation: the window's screen, handed over after it settled (renderer/src/app/firstScreen.ts). */
export function createFirstScreenService(keeper: FirstScreenKeeper) {
  return {
    keep: (input) => ({ kept: keeper.keep(input) }),
  } satisfies ServiceOf<'firstScreen'>;
}
