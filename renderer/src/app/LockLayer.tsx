/**
 * What the app lock looks like and what starts it, while the workspace is shown: the idle timer, the
 * shortcut and the menu's Lock command. The lock is drawn OVER the still-mounted shell, which goes
 * inert, hidden from screen readers and blurred, so an editor's unsaved text survives; after the
 * unlock focus returns to where it was.
 */
import { Paper } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { notify } from '../lib/notify';
import { UnlockForm } from '../screens/welcome/Unlock';
import { pauseCommands, useCommand } from './commands';
import { useAppLock } from './lock';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once `ms` pass without keyboard or pointer input (null: never). */
export function useIdle(ms: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (!ms) return;
    let last = Date.now();
    let timer: number | undefined;
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= ms) onIdle();
      else timer = window.setTimeout(check, ms - idle);
    };
    const active = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, active, { capture: true, passive: true });
    timer = window.setTimeout(check, ms);
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, active, { capture: true });
    };
  }, [ms, onIdle]);
}

/** The idle lock, the shortcut and the menu's Lock command, while the workspace is shown. */
function LockTriggers() {
  const { t } = useTranslation();
  const api = useApi();
  const lock = useAppLock();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
  const minutes = settings.data?.lockAfterMinutes ?? 0;
  const { encrypted, state, lockNow } = lock;
  const lockOrExplain = useCallback(() => {
    if (!encrypted) notify({ message: t('lock.notProtected') });
    else if (state === 'ready') void lockNow();
  }, [encrypted, state, lockNow, t]);
  const idleLock = useCallback(() => void lockNow(), [lockNow]);
  useIdle(encrypted && state === 'ready' && minutes > 0 ? minutes * 60_000 : null, idleLock);
  useCommand('workspace.lock', lockOrExplain);
  return null;
}

/**
 * Wraps the shell: while locked, the shell (and every dialog or notification portalled beside it)
 * is inert, hidden from screen readers and blurred, and the unlock form lies over it. Nothing is
 * unmounted, so editors keep what was typed.
 */
export function LockLayer({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { locked } = useAppLock();
  const overlay = useRef<HTMLDivElement>(null);
  const lastFocus = useRef<HTMLElement | null>(null);

  // Where focus was when the lock came, to give it back after the unlock.
  useEffect(() => {
    const remember = (e: FocusEvent) => {
      const target = e.target;
      if (target instanceof HTMLElement && target !== document.body && !overlay.current?.contains(target)) lastFocus.current = target;
    };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);

  useEffect(() => {
    if (!locked) return;
    pauseCommands(true);
    const hidden = new Map<HTMLElement, { aria: string | null; inert: boolean }>();
    const hide = () => {
      for (const el of Array.from(document.body.children)) {
        if (!(el instanceof HTMLElement) || el === overlay.current || hidden.has(el) || el.tagName === 'SCRIPT') continue;
        hidden.set(el, { aria: el.getAttribute('aria-hidden'), inert: el.hasAttribute('inert') });
        el.setAttribute('inert', '');
        el.setAttribute('aria-hidden', 'true');
        el.classList.add('lock-behind');
      }
    };
    hide();
    // A notification or dialog that opens while locked goes behind the lock too.
    const observer = new MutationObserver(hide);
    observer.observe(document.body, { childList: true });
    return () => {
      observer.disconnect();
      for (const [el, { aria, inert }] of hidden) {
        if (!inert) el.removeAttribute('inert');
        if (aria === null) el.removeAttribute('aria-hidden');
        else el.setAttribute('aria-hidden', aria);
        el.classList.remove('lock-behind');
      }
      pauseCommands(false);
      const back = lastFocus.current;
      if (back?.isConnected) back.focus({ preventScroll: true });
      else document.getElementById('main-content')?.focus({ preventScroll: true });
    };
  }, [locked]);

  return (
    <>
      <div className="lockable" inert={locked} aria-hidden={locked || undefined} data-locked={locked || undefined}>
        {children}
      </div>
      <LockTriggers />
      {locked
        ? createPortal(
            <div ref={overlay} className="lock-overlay" role="dialog" aria-modal="true" aria-labelledby="unlock-title" data-testid="lock-overlay">
              <Paper withBorder shadow="lg" radius="md" p="xl" w={440} maw="calc(100vw - 32px)">
                <UnlockForm intro={t('lock.introLocked')} />
              </Paper>
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
