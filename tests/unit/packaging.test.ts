import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { optionalStubs } from '../../scripts/esbuild-stubs.mjs';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** The package a module id or a data-file path inside node_modules belongs to. */
const packageOf = (id: string) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]!);

describe('the desktop app’s bundle', () => {
  it('loads at run time only production dependencies: electron-builder leaves devDependencies out of the installer', async () => {
    // Bundled like scripts/build.mjs bundles the main process; what stays outside is resolved at run time.
    const out = await build({
      entryPoints: [join(root, 'electron/main/main.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
      external: ['electron', 'pdfkit'],
      plugins: [optionalStubs],
      define: { 'import.meta.url': '__url' },
    });
    const code = out.outputFiles[0]!.text;
    const required = [...code.matchAll(/require\("([^"./][^"]*)"\)/g)].map((m) => m[1]!).filter((id) => !id.startsWith('node:') && !builtinModules.includes(id) && id !== 'electron');
    // Data files resolved through createRequire: fonts, map shapes.
    const dataFiles = [...code.matchAll(/"((?:@[a-z0-9-]+\/)?[a-z0-9-]+\/[^"\s]+\.(?:json|ttf|otf))"/g)].map((m) => m[1]!);
    expect(dataFiles.some((f) => f.startsWith('world-atlas/'))).toBe(true);
    expect(dataFiles.some((f) => f.startsWith('@expo-google-fonts/noto-sans/'))).toBe(true);
    const runtime = [...new Set([...required, ...dataFiles].map(packageOf))].sort();
    expect(runtime).toContain('pdfkit');
    for (const name of runtime) expect(pkg.dependencies, `${name} is loaded at run time`).toHaveProperty([name]);
  });

  it('bundles the import’s reading thread whole, and unpacks it beside app.asar where reader.ts looks for it', async () => {
    // Bundled like scripts/build.mjs bundles dist/workers/import-read.cjs: nothing may stay outside.
    const out = await build({
      entryPoints: [join(root, 'electron/backend/services/imports/read-worker.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    const required = [...code.matchAll(/require\("([^"./][^"]*)"\)/g)].map((m) => m[1]!).filter((id) => !id.startsWith('node:') && !builtinModules.includes(id));
    expect(required).toEqual([]);
    expect(readFileSync(join(root, 'scripts/build.mjs'), 'utf8')).toContain("'workers/import-read.cjs'");
    expect(readFileSync(join(root, 'electron/backend/services/imports/reader.ts'), 'utf8')).toContain("'../workers/import-read.cjs'");
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toMatch(/asarUnpack:\n\s+- dist\/workers\/\*\*/);
  });
});

describe('the build script', () => {
  it('refuses an out folder outside the repository instead of building into <repo>/tmp/… (review finding 31)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const outside = join(root, '..', `attache-outside-${process.pid}`);
    const run = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { env: { ...process.env, ATTACHE_OUT_DIR: outside }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('must be a folder inside the repository');
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(join(root, outside))).toBe(false);
  });
});
