import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// Libraries only some screens need load with those screens: the dashboard's charts, the rich-text
// editor, the maps' data. Every other library goes into one chunk, and the app's own code that
// several screens share into another, so opening a screen costs a handful of requests, not dozens.
const screenOnlyLibraries = /[\\/]node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|internmap|@mantine[\\/]charts|@tiptap[\\/][^\\/]+|prosemirror-[^\\/]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs|decimal\.js-light|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|es-toolkit|eventemitter3|tiny-invariant|use-sync-external-store|topojson-client|world-atlas)[\\/]/;

/**
 * The app's own modules that import a screen-only library, directly or through one another (static
 * imports only: `import('…')` loads later). They stay out of the shared chunk, which every start
 * loads; the build checks that the app's start loads none of those libraries (chunkPreloads). Taken
 * from the bundler's own module graph when the build phase ends, before any chunk is made, so a new
 * rich-text or chart module needs no entry.
 */
const screenOnlyModules = new Set<string>();
function findScreenOnlyModules(): Plugin {
  return {
    name: 'attache-screen-only-modules',
    apply: 'build',
    buildEnd() {
      screenOnlyModules.clear();
      const own = (id: string) => !id.includes('node_modules') && !id.startsWith('\0');
      const importers = new Map<string, string[]>();
      for (const id of this.getModuleIds()) {
        if (!own(id)) continue;
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) {
          if (screenOnlyLibraries.test(dep) && !dep.endsWith('.css')) screenOnlyModules.add(id);
          else if (own(dep)) importers.set(dep, [...(importers.get(dep) ?? []), id]);
        }
      }
      const queue = [...screenOnlyModules];
      while (queue.length) {
        for (const by of importers.get(queue.pop()!) ?? []) {
          if (!screenOnlyModules.has(by)) {
            screenOnlyModules.add(by);
            queue.push(by);
          }
        }
      }
    },
  };
}

/**
 * Writes into the page, as a JSON data block (not a script: the CSP is untouched), which chunks the
 * app (start.tsx) and each screen of routes.ts need, their static imports included. The boot
 * (app/boot.ts) asks for the opening screen's chunks at once with <link rel="modulepreload">, so
 * they arrive while the libraries' chunk is still loading, not one round of requests after it has
 * been evaluated. The screens are read from routes.ts's loaders, so a new screen needs no entry here.
 */
function chunkPreloads(): Plugin {
  const src = join(here, 'renderer', 'src');
  const moduleOf = (fromDir: string, spec: string) => {
    const base = resolve(fromDir, spec);
    const file = ['.tsx', '.ts'].map((ext) => base + ext).find((f) => existsSync(f));
    if (!file) throw new Error(`chunkPreloads: cannot resolve ${spec}`);
    return file;
  };
  return {
    name: 'attache-chunk-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const byModule = new Map<string, string>();
        for (const out of Object.values(bundle)) if (out.type === 'chunk' && out.facadeModuleId) byModule.set(out.facadeModuleId, out.fileName);
        const closure = (file: string, into = new Set<string>()) => {
          if (into.has(file)) return into;
          into.add(file);
          const out = bundle[file];
          if (out?.type === 'chunk') for (const imported of out.imports) closure(imported, into);
          return into;
        };
        const chunksOf = (module: string) => {
          const file = byModule.get(module);
          if (!file) throw new Error(`chunkPreloads: no chunk for ${module}`);
          return [...closure(file)].map((f) => `./${f}`);
        };
        const routes = readFileSync(join(src, 'app', 'routes.ts'), 'utf8');
        const screens: Record<string, string[]> = {};
        for (const [, name, spec] of routes.matchAll(/^\s*'?([\w-]+)'?: \(\) => import\('([^']+)'\)/gm)) screens[name!] = chunksOf(moduleOf(join(src, 'app'), spec!));
        if (Object.keys(screens).length === 0) throw new Error('chunkPreloads: no screen loaders found in routes.ts');
        const preloads = { app: [...new Set([...chunksOf(moduleOf(src, './csp-setup')), ...chunksOf(moduleOf(src, './start'))])], screens };
        // What every start loads holds none of the large screen-only libraries: the charts, the
        // rich-text editor, the maps. (Small ones, such as use-sync-external-store, the libraries'
        // chunk may take along for a library that needs them.)
        const large = /[\\/]node_modules[\\/](recharts|d3-[^\\/]+|@mantine[\\/]charts|@tiptap[\\/][^\\/]+|prosemirror-[^\\/]+|topojson-client|world-atlas)[\\/]/;
        for (const file of preloads.app) {
          const out = bundle[file.slice(2)];
          const library = out?.type === 'chunk' ? out.moduleIds.find((id) => large.test(id) && !id.endsWith('.css')) : undefined;
          if (library) throw new Error(`chunkPreloads: ${file} is loaded at every start but holds ${library}`);
        }
        // The shared chunk builds zod schemas as it is evaluated, so it must come after csp-setup:
        // neither the entry nor csp-setup may import it, and it imports nothing but the libraries
        // (no cycle through which it could be evaluated early).
        const chunks = Object.values(bundle).filter((out) => out.type === 'chunk');
        const common = chunks.find((c) => c.name === 'common');
        for (const early of chunks.filter((c) => c.isEntry || c.facadeModuleId?.endsWith('csp-setup.ts'))) {
          if (common && early.imports.includes(common.fileName)) throw new Error(`chunkPreloads: ${early.fileName} imports the shared chunk, which must load after csp-setup`);
        }
        const beyondLibraries = common?.imports.filter((f) => !/^assets\/(vendor|rolldown-runtime)-/.test(f)) ?? [];
        if (beyondLibraries.length) throw new Error(`chunkPreloads: the shared chunk imports ${beyondLibraries.join(', ')}`);
        return {
          html,
          tags: [{ tag: 'script', attrs: { type: 'application/json', id: 'attache-chunks' }, children: JSON.stringify(preloads), injectTo: 'head' }],
        };
      },
    },
  };
}

// The renderer is a static bundle served by either shell (Electron's app:// protocol or the web
// host), so every URL is relative and nothing is fetched from elsewhere at run time.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), findScreenOnlyModules(), chunkPreloads()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // The shells run Chromium ≥ 123, which has CSS light-dark(); lowering it for older browsers breaks it.
    cssTarget: 'chrome123',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Styles stay with the entry (the page's head), not in the libraries' script chunk.
            { name: 'vendor', test: (id: string) => id.includes('node_modules') && !id.endsWith('.css') && !screenOnlyLibraries.test(id), priority: 4 },
            // The app's own code that two or more chunks share (schemas, lists, dialogs, and the
            // styles they import): one chunk, not some forty files of a few kilobytes, each a
            // request of its own (a web host's browser opens six at a time). Every start loads it,
            // dialogs the opening screen may not need included (~260 KB of its source): measured,
            // the people list is still interactive ~140 ms sooner than with the files apart. Left out: csp-setup
            // (it must run before the first module that uses zod) and the modules that import a
            // screen-only library, which would otherwise load that library with every screen.
            {
              name: 'common',
              test: (id: string) => !id.includes('node_modules') && !/[\\/]csp-setup\.ts$/.test(id) && !screenOnlyModules.has(id),
              includeDependenciesRecursively: false,
              minShareCount: 2,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': {
        target: `http://127.0.0.1:${process.env.ATTACHE_DEV_API_PORT ?? 4781}`,
        configure: (proxy) => {
          // The web host accepts only its own origin; the dev server is a trusted local proxy.
          proxy.on('proxyReq', (req) => {
            req.removeHeader('origin');
            req.setHeader('host', `127.0.0.1:${process.env.ATTACHE_DEV_API_PORT ?? 4781}`);
          });
        },
      },
    },
  },
});
