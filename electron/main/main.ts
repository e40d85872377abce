// The Electron entry (bundled to dist/electron/main.cjs). Everything testable lives in ./app and
// the modules it wires; this file only hands over the real Electron.
import * as electron from 'electron';
import { startApp } from './app';

startApp(electron, { argv: process.argv, env: process.env, platform: process.platform, distDir: __dirname });
