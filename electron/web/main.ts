import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDLE_WARM_MS, openBackend, downloadPlatform } from '../backend';
import { isAppError } from '../../shared/errors';
import { dataDirFromArgs, userDataDir, workspaceDir } from '../shell/data-dir';
import { startWebHost } from './server';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const usage = `Usage: npm run web -- [--port N] [--data-dir DIR]
  --port N        port on 127.0.0.1 (default 4780; 0 picks a free one)
  --data-dir DIR  workspace folder (default: the Electron app's, ${workspaceDir(userDataDir())})`;

/**
 * Stopping, from any cause: a signal (Ctrl+C, kill, a closed terminal; scripts/web.mjs forwards them),
 * or the wrapper gone. A stop during start-up waits for it, then closes what was opened: closing the
 * backend flushes the store and releases the workspace lock.
 */
function lifecycle() {
  const closeables: Array<() => Promise<void>> = [];
  let startup: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    await startup.catch(() => undefined);
    let code = 0;
    for (const close of closeables.reverse()) {
      try {
        await close();
      } catch (e) {
        console.error(`Attaché: closing after ${why} failed:`, e);
        code = 1;
      }
    }
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
  // Started by scripts/web.mjs with an IPC channel: the channel closes when the wrapper ends in any
  // way, even by SIGKILL, which it cannot forward. The host must not outlive it holding the lock.
  if (process.send) {
    process.on('disconnect', () => void stop('the wrapper ended'));
  }
  return {
    /** Runs the start-up; each step registers what it opened, and the steps stop early once stopping. */
    start(steps: (opened: (close: () => Promise<void>) => boolean) => Promise<void>) {
      startup = steps((close) => {
        closeables.push(close);
        return !stopping;
      });
      return startup;
    },
  };
}

async function main() {
  // The wrapper's IPC channel (if any) only tells us when it ends; it must not keep this process alive.
  process.channel?.unref();
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return;
  }
  const port = Number(option(argv, 'port') ?? process.env.ATTACHE_PORT ?? 4780);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${option(argv, 'port')}`);
  const dataDir = resolve(dataDirFromArgs(argv) ?? workspaceDir(userDataDir()));
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.ATTACHE_RENDERER_DIR ?? join(here, '..', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`The renderer is not built (${rendererDir}). Run npm run build.`);

  await lifecycle().start(async (opened) => {
    const backend = await openBackend({ dataDir, platform: downloadPlatform, validateOutput: process.env.ATTACHE_VALIDATE_OUTPUT === '1', warmWhenIdleMs: IDLE_WARM_MS });
    if (!opened(() => backend.close())) return;
    const host = await startWebHost({ backend, rendererDir, port });
    if (!opened(() => host.close())) return;
    console.log(`Attaché is running on ${host.url}`);
    console.log(`Workspace: ${dataDir}`);
    console.log('Open the address above in a browser. Press Ctrl+C to stop.');
  });
}

main().catch((e) => {
  console.error(isAppError(e) ? `Attaché: ${e.message}` : e);
  process.exit(isAppError(e) && e.code === 'WORKSPACE_LOCKED' ? 3 : 1);
});
