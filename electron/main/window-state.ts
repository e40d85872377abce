import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Rectangle } from 'electron';
import { z } from 'zod';
import { writeFileDurably } from '../backend';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 760, height: 520 } as const;

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Length = z.number().int().min(100).max(100_000);

/** What is remembered between runs; anything else in the file is ignored. */
export const WindowState = z.object({
  x: Coordinate.optional(),
  y: Coordinate.optional(),
  width: Length,
  height: Length,
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export const windowStatePath = (userData: string) => join(userData, WINDOW_STATE_FILE);

/** The saved state, or null when there is none or it is not valid (a hand-edited or truncated file). */
export async function readWindowState(path: string): Promise<WindowState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = WindowState.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeWindowState(path: string, state: WindowState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileDurably(path, `${JSON.stringify(WindowState.parse(state), null, 2)}\n`);
}

/** The part of Electron's `screen` used here (only work areas matter). */
export interface DisplayLookup {
  getDisplayMatching(rect: Rectangle): { workArea: Rectangle };
  getPrimaryDisplay(): { workArea: Rectangle };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Fits the saved bounds onto a display that exists now (monitors get unplugged): the size shrinks to
 * the display's work area and the window is moved fully onto it. Without a position the window is
 * centred by Electron.
 */
export function fitToDisplay(
  state: WindowState | null,
  screen: DisplayLookup,
): Partial<Rectangle> & { width: number; height: number } {
  const wanted = state ?? { ...DEFAULT_SIZE, maximized: false };
  const hasPosition = wanted.x !== undefined && wanted.y !== undefined;
  const display = hasPosition
    ? screen.getDisplayMatching({ x: wanted.x!, y: wanted.y!, width: wanted.width, height: wanted.height })
    : screen.getPrimaryDisplay();
  const area = display.workArea;
  const width = clamp(wanted.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(wanted.height, Math.min(MIN_SIZE.height, area.height), area.height);
  if (!hasPosition) return { width, height };
  return {
    x: clamp(wanted.x!, area.x, area.x + area.width - width),
    y: clamp(wanted.y!, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/** The state to remember: the restored (not maximized) bounds, so un-maximizing later looks right. */
export function captureWindowState(win: { getNormalBounds(): Rectangle; isMaximized(): boolean }): WindowState {
  const b = win.getNormalBounds();
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.max(100, Math.round(b.width)),
    height: Math.max(100, Math.round(b.height)),
    maximized: win.isMaximized(),
  };
}
