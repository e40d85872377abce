/**
 * The window's half of the first screen (services/firstScreen in the backend, first-screen.js in the
 * page): once a list has settled — its rows drawn, at its top, no dialog or menu open, nothing being
 * fetched or saved — the window refetches what it shows and, if every answer names the same data
 * version, hands the backend its markup. The next load of the page then paints that screen before any
 * of the app's code has run, and the app's own rows replace it as soon as they are drawn.
 *
 * The refetch is what makes the version trustworthy: after it, everything on screen came from
 * answers given after one mark, all at one version, so the markup shows exactly that data. The
 * backend keeps it only while that version is still the data published.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FirstScreenInput } from '../../../shared/features/firstScreen/schema';
import { useConnection } from '../api/context';
import { screenStyles, styleSources } from './firstScreenStyles';

/** Quiet time after the last data change or navigation before a screen counts as settled. */
const SETTLE_MS = 800;

const FIRST_ROW = '[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])';

/** Lists shown otherwise than a new page opens them (filtered, sorted another way, rows selected). */
const listsChanged = new Set<object>();

/**
 * Called by every filtered list (useFilteredList): while it is not as it opens, the window draws
 * something a new page would not, and no first screen is taken.
 */
export function useListAsOpened(asOpened: boolean): void {
  useEffect(() => {
    if (asOpened) return;
    const token = {};
    listsChanged.add(token);
    return () => void listsChanged.delete(token);
  }, [asOpened]);
}

/** A list at rest, as a new page would open it: rows drawn, at its top, nothing open over it, nobody typing. */
export function screenAtRest(doc: Document = document): boolean {
  if (listsChanged.size > 0) return false;
  if (!/^#\//.test(doc.defaultView?.location.hash ?? '')) return false;
  const main = doc.getElementById('main-content');
  if (!main?.querySelector(FIRST_ROW)) return false;
  if (doc.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"], [aria-expanded="true"], [aria-busy="true"]')) return false;
  for (const scroller of main.querySelectorAll<HTMLElement>('.data-table-scroll')) if (scroller.scrollTop !== 0) return false;
  // Someone typing (a filter, a form): what is typed is not the data, and may never be saved.
  const active = doc.activeElement as HTMLElement | null;
  if (active && (active.isContentEditable || (active.tagName === 'INPUT' && (active as HTMLInputElement).value !== '') || active.tagName === 'TEXTAREA')) return false;
  return true;
}

/**
 * Takes out of `copy` (a fresh clone of `live`) the rows a list draws ahead below its visible part
 * (the virtual list's overscan): nobody sees them on a first screen, and each costs markup to send,
 * parse, style and lay out before the screen's first frame. Rows above stay (the list is at its top).
 */
function withoutRowsOutOfView(live: HTMLElement, copy: HTMLElement): void {
  const liveRows = live.querySelectorAll('[role="row"]');
  const copiedRows = copy.querySelectorAll('[role="row"]');
  if (liveRows.length !== copiedRows.length) return;
  liveRows.forEach((row, i) => {
    const view = row.closest('.data-table-scroll')?.getBoundingClientRect();
    // A list not laid out (no height) shows nothing to judge by: it keeps its rows.
    if (view && view.height > 0 && row.getBoundingClientRect().top >= view.bottom) copiedRows[i]!.remove();
  });
}

/**
 * The screen as static markup: the app root's inner HTML with inline styles moved to
 * data-first-style (the page's CSP refuses style attributes; first-screen.js sets them through the
 * CSSOM), and the style rules that can match it (firstScreenStyles.ts), so that the next page paints
 * it without waiting for its style sheet. Null when it would not be accepted.
 */
export function captureScreen(followsSystem: boolean, doc: Document = document, sources: readonly string[] = []): Omit<FirstScreenInput, 'version'> | null {
  const root = doc.getElementById('root');
  if (!root) return null;
  const copy = root.cloneNode(true) as HTMLElement;
  withoutRowsOutOfView(root, copy);
  for (const el of copy.querySelectorAll<HTMLElement>('[style]')) {
    el.setAttribute('data-first-style', el.getAttribute('style') ?? '');
    el.removeAttribute('style');
  }
  // Mantine renders its theme's variables as <style> elements in the tree: their rules are in the styles.
  for (const el of copy.querySelectorAll('style')) el.remove();
  const scheme = doc.documentElement.getAttribute('data-mantine-color-scheme');
  // Checked by the contract's own schema: what it would refuse is not sent.
  const shot = FirstScreenInput.omit({ version: true }).safeParse({
    route: doc.defaultView!.location.hash,
    html: copy.innerHTML,
    styles: screenStyles(doc, copy, root, sources),
    scheme,
    followsSystem,
    language: doc.documentElement.lang || 'en',
  });
  return shot.success ? shot.data : null;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Hands the settled screen over (see above). Off for an encrypted workspace: it never gets a first screen. */
export function useFirstScreen(enabled: boolean): void {
  const { api, versions } = useConnection();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || !versions || typeof requestIdleCallback !== 'function') return;
    let stopped = false;
    let attempting = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    let lastKept = '';

    const attempt = async () => {
      if (stopped || attempting || !screenAtRest()) return;
      attempting = true;
      try {
        const sources = await styleSources(document);
        const mark = versions.mark();
        await queryClient.refetchQueries({ type: 'active' });
        // The refetched data drawn: two frames, then the screen is read.
        await frame();
        await frame();
        if (stopped || queryClient.isFetching() > 0 || queryClient.isMutating() > 0 || !screenAtRest()) return;
        const seen = [...versions.since(mark)];
        const version = seen.length === 1 ? seen[0] : null;
        if (!version) return;
        const theme = queryClient.getQueryData<{ theme?: string }>(['settings'])?.theme;
        const shot = captureScreen(theme === undefined || theme === 'system', document, sources);
        if (!shot) return;
        const key = `${version}\n${shot.route}\n${shot.scheme}\n${shot.html}`;
        if (key === lastKept) return;
        const { kept } = await api.firstScreen.keep({ ...shot, version });
        if (kept) lastKept = key;
      } catch {
        // Nothing depends on it: the next page simply loads without a first screen.
      } finally {
        attempting = false;
      }
    };
    const schedule = () => {
      if (attempting) return;
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      timer = setTimeout(() => (idle = requestIdleCallback(() => void attempt(), { timeout: 2000 })), SETTLE_MS);
    };
    // Only answers that changed what is shown count: a poll answering the same (the team status,
    // kept as the same object by the query cache's structural sharing) leaves the screen as it was.
    const shown = new WeakMap<object, unknown>();
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      const data = event.query.state.data;
      if (shown.has(event.query) && shown.get(event.query) === data) return;
      shown.set(event.query, data);
      schedule();
    });
    window.addEventListener('hashchange', schedule);
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      unsubscribe();
      window.removeEventListener('hashchange', schedule);
    };
  }, [enabled, versions, api, queryClient]);
}
