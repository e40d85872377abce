/**
 * "Remember on this device" (store/device-key.ts) through the real backend on real temp folders.
 * The device's keychain is stood in for by helpers/keychain.ts (a second keychain() is "another device"). Electron's safeStorage
 * wrapper itself is covered in tests/unit/electron/device-vault.test.ts.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceVault } from '../../electron/backend';
import { DEVICE_KEY_FILE } from '../../electron/backend/store/device-key';
import { keychain, onDevice } from './helpers/keychain';
import { openTestBackend, rejection, tempDir } from './helpers/workspace';

const PASS = 'correct horse battery';

async function protectedWorkspace(vault: DeviceVault) {
  const dataDir = await tempDir();
  const b = await openTestBackend({ dataDir, platform: onDevice(vault) });
  await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Mwangi' }, positions: [] });
  await b.call('workspace.setPassphrase', { current: null, next: PASS });
  await b.close();
  return dataDir;
}

describe('remember on this device', () => {
  it('a workspace unlocked with "remember" opens at the next start without the passphrase, and its key is not on disk in the clear', async () => {
    const vault = keychain();
    const dataDir = await protectedWorkspace(vault);
    const first = await openTestBackend({ dataDir, platform: onDevice(vault) });
    const locked = await first.call('workspace.status', {});
    expect(locked).toMatchObject({ state: 'locked', device: { canRemember: true, remembered: false } });
    const opened = await first.call('workspace.unlock', { passphrase: PASS, remember: true });
    expect(opened).toMatchObject({ state: 'ready', device: { canRemember: true, remembered: true } });
    const key = first.store.dataKey()!;
    await first.close();

    const file = await readFile(join(dataDir, DEVICE_KEY_FILE), 'utf8');
    for (const form of ['base64', 'hex', 'base64url'] as const) expect(file).not.toContain(key.toString(form));
    expect(file).not.toContain(PASS);

    const next = await openTestBackend({ dataDir, platform: onDevice(vault) });
    expect(await next.call('workspace.status', {})).toMatchObject({ state: 'ready', encrypted: true, device: { remembered: true } });
    expect((await next.call('contacts.list', {})).rows.map((r) => r.name)).toEqual(['Amina Mwangi']);
  });

  it('another device (another keychain) cannot use the file: the passphrase is asked, and works', async () => {
    const vault = keychain();
    const dataDir = await protectedWorkspace(vault);
    const first = await openTestBackend({ dataDir, platform: onDevice(vault) });
    await first.call('workspace.unlock', { passphrase: PASS, remember: true });
    await first.close();

    const elsewhere = await openTestBackend({ dataDir, platform: onDevice(keychain()) });
    expect(await elsewhere.call('workspace.status', {})).toMatchObject({ state: 'locked' });
    expect(await elsewhere.call('workspace.unlock', { passphrase: PASS })).toMatchObject({ state: 'ready' });
  });

  it('a damaged device file is ignored: the passphrase is asked, nothing is rewritten', async () => {
    const vault = keychain();
    const dataDir = await protectedWorkspace(vault);
    const path = join(dataDir, DEVICE_KEY_FILE);
    for (const junk of ['{not json', JSON.stringify({ attacheDevice: 1, keyId: '0123456789abcdef', sealed: 'AAAA' }), JSON.stringify({ attacheDevice: 2 })]) {
      await writeFile(path, junk);
      const b = await openTestBackend({ dataDir, platform: onDevice(vault) });
      expect((await b.call('workspace.status', {})).state).toBe('locked');
      await b.close();
      expect(await readFile(path, 'utf8')).toBe(junk);
    }
  });

  it('the app lock still asks for the passphrase; a changed passphrase keeps the device remembered; forgetting and removing the passphrase delete the file', async () => {
    const vault = keychain();
    const dataDir = await protectedWorkspace(vault);
    let b = await openTestBackend({ dataDir, platform: onDevice(vault) });
    await b.call('workspace.unlock', { passphrase: PASS, remember: true });

    await b.call('workspace.lock', {});
    expect((await b.call('workspace.status', {})).state).toBe('locked');
    expect((await rejection(b.call('workspace.unlock', { passphrase: 'wrong passphrase' }))).code).toBe('WRONG_PASSPHRASE');
    await b.call('workspace.unlock', { passphrase: PASS });

    await b.call('workspace.setPassphrase', { current: PASS, next: 'a new passphrase' });
    await b.close();
    b = await openTestBackend({ dataDir, platform: onDevice(vault) });
    expect(await b.call('workspace.status', {})).toMatchObject({ state: 'ready', device: { remembered: true } });

    expect(await b.call('workspace.rememberOnDevice', { remember: false })).toMatchObject({ device: { remembered: false } });
    expect(await readdir(dataDir)).not.toContain(DEVICE_KEY_FILE);
    await b.close();
    b = await openTestBackend({ dataDir, platform: onDevice(vault) });
    expect((await b.call('workspace.status', {})).state).toBe('locked');
    await b.call('workspace.unlock', { passphrase: 'a new passphrase' });

    expect(await b.call('workspace.rememberOnDevice', { remember: true })).toMatchObject({ device: { remembered: true } });
    expect(await b.call('workspace.setPassphrase', { current: 'a new passphrase', next: null })).toMatchObject({ encrypted: false, device: { remembered: false } });
    expect(await readdir(dataDir)).not.toContain(DEVICE_KEY_FILE);
  });

  it('the web host cannot remember: it says so before unlocking, and nothing is written', async () => {
    const dataDir = await protectedWorkspace(keychain());
    const b = await openTestBackend({ dataDir });
    expect(await b.call('workspace.status', {})).toMatchObject({ state: 'locked', device: { canRemember: false, remembered: false } });
    const refused = await rejection(b.call('workspace.unlock', { passphrase: PASS, remember: true }));
    expect(refused.messageKey?.key).toBe('security.errors.cannotRemember');
    expect((await b.call('workspace.status', {})).state).toBe('locked');
    expect(await readdir(dataDir)).not.toContain(DEVICE_KEY_FILE);
    await b.call('workspace.unlock', { passphrase: PASS });
    expect((await rejection(b.call('workspace.rememberOnDevice', { remember: true }))).messageKey?.key).toBe('security.errors.cannotRemember');
  });

  it('a plain workspace has nothing to remember', async () => {
    const b = await openTestBackend({ platform: onDevice(keychain()) });
    expect((await rejection(b.call('workspace.rememberOnDevice', { remember: true }))).messageKey?.key).toBe('security.errors.nothingToRemember');
  });
});
