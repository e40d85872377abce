import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Where keyboard focus goes when what held it goes away, so a keyboard or screen-reader user never
 * has to start again from the top of the page body. After a navigation (the palette, Create, Save,
 * Cancel, a deletion) it lands on the new screen's heading, or on the record's heading once the
 * record has loaded; after a dialog closes, on the control that opened it.
 */

/** Spread on a screen's main heading: focusable by script (not a Tab stop) and found after a navigation. */
export const screenHeading = { tabIndex: -1, 'data-screen-heading': 'screen' } as const;
/** Spread on a record's heading (its detail or its editor), which a navigation to the record waits for. */
export const recordHeading = { tabIndex: -1, 'data-screen-heading': 'record' } as const;

const MAIN = 'main-content';
/** How long a navigation waits for its record to load before it settles for the screen's heading. */
const WAIT_MS = 10_000;

/** Focus is nowhere useful: on the body, or on an element that has been removed. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

function focusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/** The heading a path's screen starts with: the record's when the path names one, else the screen's. */
function headingFor(main: HTMLElement, pathname: string, wait: boolean): HTMLElement | null {
  const record = main.querySelector<HTMLElement>('[data-screen-heading="record"]');
  if (record) return record;
  // "/cases/AC-1", "/cases/new", "/countries/KE": the record's heading is still to come.
  if (wait && pathname.split('/').filter(Boolean).length > 1) return null;
  return main.querySelector<HTMLElement>('[data-screen-heading]');
}

let stopWaiting: (() => void) | null = null;

/** Focuses the screen's heading now, or as soon as it renders (a record still loading). */
export function focusScreenHeading(pathname: string): void {
  stopWaiting?.();
  const main = document.getElementById(MAIN);
  if (!main) return;
  const now = headingFor(main, pathname, true);
  if (now) {
    now.focus({ preventScroll: true });
    return;
  }
  const observer = new MutationObserver(() => {
    const heading = headingFor(main, pathname, true);
    if (heading) {
      stop();
      heading.focus({ preventScroll: true });
    }
  });
  // Focus put somewhere on purpose meanwhile (a field, a dialog, a click) stays there.
  const onFocusIn = () => stop();
  const timer = window.setTimeout(() => {
    stop();
    if (focusLost()) headingFor(main, pathname, false)?.focus({ preventScroll: true });
  }, WAIT_MS);
  const stop = () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
    window.clearTimeout(timer);
    if (stopWaiting === stop) stopWaiting = null;
  };
  observer.observe(main, { childList: true, subtree: true });
  document.addEventListener('focusin', onFocusIn);
  stopWaiting = stop;
}

let requested: string | null = null;

/**
 * Asks that the coming navigation to `pathname` put focus on the new screen's heading even though
 * focus is not lost: the palette holds it in its search field until it has closed.
 */
export function requestHeadingFocus(pathname: string): void {
  requested = pathname;
}

/**
 * In the shell: after each navigation, focus that was lost (the Create button is gone with its
 * form) or handed over (the palette) goes to the new screen's heading. Focus the new screen placed
 * itself (an editor on its first field) and focus still on a live control (a list row, the
 * sidebar) are left alone.
 */
export function useFocusAfterNavigation(): void {
  const location = useLocation();
  const seen = useRef(location.key);
  useEffect(() => {
    if (seen.current === location.key) return;
    seen.current = location.key;
    const wanted = requested === location.pathname;
    requested = null;
    const active = focusedElement();
    if (active && document.getElementById(MAIN)?.contains(active)) return;
    if (wanted || focusLost()) focusScreenHeading(location.pathname);
  }, [location.key, location.pathname]);
}

/**
 * For a dialog: when it opens, the control that has focus opened it; when it closes or goes away,
 * focus goes back there (or, if that control went too, to the screen's heading). Mantine's own
 * returnFocus only sees dialogs that stay mounted while closed, and most of ours exist only while
 * open; pass `returnFocus={false}` to the Modal so the two do not both act.
 */
export function useReturnFocus(opened = true): void {
  const location = useLocation();
  const pathname = useRef(location.pathname);
  const pending = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    pathname.current = location.pathname;
  });
  // A layout effect: it runs before the dialog's focus trap moves focus inside (a timer later).
  useLayoutEffect(() => {
    if (!opened) return;
    window.clearTimeout(pending.current);
    const opener = focusedElement();
    return () => {
      const atClose = document.activeElement;
      // After the dialog's nodes are gone or hidden; a control that took focus meanwhile keeps it.
      pending.current = window.setTimeout(() => {
        if (!focusLost() && document.activeElement !== atClose) return;
        // A navigation closed it and is bringing focus to the new screen's heading.
        if (stopWaiting) return;
        if (opener?.isConnected) opener.focus({ preventScroll: true });
        else focusScreenHeading(pathname.current);
      });
    };
  }, [opened]);
}
