import { describe, expect, it, vi } from 'vitest';

const startApp = vi.hoisted(() => vi.fn(() => ({ ready: Promise.resolve(true) })));
const electronModule = vi.hoisted(() => ({ app: { name: 'fake app' } }));

vi.mock('electron', () => electronModule);
vi.mock('../../../electron/main/app', () => ({ startApp }));

describe('main.ts', () => {
  it('hands the Electron module, argv and its own folder to startApp', async () => {
    await import('../../../electron/main/main');
    expect(startApp).toHaveBeenCalledTimes(1);
    const [electron, opts] = startApp.mock.calls[0]! as unknown as [Record<string, unknown>, Record<string, unknown>];
    expect(electron.app).toBe(electronModule.app);
    expect(opts).toMatchObject({ argv: process.argv, env: process.env, platform: process.platform });
    expect(String(opts.distDir)).toMatch(/electron[\\/]main$/);
  });
});
