// `npm run dev`: the backend as the web host (from source, via tsx) plus Vite's dev server with
// hot reload for the renderer; Vite proxies /api to the web host. Prints the address to open.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.ATTACHE_DEV_API_PORT ?? '4781';
const host = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/web/main.ts'), '--port', apiPort, ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, ATTACHE_RENDERER_DIR: join(root, 'renderer'), ATTACHE_VALIDATE_OUTPUT: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});

const token = await new Promise((resolve, reject) => {
  let out = '';
  host.stdout.on('data', (d) => {
    out += d.toString();
    const m = /token=([0-9a-f]+)/.exec(out);
    if (m) resolve(m[1]);
  });
  host.on('exit', (code) => reject(new Error(`The web host exited with ${code}`)));
});

const { createServer } = await import('vite');
const vite = await createServer({ configFile: join(root, 'vite.config.ts'), server: { open: false } });
await vite.listen();
console.log(`\nAttaché (dev) on http://127.0.0.1:${vite.config.server.port}/?token=${token}\n`);

const stop = async () => {
  await vite.close();
  host.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
