import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Attaché';

/** Where Electron's app.getPath('userData') points for this app, computed without Electron. */
export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

/** The workspace folder inside the user-data folder (Chromium keeps its own files beside it). */
export const workspaceDir = (userData: string) => join(userData, 'workspace');

/** `--data-dir X` or `--data-dir=X` from argv, else ATTACHE_DATA_DIR, else undefined. */
export function dataDirFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return env.ATTACHE_DATA_DIR || undefined;
}
