import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend, downloadPlatform } from '../backend';
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

async function main() {
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

  const backend = await openBackend({ dataDir, platform: downloadPlatform, validateOutput: process.env.ATTACHE_VALIDATE_OUTPUT === '1' });
  const host = await startWebHost({ backend, rendererDir, port });
  console.log(`Attaché is running on ${host.url}`);
  console.log(`Workspace: ${dataDir}`);
  console.log('Open the address above in a browser. Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await backend.close();
    process.exit(0);
  };
  // SIGHUP: the terminal closed (scripts/web.mjs forwards it); close the workspace as for Ctrl+C.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

main().catch((e) => {
  console.error(isAppError(e) ? `Attaché: ${e.message}` : e);
  process.exit(isAppError(e) && e.code === 'WORKSPACE_LOCKED' ? 3 : 1);
});
