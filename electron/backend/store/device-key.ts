/**
 * "Remember on this device": the workspace's data key, sealed by the operating system's keychain
 * (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and kept
 * beside the database as `attache.device.json`, so an encrypted workspace opens at start without
 * its passphrase on this device only. The file holds nothing usable elsewhere: copied to another
 * machine or user account, the keychain cannot open it and the passphrase is asked as before.
 * The data key is remembered rather than the passphrase, which may be used elsewhere too.
 * The app lock always asks for the passphrase; removing the passphrase forgets the key.
 */
import { access, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { keyIdOf } from './crypto';
import { writeFileDurably } from './durable-write';

export const DEVICE_KEY_FILE = 'attache.device.json';

/** What seals a secret to this device; the web host has none (it asks for the passphrase each time). */
export interface DeviceVault {
  seal(secret: Uint8Array): Promise<Uint8Array>;
  /** Throws when the secret was sealed elsewhere (another machine, user or keychain). */
  open(sealed: Uint8Array): Promise<Uint8Array>;
}

const DeviceKeyFile = z
  .object({
    attacheDevice: z.literal(1),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    sealed: z.string().max(4096).regex(/^[A-Za-z0-9+/=]+$/),
  })
  .strict();

const pathOf = (dataDir: string) => join(dataDir, DEVICE_KEY_FILE);

export async function rememberDataKey(dataDir: string, vault: DeviceVault, key: Buffer): Promise<void> {
  const keyId = keyIdOf(key);
  const sealed = Buffer.from(await vault.seal(key)).toString('base64');
  await writeFileDurably(pathOf(dataDir), JSON.stringify({ attacheDevice: 1, keyId, sealed }));
}

/** The remembered data key, or null when none is remembered or this device cannot open it. */
export async function recallDataKey(dataDir: string, vault: DeviceVault): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(pathOf(dataDir), 'utf8');
  } catch {
    return null;
  }
  if (text.length > 8192) return null;
  let parsed: z.infer<typeof DeviceKeyFile>;
  try {
    parsed = DeviceKeyFile.parse(JSON.parse(text));
  } catch {
    return null;
  }
  try {
    const key = Buffer.from(await vault.open(Buffer.from(parsed.sealed, 'base64')));
    return key.length === 32 && keyIdOf(key) === parsed.keyId ? key : null;
  } catch {
    return null;
  }
}

/** Whether a key is remembered here (asked by every status call: the file is not read). */
export async function isRemembered(dataDir: string): Promise<boolean> {
  try {
    await access(pathOf(dataDir));
    return true;
  } catch {
    return false;
  }
}

export async function forgetDataKey(dataDir: string): Promise<void> {
  await unlink(pathOf(dataDir)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}
