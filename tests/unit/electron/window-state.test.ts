import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  captureWindowState,
  fitToDisplay,
  readWindowState,
  windowStatePath,
  writeWindowState,
} from '../../../electron/main/window-state';
import { tempDir } from '../helpers/workspace';
import { fakeScreen } from './fake-electron';

describe('window state file', () => {
  it('round-trips through <userData>/window-state.json', async () => {
    const dir = await tempDir();
    const path = windowStatePath(dir);
    expect(path).toBe(join(dir, 'window-state.json'));
    await writeWindowState(path, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(await readWindowState(path)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ width: 1000 });
  });

  it('is null when missing', async () => {
    expect(await readWindowState(join(await tempDir(), 'window-state.json'))).toBeNull();
  });

  it.each([
    ['truncated JSON', '{"x": 10, "y":'],
    ['a wrong type', '{"x": "left", "y": 0, "width": 800, "height": 600}'],
    ['a missing size', '{"x": 0, "y": 0}'],
    ['an absurd size', '{"width": 5, "height": 600}'],
    ['fractions', '{"width": 800.5, "height": 600}'],
    ['not an object', '[1, 2, 3]'],
  ])('ignores %s', async (_label, content) => {
    const path = join(await tempDir(), 'window-state.json');
    await writeFile(path, content);
    expect(await readWindowState(path)).toBeNull();
  });

  it('ignores unknown keys but keeps the valid state', async () => {
    const path = join(await tempDir(), 'window-state.json');
    await writeFile(path, JSON.stringify({ width: 900, height: 650, extra: 'x' }));
    expect(await readWindowState(path)).toEqual({ width: 900, height: 650, maximized: false });
  });
});

describe('fitting to the displays there are', () => {
  const twoScreens = fakeScreen([
    { workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { workArea: { x: 1920, y: 0, width: 1280, height: 1000 } },
  ]);

  it('uses the default size, centred, without a saved state', () => {
    expect(fitToDisplay(null, twoScreens)).toEqual({ ...DEFAULT_SIZE });
  });

  it('keeps a state that fits', () => {
    expect(fitToDisplay({ x: 100, y: 50, width: 1200, height: 800, maximized: false }, twoScreens)).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(fitToDisplay({ x: 2000, y: 10, width: 1000, height: 700, maximized: false }, twoScreens)).toEqual({ x: 2000, y: 10, width: 1000, height: 700 });
  });

  it('brings back a window from a display that was unplugged', () => {
    const saved = { x: 5000, y: 3000, width: 1200, height: 800, maximized: false };
    const bounds = fitToDisplay(saved, twoScreens);
    const area = twoScreens.getDisplayMatching({ x: 5000, y: 3000, width: 1200, height: 800 }).workArea;
    expect(bounds.x).toBeGreaterThanOrEqual(area.x);
    expect(bounds.y).toBeGreaterThanOrEqual(area.y);
    expect(bounds.x! + bounds.width).toBeLessThanOrEqual(area.x + area.width);
    expect(bounds.y! + bounds.height).toBeLessThanOrEqual(area.y + area.height);
    expect(bounds).toMatchObject({ width: 1200, height: 800 });
  });

  it('shrinks a window larger than the display and keeps it on screen', () => {
    const small = fakeScreen([{ workArea: { x: 0, y: 25, width: 1366, height: 743 } }]);
    expect(fitToDisplay({ x: -300, y: -40, width: 2560, height: 1400, maximized: false }, small)).toEqual({ x: 0, y: 25, width: 1366, height: 743 });
  });

  it('captures the restored bounds and whether the window was maximized', () => {
    const win = { getNormalBounds: () => ({ x: 10.4, y: 20, width: 1000, height: 700.6 }), isMaximized: () => true };
    expect(captureWindowState(win)).toEqual({ x: 10, y: 20, width: 1000, height: 701, maximized: true });
  });
});
