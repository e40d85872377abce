import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Libraries only some screens need load with those screens: the dashboard's charts, the rich-text
// editor, the maps' data. Every other library goes into one chunk, and the app's own code that
// several screens share into another, so opening a screen costs a handful of requests, not dozens.
const screenOnlyLibraries = /[\\/]node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|internmap|@mantine[\\/]charts|@tiptap[\\/][^\\/]+|prosemirror-[^\\/]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs|decimal\.js-light|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|es-toolkit|eventemitter3|tiny-invariant|use-sync-external-store|topojson-client|world-atlas)[\\/]/;

// The renderer is a static bundle served by either shell (Electron's app:// protocol or the web
// host), so every URL is relative and nothing is fetched from elsewhere at run time.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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
