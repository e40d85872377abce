/**
 * Encryption at rest. A random 256-bit data key encrypts everything the store writes (snapshot,
 * journal lines, backups, and so every temp file) with AES-256-GCM; the data key itself is
 * wrapped with a key derived from the passphrase by scrypt (memory-hard, node:crypto). The scrypt
 * parameters and salt travel with the wrapped key, so they can be raised later without breaking
 * old files; a key id (a hash of the data key) tells which data key a file needs.
 *
 * Changing the passphrase re-wraps the same data key, so old backups stay readable while the app
 * is unlocked; removing it decrypts everything again.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';

export const KdfParams = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(1024).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().regex(/^[A-Za-z0-9+/=]{16,64}$/),
});
export type KdfParams = z.infer<typeof KdfParams>;

/** What is needed to recover the data key from a passphrase; holds nothing secret by itself. */
export const WrappedKey = z.object({
  kdf: KdfParams,
  /** base64(nonce ‖ ciphertext ‖ tag) of the 32-byte data key. */
  wrapped: z.string().regex(/^[A-Za-z0-9+/=]{60,120}$/),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type WrappedKey = z.infer<typeof WrappedKey>;

/** scrypt with N = 2^17 (128 MiB, ~0.3–0.5 s): the OWASP-recommended floor for interactive logins. */
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;

const NONCE = 12;
const TAG = 16;

export interface DataKey {
  readonly key: Buffer;
  readonly keyId: string;
}

export const keyIdOf = (key: Buffer) => createHash('sha256').update('attache-key-id').update(key).digest('hex').slice(0, 16);

export function newDataKey(): DataKey {
  const key = randomBytes(32);
  return { key, keyId: keyIdOf(key) };
}

function deriveKek(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function wrapKey(dataKey: DataKey, passphrase: string, params: { N: number; r: number; p: number } = DEFAULT_KDF): Promise<WrappedKey> {
  const kdf: KdfParams = { name: 'scrypt', ...params, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKek(passphrase, kdf);
  const sealed = encryptBlock(kek, dataKey.key, Buffer.from(`attache-wrap:${dataKey.keyId}`));
  return { kdf, wrapped: sealed.toString('base64'), keyId: dataKey.keyId };
}

/** The data key for `passphrase`, or WRONG_PASSPHRASE (nothing else distinguishes a wrong passphrase from a forged wrap). */
export async function unwrapKey(wrapped: WrappedKey, passphrase: string): Promise<DataKey> {
  const kek = await deriveKek(passphrase, wrapped.kdf);
  let key: Buffer;
  try {
    key = decryptBlock(kek, Buffer.from(wrapped.wrapped, 'base64'), Buffer.from(`attache-wrap:${wrapped.keyId}`));
  } catch {
    throw wrongPassphrase();
  }
  const id = keyIdOf(key);
  if (!timingSafeEqual(Buffer.from(id), Buffer.from(wrapped.keyId))) throw wrongPassphrase();
  return { key, keyId: id };
}

export const wrongPassphrase = () =>
  new AppError('WRONG_PASSPHRASE', 'The passphrase is not correct.', { messageKey: { key: 'errors.wrongPassphrase' } });

/** nonce ‖ ciphertext ‖ tag of one small message (a journal line, the wrapped key). */
export function encryptBlock(key: Buffer, plain: Uint8Array, aad: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Opens what `encryptBlock` made; throws on any change to the bytes or the associated data. */
export function decryptBlock(key: Buffer, sealed: Uint8Array, aad: Uint8Array): Buffer {
  if (sealed.byteLength < NONCE + TAG) throw new Error('Encrypted block too short.');
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, NONCE));
  decipher.setAAD(aad);
  decipher.setAuthTag(buf.subarray(buf.length - TAG));
  const body = decipher.update(buf.subarray(NONCE, buf.length - TAG));
  const rest = decipher.final(); // empty for GCM: no copy of a whole snapshot just to append nothing
  return rest.length ? Buffer.concat([body, rest]) : body;
}

/**
 * Encrypts a large body given as chunks (a whole snapshot) without concatenating it first:
 * yields nonce, the encrypted chunks, then the tag.
 */
export function* encryptChunks(key: Buffer, chunks: Iterable<Uint8Array>, aad: Uint8Array): Generator<Buffer> {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  yield nonce;
  for (const c of chunks) {
    const out = cipher.update(c);
    if (out.length) yield out;
  }
  const last = cipher.final();
  if (last.length) yield last;
  yield cipher.getAuthTag();
}
