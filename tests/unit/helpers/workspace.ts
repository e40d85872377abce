import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openBackend, downloadPlatform, type Backend, type BackendOptions, type Platform } from '../../../electron/backend';
import type { InputOf, OperationName, OutputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';

/** scrypt at 16 MiB instead of 128 MiB: the same code path, a faster test. */
export const TEST_KDF = { N: 2 ** 14, r: 8, p: 1 } as const;

const made: string[] = [];
const opened: Backend[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(prefix = 'attache-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  for (const b of opened.splice(0)) await b.close().catch(() => undefined);
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true });
});

export interface TestBackend extends Backend {
  dataDir: string;
  /** Calls an operation through the real dispatcher; throws AppError on an error envelope. */
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
}

/** The real backend on a real temp folder, with results checked against the contract. */
export async function openTestBackend(
  opts: { dataDir?: string; now?: () => Date; sample?: boolean; init?: boolean; platform?: Platform; importReader?: BackendOptions['importReader']; warmWhenIdleMs?: number } = {},
): Promise<TestBackend> {
  const dataDir = opts.dataDir ?? (await tempDir());
  const backend = await openBackend({
    dataDir,
    platform: opts.platform ?? downloadPlatform,
    validateOutput: true,
    kdf: TEST_KDF,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.importReader ? { importReader: opts.importReader } : {}),
    ...(opts.warmWhenIdleMs !== undefined ? { warmWhenIdleMs: opts.warmWhenIdleMs } : {}),
  });
  opened.push(backend);
  const call = async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
    const envelope = await backend.dispatch(name, input);
    if (!envelope.ok) throw AppError.fromBody(envelope.error);
    return envelope.data as OutputOf<N>;
  };
  const tb: TestBackend = Object.assign(backend, { dataDir, call });
  if (opts.init !== false && backend.store.state === 'new') await tb.call('workspace.initialize', { sample: opts.sample ?? false });
  return tb;
}

/** The AppError a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
