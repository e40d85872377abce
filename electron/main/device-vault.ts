/**
 * The Electron side of "remember on this device" (electron/backend/store/device-key.ts): the OS
 * keychain through safeStorage. Offered only where it really protects the key — not on Linux when
 * no secret service is running (safeStorage then falls back to a fixed, public key: `basic_text`).
 */
import type { SafeStorage } from 'electron';
import type { DeviceVault } from '../backend';

export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export async function deviceVault(safeStorage: SafeStorageLike | undefined, platform: NodeJS.Platform): Promise<DeviceVault | undefined> {
  if (!safeStorage) return undefined;
  try {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return undefined;
    if (platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) return undefined;
  } catch {
    return undefined;
  }
  return {
    async seal(secret) {
      return safeStorage.encryptStringAsync(Buffer.from(secret).toString('base64'));
    },
    async open(sealed) {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed));
      return Buffer.from(result, 'base64');
    },
  };
}
