// `npm run web`: builds if anything changed since the last build, then starts the web host.
// Stopping the wrapper (Ctrl-C, kill, a closed terminal) stops whichever child runs, and the wrapper ends the way it did.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let stopping = null;

/** Leaves with the child's exit code, or by the signal that ended it, so npm and shells see what happened. */
function exitLike(code, signal) {
  if (signal) {
    for (const s of signals) process.removeAllListeners(s);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
}

let child = spawn(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
for (const signal of signals) {
  process.on(signal, () => {
    stopping = signal;
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  if (stopping) return exitLike(null, stopping);
  if (code !== 0) return exitLike(code, signal);
  child = spawn(process.execPath, [join(root, process.env.ATTACHE_OUT_DIR ?? 'dist', 'web/main.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', exitLike);
});
