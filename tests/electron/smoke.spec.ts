import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainBundle = join(root, 'dist', 'electron', 'main.cjs');

/**
 * Where the Electron binary is, found with fs only: `require('electron')` would start a download
 * when the binary is missing (Electron ≥ 42), and this test must never reach the network.
 */
function findElectron(): { executable: string } | { missing: string } {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing: `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD / no network): ${pathFile} is missing. Run "npx install-electron" where downloads are allowed.`,
    };
  }
  const executable = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { missing: `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD / no network): ${executable} is missing.` };
  if (!existsSync(mainBundle)) return { missing: `The app is not built: ${mainBundle} is missing. Run "npm run build" first.` };
  return { executable };
}

const found = findElectron();
const hasElectronBinary = 'executable' in found;

test.describe('Electron smoke journey', () => {
  test.skip(!hasElectronBinary, 'missing' in found ? found.missing : '');

  let app: ElectronApplication;
  let scratch: string;
  let dataDir: string;

  test.beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'attache-electron-'));
    dataDir = join(scratch, 'workspace');
    app = await electron.launch({
      executablePath: (found as { executable: string }).executable,
      // The repository root is the app folder: package.json names it and points at main.cjs.
      args: [root, '--data-dir', dataDir, '--lang=en-US'],
      cwd: root,
      env: { ...process.env, ATTACHE_USER_DATA_DIR: join(scratch, 'profile'), LANG: 'en_US.UTF-8', ELECTRON_ENABLE_LOGGING: '1' },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  test('welcome → new case → export briefing as PDF', async () => {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/attache\//);

    // The page runs sandboxed, with the bridge and nothing of Node.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { attache?: { onMenuCommand?: unknown } }).attache?.onMenuCommand)).toBe('function');

    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('button', { name: /New case/ }).first().click();
    await page.getByRole('textbox', { name: /^Title/ }).fill('Electron smoke case');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: 'Electron smoke case' })).toBeVisible();

    const target = join(scratch, 'briefing.pdf');
    await app.evaluate(({ dialog, shell }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
      shell.openPath = async () => '';
    }, target);

    await page.getByRole('button', { name: 'Export briefing' }).click();
    await expect.poll(() => existsSync(target), { timeout: 30_000 }).toBe(true);
    expect((await readFile(target)).subarray(0, 4).toString('latin1')).toBe('%PDF');

    await app.close();
    // Quitting releases the workspace for the next process.
    expect(existsSync(join(dataDir, 'attache.lock'))).toBe(false);
  });
});
