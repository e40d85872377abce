import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { usePersistentState } from '../../lib/usePersistentState';

/**
 * A list screen's two panes, sharing the width by what they show. With nothing open the list takes
 * the room and the detail pane keeps a narrow column for its hint; with a record open the user
 * sets the list's share by dragging the divider or with the arrow keys on it, and that share is
 * remembered per screen on this machine. A newly opened or created record starts at its top.
 */
interface Props {
  /** The screen ("cases"): the remembered share is kept under this name. */
  name: string;
  /** The list's route ("/cases"); any deeper path means a record (or its editor) is open. */
  base: string;
  list: ReactNode;
  /**
   * The width (px) the list would like beside an open record — its columns at their narrowest plus
   * room for titles; used until the user drags the divider. Without it the panes share evenly.
   */
  listWidth?: number;
  detailLabel: string;
  children: ReactNode;
}

/** Narrowest list and detail the divider allows, in CSS pixels. */
export const MIN_LIST = 340;
export const MIN_DETAIL = 460;
/** The list's share of the width when the user has not chosen one. */
export const DEFAULT_SHARE = 0.5;
const STEP = 0.04;

const isShare = (v: unknown): v is number | null => v === null || (typeof v === 'number' && v > 0.05 && v < 0.95);

/** The share clamped so neither pane falls below its minimum in a split `width` pixels wide. */
export function clampShare(share: number, width: number): number {
  if (width <= MIN_LIST + MIN_DETAIL) return MIN_LIST / Math.max(width, 1);
  return Math.min(Math.max(share, MIN_LIST / width), 1 - MIN_DETAIL / width);
}

export function SplitView({ name, base, list, listWidth, detailLabel, children }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const open = pathname.length > base.length + 1 && pathname.startsWith(`${base}/`);
  const [chosen, setShare] = usePersistentState<number | null>(`split.${name}`, null, isShare);
  const splitRef = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);

  // The split's own width (not the window's): the divider's limits depend on it.
  useLayoutEffect(() => {
    const el = splitRef.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Another record, a new one or an editor starts at the top, not at the last one's scroll position.
  useLayoutEffect(() => {
    if (detailRef.current) detailRef.current.scrollTop = 0;
  }, [pathname]);

  const share = chosen ?? (listWidth && width ? listWidth / width : DEFAULT_SHARE);
  const effective = width ? clampShare(share, width) : share;
  const listPixels = Math.round(effective * (width || 1));

  const move = useCallback((next: number) => setShare(width ? clampShare(next, width) : next), [setShare, width]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, number> = {
      ArrowLeft: effective - STEP,
      ArrowRight: effective + STEP,
      Home: 0,
      End: 1,
    };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key]!);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setShare(null);
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = splitRef.current;
    if (!el || e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const left = el.getBoundingClientRect().left;
    const onMove = (ev: globalThis.PointerEvent) => move((ev.clientX - left) / el.clientWidth);
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };

  return (
    <div
      ref={splitRef}
      className="split"
      data-open={open || undefined}
      style={open ? { gridTemplateColumns: `${listPixels}px 0 minmax(0, 1fr)` } : undefined}
    >
      {list}
      {open ? (
        <div
          className="split-divider"
          role="separator"
          aria-orientation="vertical"
          aria-label={t('lists.resize')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(effective * 100)}
          aria-valuetext={t('lists.resizeValue', { percent: Math.round(effective * 100) })}
          title={t('lists.resizeHint')}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onDoubleClick={() => setShare(null)}
        />
      ) : (
        <div aria-hidden />
      )}
      <section ref={detailRef} className="detail-pane" aria-label={detailLabel}>
        {children}
      </section>
    </div>
  );
}
