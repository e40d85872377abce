// Builds everything the shells run: the renderer (Vite) and the Electron main, preload and web host
// bundles and the import's reading thread (esbuild). `node scripts/build.mjs --if-stale` skips the work when nothing changed.
import { optionalStubs } from './esbuild-stubs.mjs';
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// ATTACHE_OUT_DIR lets parallel work build into its own folder (default dist/): relative to the
// repository, or absolute. It must lie inside the repository, where the bundles find node_modules
// (pdfkit and the fonts are loaded at run time); a folder outside is refused rather than half-built.
const outDir = resolve(root, process.env.ATTACHE_OUT_DIR ?? 'dist');
const insideRoot = relative(root, outDir);
if (!insideRoot || insideRoot.startsWith('..') || isAbsolute(insideRoot)) {
  console.error(`ATTACHE_OUT_DIR must be a folder inside the repository (${root}); ${outDir} is not.`);
  process.exit(2);
}
const stampFile = join(outDir, '.build-stamp');
const sources = ['renderer', 'shared', 'electron', 'assets', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isStale() {
  if (!existsSync(stampFile)) return true;
  const built = Number(readFileSync(stampFile, 'utf8')) || 0;
  return sources.some((s) => newestMtime(join(root, s)) > built);
}

export async function buildAll({ quiet = false } = {}) {
  const started = Date.now();
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info', build: { outDir: join(outDir, 'renderer') } });

  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // pdfkit reads its own data files at run time, so it stays a real dependency.
    external: ['electron', 'pdfkit'],
    plugins: [optionalStubs],
    // Libraries' production builds (immer's development build checks every draft on each save).
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await esbuild({
    ...common,
    entryPoints: [join(root, 'electron/main/main.ts')],
    outfile: join(outDir, 'electron/main.cjs'),
    format: 'cjs',
    // The backend locates its font files relative to import.meta.url, which CommonJS lacks.
    define: { ...common.define, 'import.meta.url': '__attacheImportMetaUrl' },
    banner: { js: "const __attacheImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  // A sandboxed preload can require nothing but a few Electron modules: bundle everything.
  await esbuild({
    ...common,
    entryPoints: [join(root, 'electron/preload/preload.ts')],
    outfile: join(outDir, 'electron/preload.cjs'),
    format: 'cjs',
    // Browser platform: i18n-iso-countries' browser entry, not the one loading eighty locales.
    platform: 'browser',
    external: ['electron'],
  });
  await esbuild({
    ...common,
    entryPoints: [join(root, 'electron/web/main.ts')],
    outfile: join(outDir, 'web/main.mjs'),
    format: 'esm',
    banner: { js: "import { createRequire as __attacheRequire } from 'node:module'; const require = __attacheRequire(import.meta.url);" },
  });
  // The import's reading thread (electron/backend/services/imports/reader.ts starts it from both
  // shells' bundles as ../workers/import-read.cjs): everything it needs bundled into one file.
  await esbuild({
    ...common,
    entryPoints: [join(root, 'electron/backend/services/imports/read-worker.ts')],
    outfile: join(outDir, 'workers/import-read.cjs'),
    format: 'cjs',
    external: [],
  });
  writeFileSync(stampFile, String(started));
  if (!quiet) console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? "")) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) {
    console.log('Build is up to date.');
  } else {
    await buildAll();
  }
}
