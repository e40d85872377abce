// Why this file exists: "remember on this device" needs a device keychain. This vault stands in for
// the OS keychain the way Electron's safeStorage uses it: AES-GCM under a key that lives only in this
// process, so a second keychain() is "another device" that cannot open what the first sealed.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { downloadPlatform, type DeviceVault, type Platform } from '../../../electron/backend';

export function keychain(): DeviceVault {
  const key = randomBytes(32);
  return {
    async seal(secret) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      return Buffer.concat([iv, c.update(secret), c.final(), c.getAuthTag()]);
    },
    async open(sealed) {
      const b = Buffer.from(sealed);
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(b.length - 16));
      return Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]);
    },
  };
}

/** The desktop shell's platform with a device keychain (files are downloads, as in the web host). */
export const onDevice = (vault: DeviceVault): Platform => ({ ...downloadPlatform, shell: 'electron', deviceVault: vault });
