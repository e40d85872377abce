/**
 * The snapshot file (attache.json and every backup): the whole database at one journal sequence
 * number. Plain workspaces keep readable, diffable JSON (one record per line) with a `$snapshot`
 * key naming the snapshot; encrypted ones write a magic line, a header line (the wrapped data key
 * with its scrypt parameters, versions, the snapshot's identity — nothing personal) and the
 * AES-256-GCM body, the header authenticated with it.
 */
import { createHash } from 'node:crypto';
import { open as openFile, readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { isAscii } from 'node:buffer';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../../shared/schemas/database';
import { decryptBlock, encryptChunks, WrappedKey, type DataKey } from './crypto';
import { serializeChunks } from './json-adapter';

export const SnapshotMeta = z.object({
  id: z.string().min(1).max(64),
  /** The snapshot this one compacted; its journal's later lines still apply. */
  parent: z.string().min(1).max(64).nullable(),
  /** The last journal sequence number folded in. */
  seq: z.number().int().nonnegative(),
  /**
   * The identity of the data it holds (Store.dataVersion): kept by compaction, which folds lines
   * in without changing the data, so caches derived from it stay usable. Absent in older files
   * (the id stands in for it).
   */
  data: z.string().min(1).max(64).optional(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

export const META_KEY = '$snapshot';
export const ENCRYPTED_MAGIC = Buffer.from('ATTACHE-ENCRYPTED-1\n');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export const EncryptedHeader = z.object({
  key: WrappedKey,
  schemaVersion: z.number().int(),
  rules: z.number().int(),
  snapshot: SnapshotMeta,
});
export type EncryptedHeader = z.infer<typeof EncryptedHeader>;

export interface Keyring {
  dataKey: DataKey;
  wrapped: WrappedKey;
}

/** The bytes of a snapshot, as chunks for writeFileDurably. */
export function snapshotChunks(db: object, meta: SnapshotMeta, rules: number, keyring: Keyring | null): Iterable<Uint8Array> {
  const plain = serializeChunks({ [META_KEY]: meta, ...db });
  if (!keyring) return plain;
  const header: EncryptedHeader = { key: keyring.wrapped, schemaVersion: SCHEMA_VERSION, rules, snapshot: meta };
  const headerBytes = Buffer.from(`${JSON.stringify(header)}\n`);
  return (function* () {
    yield ENCRYPTED_MAGIC;
    yield headerBytes;
    yield* encryptChunks(keyring.dataKey.key, plain, Buffer.concat([ENCRYPTED_MAGIC, headerBytes]));
  })();
}

export type SnapshotBytes =
  | { kind: 'missing' }
  | { kind: 'plain'; bytes: Buffer }
  | { kind: 'encrypted'; header: EncryptedHeader; aad: Buffer; body: Buffer; bytes: Buffer };

export class SnapshotUnreadable extends Error {
  constructor(
    readonly kind: 'unreadable' | 'notJson' | 'tampered',
    message: string,
  ) {
    super(message);
  }
}

export async function readSnapshot(path: string): Promise<SnapshotBytes> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new SnapshotUnreadable('unreadable', (e as Error).message);
  }
  return classify(bytes);
}

/** A snapshot as the open needs it: a plain one as text with its SHA-256, an encrypted one as bytes. */
export type SnapshotRead =
  | { kind: 'missing' }
  | { kind: 'plain'; text: string; size: number; sha256: string }
  | Extract<SnapshotBytes, { kind: 'encrypted' }>;

/** How many bytes of a plain snapshot are read, hashed and decoded at a time (what fs.readFile reads at a time). */
const PIECE = 512 * 1024;

/**
 * Reads a snapshot for opening. A plain file is read in pieces into two reused buffers (the next
 * piece is read while this one is hashed and decoded) and decoded into a rope of strings that
 * JSON.parse reads as it is — what fs.readFile does with an encoding. Why not one read of the whole
 * file: a 130 MB buffer is fresh memory the kernel has to fault in page by page before a byte is
 * decoded, and then copied into a string; at 10× that was a fifth of the open. The SHA-256 (for
 * the seal) is taken on the way, over the same bytes that were decoded. An encrypted file is read
 * whole: it is authenticated as one block.
 */
export async function readSnapshotText(path: string): Promise<SnapshotRead> {
  let handle;
  try {
    handle = await openFile(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new SnapshotUnreadable('unreadable', (e as Error).message);
  }
  try {
    const buffers = [Buffer.allocUnsafeSlow(PIECE), Buffer.allocUnsafeSlow(PIECE)] as const;
    let at = 0;
    const readPiece = async (buffer: Buffer): Promise<Buffer> => {
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, at + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      at += filled;
      return filled === buffer.length ? buffer : buffer.subarray(0, filled);
    };
    let piece = await readPiece(buffers[0]);
    if (piece.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)) {
      const whole = classify(await readFile(path));
      if (whole.kind !== 'encrypted') throw new SnapshotUnreadable('unreadable', 'The file changed while it was read.');
      return whole;
    }
    let more = piece.length === PIECE;
    // Notepad and some editors save UTF-8 with a byte-order mark; the JSON after it is what counts.
    if (piece.subarray(0, 3).equals(BOM)) piece = piece.subarray(3);
    const hash = createHash('sha256');
    const decoder = new StringDecoder('utf8');
    let text = '';
    let size = 0;
    for (let i = 1; ; i++) {
      const next = more ? readPiece(buffers[i % 2]!) : null;
      hash.update(piece);
      text += decoder.write(piece);
      size += piece.length;
      if (!next) break;
      piece = await next;
      more = piece.length === PIECE;
    }
    return { kind: 'plain', text: text + decoder.end(), size, sha256: hash.digest('hex') };
  } catch (e) {
    if (e instanceof SnapshotUnreadable) throw e;
    throw new SnapshotUnreadable('unreadable', (e as Error).message);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** How much of the file's start is read to learn whether it is encrypted and under which key. */
const HEAD_BYTES = 64 * 1024;

/**
 * The header of an encrypted snapshot from the file's first bytes only, or null when the file is
 * plain, missing, or its header does not fit there (then the caller reads the whole file). A
 * workspace that opens locked needs no more than this until the passphrase is given.
 */
export async function readEncryptedHeader(path: string): Promise<EncryptedHeader | null> {
  let head: Buffer;
  try {
    const handle = await openFile(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  if (!head.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC) || head.indexOf(0x0a, ENCRYPTED_MAGIC.length) < 0) return null;
  try {
    const snap = classify(head);
    return snap.kind === 'encrypted' ? snap.header : null;
  } catch {
    return null; // a damaged header: the full read reports it
  }
}

export function classify(bytes: Buffer): SnapshotBytes {
  if (!bytes.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)) {
    // Notepad and some editors save UTF-8 with a byte-order mark; the JSON after it is what counts.
    return { kind: 'plain', bytes: bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes };
  }
  const end = bytes.indexOf(0x0a, ENCRYPTED_MAGIC.length);
  if (end < 0) throw new SnapshotUnreadable('tampered', 'The encrypted file has no header.');
  let header: EncryptedHeader;
  try {
    header = EncryptedHeader.parse(JSON.parse(bytes.subarray(ENCRYPTED_MAGIC.length, end).toString('utf8')));
  } catch {
    throw new SnapshotUnreadable('tampered', 'The encrypted file’s header is not readable.');
  }
  return { kind: 'encrypted', header, aad: bytes.subarray(0, end + 1), body: bytes.subarray(end + 1), bytes };
}

/** The JSON text inside an encrypted snapshot; a changed byte anywhere fails authentication. */
export function decryptSnapshot(snap: Extract<SnapshotBytes, { kind: 'encrypted' }>, key: DataKey): Buffer {
  try {
    return decryptBlock(key.key, snap.body, snap.aad);
  } catch {
    throw new SnapshotUnreadable('tampered', 'The encrypted file has been changed or damaged: it does not authenticate.');
  }
}

/**
 * The UTF-8 text of `bytes`, decoded a piece at a time. One `toString` over a whole 126 MB file
 * that holds a few non-ASCII characters takes about twice as long (a single two-byte string built
 * in one go); pieces give a rope that JSON.parse reads as it is. A multi-byte character split
 * between pieces is carried over by the decoder.
 */
export function decodeUtf8(bytes: Buffer): string {
  // Files this app writes are ASCII (json-adapter's asciiJson): one copy into a one-byte string.
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (bytes.length <= PIECE) return bytes.toString('utf8');
  const decoder = new StringDecoder('utf8');
  let text = '';
  for (let at = 0; at < bytes.length; at += PIECE) text += decoder.write(bytes.subarray(at, Math.min(bytes.length, at + PIECE)));
  return text + decoder.end();
}

/** Parses snapshot JSON and takes its `$snapshot` identity out of the database object. */
export function parseSnapshotJson(text: Buffer | string): { raw: Record<string, unknown>; meta: SnapshotMeta | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof text === 'string' ? text : decodeUtf8(text));
  } catch (e) {
    throw new SnapshotUnreadable('notJson', (e as Error).message);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SnapshotUnreadable('notJson', 'The file does not hold a JSON object.');
  const obj = raw as Record<string, unknown>;
  const meta = SnapshotMeta.safeParse(obj[META_KEY]);
  delete obj[META_KEY];
  return { raw: obj, meta: meta.success ? meta.data : null };
}
