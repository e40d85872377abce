// `npm run web`: builds if anything changed since the last build, then starts the web host.
// Stopping the wrapper (Ctrl-C, kill, a closed terminal) stops whichever child runs, and the wrapper ends the way it did;
// if the wrapper is killed outright (SIGKILL), the host notices its IPC channel close and stops by itself.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
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
  // The IPC channel is the host's lifeline: it closes when this wrapper ends in any way, even by
  // SIGKILL (which cannot be forwarded), and the host then closes the workspace and exits.
  child = spawn(process.execPath, [resolve(root, process.env.ATTACHE_OUT_DIR ?? 'dist', 'web/main.mjs'), ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.on('exit', exitLike);
});
