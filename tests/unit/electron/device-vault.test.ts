/**
 * The Electron half of "remember on this device": safeStorage is offered only where it protects the
 * key. The stand-in below behaves as safeStorage's documented contract (the real one needs the
 * Electron binary, which the smoke test uses where it is installed).
 */
import { describe, expect, it } from 'vitest';
import { deviceVault, type SafeStorageLike } from '../../../electron/main/device-vault';

function safeStorage(backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>, available = true): SafeStorageLike {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (text: string) => mask(Buffer.from(`v11${text}`)),
    decryptStringAsync: async (sealed: Buffer) => {
      const text = mask(sealed).toString();
      if (!text.startsWith('v11')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: text.slice(3), shouldReEncrypt: false };
    },
  };
}

describe('the device vault on Electron', () => {
  it('seals and opens the key through safeStorage, never passing it through as text', async () => {
    const vault = (await deviceVault(safeStorage('gnome_libsecret'), 'linux'))!;
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));
    const sealed = Buffer.from(await vault.seal(key));
    expect(sealed.includes(key)).toBe(false);
    expect(sealed.toString()).not.toContain(key.toString('base64'));
    expect(Buffer.from(await vault.open(sealed))).toEqual(key);
    await expect(vault.open(Buffer.from('something else'))).rejects.toThrow();
  });

  it('is not offered without a keychain: unavailable, or Linux without a secret service (basic_text), or before ready', async () => {
    expect(await deviceVault(safeStorage('gnome_libsecret', false), 'linux')).toBeUndefined();
    expect(await deviceVault(safeStorage('basic_text'), 'linux')).toBeUndefined();
    expect(await deviceVault(safeStorage('unknown'), 'linux')).toBeUndefined();
    expect(await deviceVault(undefined, 'darwin')).toBeUndefined();
    // macOS and Windows report no Linux backend; their keychains (Keychain, DPAPI) are used.
    expect(await deviceVault(safeStorage('unknown'), 'darwin')).toBeDefined();
    expect(await deviceVault(safeStorage('unknown'), 'win32')).toBeDefined();
  });
});
