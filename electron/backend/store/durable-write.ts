import { createHash, randomBytes, type Hash } from 'node:crypto';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Flushes a directory entry so a completed rename survives a power cut (a no-op where unsupported). */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (e) {
    // Windows cannot open directories for fsync; NTFS journals the rename itself.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw e;
  } finally {
    await handle?.close();
  }
}

/** What can be written: text, bytes, or chunks (one per record, or an encrypted stream) never concatenated first. */
export type DurableData = string | Uint8Array | Iterable<Uint8Array>;

/** Many small buffers (one per record) are gathered into ~4 MB blocks, so the kernel sees few large writes. */
async function writeAll(handle: FileHandle, data: DurableData, hash: Hash): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    const bytes = typeof data === 'string' ? Buffer.from(data) : (data as Uint8Array);
    hash.update(bytes);
    await handle.writeFile(bytes);
    return;
  }
  const BLOCK = 4 * 1024 * 1024;
  let group: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    if (!group.length) return;
    const block = group.length === 1 ? group[0]! : Buffer.concat(group, size);
    hash.update(block);
    await handle.writeFile(block);
    group = [];
    size = 0;
  };
  for (const chunk of data) {
    group.push(chunk);
    size += chunk.byteLength;
    if (size >= BLOCK) await flush();
  }
  await flush();
}

/**
 * Replaces `path` with `data` so that a reader (or a crash) sees either the old file or the new one,
 * never a mixture: temp file in the same folder → fsync → rename → fsync folder.
 */
/** Temp files of writeFileDurably start with a dot and end in .tmp; the store removes stale ones at open. */
export const TEMP_FILE = /^\..+\.[0-9]+\.[0-9a-f]{12}\.tmp$/;

export async function writeFileDurably(path: string, data: DurableData): Promise<{ sha256: string; size: number }> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  const hash = createHash('sha256');
  try {
    await writeAll(handle, data, hash);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await fsyncDirectory(dir);
  return { sha256: hash.digest('hex'), size: (await stat(path)).size };
}
